-- Timers run once per cluster: every WildFly node fires the same @Schedule, and the first node to
-- insert the job's slot (cn.duban.tenant.ClusterJob: a day, a month or a quarter of an hour, in
-- Beijing time) does the work; the others find the row taken (insert ... on conflict do nothing,
-- cn.duban.tenant.JobRuns) and skip. One row per tenant, job and slot; the platform's own jobs
-- (the deleted tenants' directory purge) use tenant_id '' and only the platform caller
-- (app.platform on) may claim those. finished_at stays empty when the node failed or died mid-run:
-- the operator re-runs such a slot (POST /api/v1/tenants/{id}/jobs/{job}/runs). No foreign key to
-- tenant: '' is no tenant. Rows are not pruned yet: about 7 300 per tenant and year (18 receipt
-- chases a day, the daily reminders and city report, 12 circular months) and 35 040 platform rows.
create table job_run (
    tenant_id    text         not null,
    job          text         not null,
    slot         text         not null,
    node         text,
    started_at   timestamptz  not null default now(),
    finished_at  timestamptz,
    primary key (tenant_id, job, slot)
);

alter table job_run enable row level security;
alter table job_run force row level security;
create policy tenant_isolation on job_run
    using (tenant_id = current_setting('app.tenant_id', true)
           and (tenant_id <> '' or current_setting('app.platform', true) = 'on'))
    with check (tenant_id = current_setting('app.tenant_id', true)
                and (tenant_id <> '' or current_setting('app.platform', true) = 'on'));
grant select, insert, update on job_run to ${appRole};
