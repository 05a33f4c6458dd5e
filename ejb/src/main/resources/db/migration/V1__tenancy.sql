-- Tenants (one district office each) and their units.
--
-- Every tenant-owned table has tenant_id as the first column of its primary and foreign
-- keys so the schema can be distributed by tenant_id (Citus) unchanged. Row-level security
-- is the second wall behind Hibernate's @TenantId: connections of the application role see
-- only rows of the tenant named by the transaction-local setting app.tenant_id, and no row
-- at all when it is unset.

create table tenant (
    id          varchar(40)  primary key check (id ~ '^[a-z][a-z0-9-]{1,39}$'),
    name        varchar(100) not null unique,
    time_zone   varchar(40)  not null default 'Asia/Shanghai',
    created_at  timestamptz  not null default now()
);

create table unit (
    tenant_id     varchar(40)  not null references tenant (id),
    id            uuid         not null,
    code          varchar(40)  not null check (code ~ '^[a-z][a-z0-9-]{0,39}$'),
    name          varchar(100) not null,
    aliases       text[]       not null default '{}',
    kind          varchar(20)  not null check (kind in ('DISTRICT_OFFICE', 'DEPARTMENT', 'TOWN')),
    ranking_group varchar(40),
    parent_id     uuid,
    version       integer      not null default 0,
    created_at    timestamptz  not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, code),
    unique (tenant_id, name),
    foreign key (tenant_id, parent_id) references unit (tenant_id, id)
);
create index unit_aliases_idx on unit using gin (aliases);

alter table tenant enable row level security;
-- A tenant's users see their own tenant row; the platform operator sees all tenants.
create policy tenant_visibility on tenant
    using (id = current_setting('app.tenant_id', true)
           or current_setting('app.platform', true) = 'on')
    with check (current_setting('app.platform', true) = 'on');

alter table unit enable row level security;
create policy tenant_isolation on unit
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

grant select, insert, update on tenant to ${appRole};
grant select, insert, update, delete on unit to ${appRole};
