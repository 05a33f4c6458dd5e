-- Names, not login names (issue 19): the person's display name at the time, from the token, beside
-- the login kept for the trail, like task.holder_name (V23). Rows written before have none: the
-- pages and the API fall back to the login. Columns of existing tables, so their row-level security
-- (tenant_isolation) and grants cover them.
--   task.received_by_name:              who acknowledged the task (签收人)
--   task_instruction.given_by_name:     the leader who gave the instruction (批示)
--   progress_report.submitted_by_name:  who submitted the report (报送人, also while AWAITING_HEAD)
alter table task add column received_by_name varchar(200);
alter table task_instruction add column given_by_name varchar(200);
alter table progress_report add column submitted_by_name varchar(200);

-- The lead unit acknowledges a sent contribution (确认收到): SENT -> ACKNOWLEDGED, after which the
-- co-unit can no longer change it. 'ACKNOWLEDGED' is longer than the old varchar(10).
-- V24's check on the state is unnamed; found by its in-list (the other checks have none).
do $$
declare c text;
begin
    for c in select conname from pg_constraint where conrelid = 'contribution'::regclass and contype = 'c'
            and pg_get_constraintdef(oid) like '%ARRAY%' loop
        execute format('alter table contribution drop constraint %I', c);
    end loop;
end $$;
alter table contribution alter column state type varchar(16);
alter table contribution
    add constraint contribution_state_known check (state in ('DRAFT', 'SENT', 'ACKNOWLEDGED')),
    add column sent_by_name         varchar(200),
    add column acknowledged_at      timestamptz,
    add column acknowledged_by      varchar(100),
    add column acknowledged_by_name varchar(200),
    add check (state <> 'ACKNOWLEDGED' or (acknowledged_at is not null and acknowledged_by is not null
        and first_sent_at is not null));
