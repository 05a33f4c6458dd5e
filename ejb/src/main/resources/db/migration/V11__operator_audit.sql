-- The operators' own trail (三员分立, 等保 2.0): what the system administrator (platform-admin)
-- and the security administrator did on the platform side (tenants made, districts onboarded,
-- operator accounts made or given another role), and what the audit administrator read. It
-- belongs to no tenant. Append-only for the application: it may insert, never update or delete;
-- only the audit administrator's transactions (app.operator_audit = 'on', set by
-- TenantTransactionInterceptor) can read it.
create table operator_audit (
    seq        bigserial    primary key,
    at         timestamptz  not null default now(),
    actor      varchar(255) not null,
    actor_role varchar(40)  not null,
    action     varchar(64)  not null,
    subject    varchar(255),
    detail     text
);

alter table operator_audit enable row level security;
alter table operator_audit force row level security;
create policy operator_audit_read on operator_audit for select
    using (current_setting('app.operator_audit', true) = 'on');
create policy operator_audit_append on operator_audit for insert with check (true);
grant select, insert on operator_audit to ${appRole};
grant usage, select on sequence operator_audit_seq_seq to ${appRole};
