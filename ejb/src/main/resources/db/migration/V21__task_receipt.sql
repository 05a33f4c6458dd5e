-- Receipt (签收) and wrong assignment (退回错派), issue 19 items 1 and 2. Columns of task, so the
-- task's row-level security (tenant_isolation, V3/V7) covers them; no new table.
--   received_at / received_by: when and by whom the unit acknowledged the task (null: 未签收).
--   dispute_*: the unit sent the task back as "not ours" (PENDING), the district insisted
--     (UPHELD) or gave it to another unit (REASSIGNED: this task is closed as mis-assigned).
--   reassigned_from: on the new unit's task, the mis-assigned task it replaces.
alter table task
    add column received_at          timestamptz,
    add column received_by          varchar(100),
    add column dispute_state        varchar(12) check (dispute_state in ('PENDING', 'UPHELD', 'REASSIGNED')),
    add column dispute_reason       varchar(1000),
    add column disputed_at          timestamptz,
    add column disputed_by          varchar(100),
    add column dispute_answer       varchar(1000),
    add column dispute_answered_at  timestamptz,
    add column dispute_answered_by  varchar(100),
    add column reassigned_from      uuid,
    add check ((received_at is null) = (received_by is null)),
    add check (dispute_state is null or (dispute_reason is not null and disputed_at is not null));

-- Tasks published before receipt existed are taken as received when they were published: the units
-- have been working on them, and chasing them all at once would flood every inbox.
update task set received_at = published_at, received_by = 'system';

-- The 未签收 list and the chase read only open, unreceived tasks; the district's 待处理退回 list only
-- pending disputes.
create index task_unreceived_idx on task (tenant_id, published_at)
    where received_at is null and status not in ('APPROVED', 'CANCELLED');
create index task_dispute_pending_idx on task (tenant_id, disputed_at) where dispute_state = 'PENDING';

-- N working hours to acknowledge a task before it is chased (催签收), per tenant.
alter table reminder_settings
    add column receipt_hours integer not null default 8 check (receipt_hours between 1 and 200);
