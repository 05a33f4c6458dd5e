-- Row-level security applies to the schema owner too (FORCE), so that nothing that connects
-- as the owner (migrations, tools, a mistaken data source) reads or writes across tenants
-- by accident. Work that must see every tenant (integrity checks, test helpers, bulk loads)
-- connects as the maintenance role of bootstrap.sql (duban_maint, BYPASSRLS), which says so
-- in its name. A data migration that must touch every tenant loops over the tenants and sets
-- app.tenant_id for each (see docs/ARCHITECTURE.md, "Adding a tenant-owned table").
--
-- Every table with a tenant_id column, and the tenant table itself, is covered: the
-- catalogue test (DatabaseRolesIT) fails when a table is added without RLS, FORCE or policy.
do $$
declare t text;
begin
    for t in
        select c.relname
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p')
          and (c.relname = 'tenant'
               or exists (select 1 from pg_attribute a
                          where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
    end loop;
end $$;
