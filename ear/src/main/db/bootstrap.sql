-- One-time database bootstrap, run by a PostgreSQL superuser before the first deployment.
-- The run command and the tests apply it to their embedded PostgreSQL; for an external
-- server run it with psql, passwords as variables (the distribution's bin/duban-db-bootstrap does):
--   psql -v ON_ERROR_STOP=1 -v owner_password=... -v app_password=... -f bootstrap.sql
-- and set the same passwords in DUBAN_DB_OWNER_PASSWORD / DUBAN_DB_APP_PASSWORD. The dev stack
-- substitutes its dev passwords (the role names) for the variables.
--
-- duban_owner owns the schema and runs the Flyway migrations at deployment.
-- duban_app is what the application connects as: not an owner, no BYPASSRLS, so every
-- query it makes is subject to row-level security.
-- duban_maint is for maintenance only (integrity checks, bulk loads): it bypasses row-level
-- security, which is forced even on the owner, and acts with the owner's privileges. It cannot
-- log in: a DBA uses it from a superuser session (set role duban_maint), so no password for it
-- exists anywhere, least of all on the application server. (The dev stack lets it log in.)
create role duban_owner login password :'owner_password';
create role duban_app login password :'app_password' nobypassrls;
create role duban_maint nologin bypassrls;
grant duban_owner to duban_maint;
create database duban owner duban_owner encoding 'UTF8' template template0 lc_collate 'C' lc_ctype 'C';
