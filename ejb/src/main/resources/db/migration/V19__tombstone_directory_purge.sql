-- A deleted tenant's Keycloak users and API clients are removed by the application after the
-- deletion tool has written the tombstone (cn.duban.account.DeletedTenantDirectory): the tool works
-- on the database only, the application holds the Keycloak service account. These columns say
-- when that happened and how much went; the application may set them, nothing else of the row.
alter table tenant_tombstone
    add column directory_purged_at      timestamptz,
    add column directory_users_removed  integer,
    add column directory_clients_removed integer;
grant update (directory_purged_at, directory_users_removed, directory_clients_removed)
    on tenant_tombstone to ${appRole};
-- platform_only (V10) has "with check (false)"; permissive policies are OR-ed, so this one lets
-- the platform's transactions update (the column grant above limits what).
create policy platform_purge on tenant_tombstone for update
    using (current_setting('app.platform', true) = 'on')
    with check (current_setting('app.platform', true) = 'on');
