-- Inside a unit (单位内部流转), issue 19 item 3. Columns of task and progress_report, so their
-- row-level security (tenant_isolation, V3/V7) covers them; no new table.
--   holder_*: the colleague (经办人) the unit head handed the task to, by Keycloak username and the
--     display name at the time (like the other *_by fields); null: not handed, the whole unit has it.
--   handed_at / handed_by: when and by whom it was last handed (or taken back).
alter table task
    add column holder_username varchar(100),
    add column holder_name     varchar(200),
    add column handed_at       timestamptz,
    add column handed_by       varchar(100),
    add check ((holder_username is null) = (holder_name is null));

-- 我的任务 of a 经办人 and the head's "who holds what" read a unit's held tasks.
create index task_holder_idx on task (tenant_id, unit_id, holder_username) where holder_username is not null;

-- A report the 经办人 submitted waits for the unit head (AWAITING_HEAD) when the tenant wants it; the
-- head's decision is kept on the report. 'AWAITING_HEAD' is longer than the old varchar(10).
alter table progress_report drop constraint progress_report_state_check;
alter table progress_report alter column state type varchar(16);
alter table progress_report
    add constraint progress_report_state_check
        check (state in ('DRAFT', 'AWAITING_HEAD', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    add column head_decided_by varchar(100),
    add column head_decided_at timestamptz,
    add column head_comment    varchar(2000);
-- A report awaiting the head is frozen like a submitted one (the head approves what was written), but
-- its submission time is set again when the head passes it on (when the district got it) or cleared
-- when the head sends it back to its drafter.
create or replace function duban_report_frozen() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'progress_report' then
        if old.state <> 'DRAFT' and (new.text is distinct from old.text or new.percent is distinct from old.percent
                or new.checkpoint_id is distinct from old.checkpoint_id) then
            raise exception 'submitted report % cannot be changed', old.id using errcode = 'P0001';
        end if;
        if old.state not in ('DRAFT', 'AWAITING_HEAD') and new.submitted_at is distinct from old.submitted_at then
            raise exception 'submitted report % cannot be changed', old.id using errcode = 'P0001';
        end if;
        if tg_op = 'DELETE' and old.state <> 'DRAFT' then
            raise exception 'submitted report % cannot be deleted', old.id using errcode = 'P0001';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    -- evidence
    if exists (select 1 from progress_report r where r.tenant_id = old.tenant_id and r.id = old.report_id and r.state <> 'DRAFT') then
        raise exception 'evidence % of a submitted report cannot be changed', old.id using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create index progress_report_head_idx on progress_report (tenant_id, unit_id) where state = 'AWAITING_HEAD';

-- Per tenant: the unit head approves a report before the district sees it (off: as before).
alter table reminder_settings
    add column head_approves_reports boolean not null default false;
