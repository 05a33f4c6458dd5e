-- Accounts a district office has disabled (停用). Keycloak is the authority on accounts, but an
-- access token stays valid for its lifetime (15 minutes) after Keycloak disables the user; the
-- application refuses the token as soon as its subject is listed here (cached for a few seconds
-- per tenant), so a disabled person is out within the minute. Re-enabling deletes the row.
create table disabled_account (
    tenant_id    varchar(40)  not null references tenant (id),
    user_id      varchar(64)  not null,
    username     varchar(255) not null,
    disabled_by  varchar(255) not null,
    disabled_at  timestamptz  not null default now(),
    primary key (tenant_id, user_id)
);

alter table disabled_account enable row level security;
alter table disabled_account force row level security;
create policy tenant_isolation on disabled_account using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, delete on disabled_account to ${appRole};
