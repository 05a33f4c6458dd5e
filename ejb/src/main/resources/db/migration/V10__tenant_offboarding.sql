-- Offboarding a district (issue 15): suspension, recorded exports, deletion with a tombstone.
--
-- A suspended tenant (suspended_at set) is refused by the request filter within seconds, like a
-- disabled account (cn.duban.account.DisabledAccounts reads this column with the disabled list),
-- and skipped by the timers (cn.duban.tenant.EachTenant). Only the operator changes it: the
-- tenant table's policy lets updates through with app.platform on only.
alter table tenant add column suspended_at timestamptz;
alter table tenant add column suspended_by varchar(255);

-- The Keycloak users Duban disabled when it suspended the tenant: resuming re-enables these and
-- no others, so an account the district itself had disabled stays disabled.
create table tenant_suspended_user (
    tenant_id  varchar(40)  not null references tenant (id),
    user_id    varchar(64)  not null,
    username   varchar(255) not null,
    primary key (tenant_id, user_id)
);
alter table tenant_suspended_user enable row level security;
alter table tenant_suspended_user force row level security;
create policy tenant_isolation on tenant_suspended_user using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, delete on tenant_suspended_user to ${appRole};

-- Every archive the operator downloaded: deletion requires one taken after the tenant's last
-- change, and the tombstone keeps its SHA-256. Append-only for the application.
create table tenant_export (
    tenant_id        varchar(40)  not null references tenant (id),
    id               uuid         not null,
    exported_at      timestamptz  not null,
    exported_by      varchar(255) not null,
    sha256           char(64)     not null,
    size             bigint       not null,
    audit_head_seq   bigint,
    audit_head_hash  char(64),
    primary key (tenant_id, id)
);
alter table tenant_export enable row level security;
alter table tenant_export force row level security;
create policy tenant_isolation on tenant_export using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on tenant_export to ${appRole};

-- What is left of a deleted tenant (written by the deletion tool, cn.duban.tenant.offboard.
-- TenantDeletion, as the maintenance role). The column is tenant_code, not tenant_id: the row
-- outlives its tenant and belongs to the platform, not to a tenant.
create table tenant_tombstone (
    id               uuid         primary key,
    tenant_code      varchar(40)  not null,
    tenant_name      varchar(100) not null,
    created_at       timestamptz,
    deleted_at       timestamptz  not null,
    deleted_by       varchar(255) not null,
    export_id        uuid         not null,
    export_sha256    char(64)     not null,
    exported_at      timestamptz  not null,
    audit_head_seq   bigint,
    audit_head_hash  char(64),
    row_counts       jsonb        not null
);
alter table tenant_tombstone enable row level security;
alter table tenant_tombstone force row level security;
create policy platform_only on tenant_tombstone using (current_setting('app.platform', true) = 'on')
    with check (false);
grant select on tenant_tombstone to ${appRole};
