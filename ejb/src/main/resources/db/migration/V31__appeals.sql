-- Appeals (申诉, issue 20 item 4): a unit contests a score line of a published result, a deduction
-- item against it, or a task's overdue mark, with a reason and evidence, within a window; the
-- district office accepts (the result is republished as the next version) or rejects with a reason.
-- While a period has open appeals it cannot be closed without an override reason.
create table appeal (
    tenant_id         varchar(40)   not null references tenant (id),
    id                uuid          not null,
    unit_id           uuid          not null,
    period_key        varchar(10)   not null,
    target_kind       varchar(20)   not null check (target_kind in ('SCORE_LINE', 'ADJUSTMENT', 'OVERDUE')),
    -- What is contested, one key per target: one open appeal per unit and target.
    target_key        varchar(300)  not null,
    target_label      varchar(1000) not null,
    indicator         varchar(200),
    task_id           uuid,
    -- No foreign key: accepting a deduction's appeal withdraws the item.
    adjustment_id     uuid,
    contested_points  numeric(8, 2),
    reason            varchar(2000) not null,
    status            varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'REJECTED')),
    filed_by          varchar(100)  not null,
    filed_at          timestamptz   not null default now(),
    decision          varchar(2000),
    corrected_points  numeric(8, 2),
    decided_by        varchar(100),
    decided_at        timestamptz,
    republished_version integer,
    version           integer       not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, unit_id) references unit (tenant_id, id),
    foreign key (tenant_id, task_id) references task (tenant_id, id)
);
create unique index appeal_one_open_idx on appeal (tenant_id, unit_id, target_key) where status = 'OPEN';
create index appeal_period_idx on appeal (tenant_id, period_key, status);
-- Scoring reads a task's accepted overdue appeal (不计逾期) per task.
create index appeal_exempt_idx on appeal (tenant_id, task_id) where target_kind = 'OVERDUE' and status = 'ACCEPTED';

create table appeal_evidence (
    tenant_id     varchar(40)   not null references tenant (id),
    id            uuid          not null,
    appeal_id     uuid          not null,
    file_name     varchar(255)  not null,
    content_type  varchar(100)  not null,
    size          integer       not null,
    sha256        char(64)      not null,
    content       bytea         not null,
    uploaded_by   varchar(100)  not null,
    uploaded_at   timestamptz   not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, appeal_id) references appeal (tenant_id, id)
);
create index appeal_evidence_appeal_idx on appeal_evidence (tenant_id, appeal_id);

-- The district's appeal window in days (申诉期); a district without a row has 7.
create table appeal_settings (
    tenant_id    varchar(40)  not null references tenant (id),
    window_days  integer      not null check (window_days between 1 and 60),
    updated_by   varchar(100) not null,
    updated_at   timestamptz  not null default now(),
    primary key (tenant_id)
);

do $$
declare t text;
begin
    foreach t in array array['appeal', 'appeal_evidence', 'appeal_settings'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
end $$;
-- An appeal is decided once (update), never deleted; its evidence is a record.
grant select, insert, update on appeal to ${appRole};
grant select, insert on appeal_evidence to ${appRole};
grant select, insert, update on appeal_settings to ${appRole};
