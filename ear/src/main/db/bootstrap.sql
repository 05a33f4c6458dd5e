-- One-time database bootstrap, run by a PostgreSQL superuser before the first deployment.
-- The run command and the tests apply it to their embedded PostgreSQL; for an external
-- server run it by hand (psql -v ... -f bootstrap.sql) and set the DUBAN_DB_* variables.
--
-- duban_owner owns the schema and runs the Flyway migrations at deployment.
-- duban_app is what the application connects as: not an owner, no BYPASSRLS, so every
-- query it makes is subject to row-level security.
-- duban_maint is for maintenance only (integrity checks, bulk loads, test helpers): it bypasses
-- row-level security, which is forced even on the owner, and acts with the owner's privileges.
-- The application server never holds its password.
create role duban_owner login password 'duban_owner';
create role duban_app login password 'duban_app' nobypassrls;
create role duban_maint login password 'duban_maint' bypassrls;
grant duban_owner to duban_maint;
create database duban owner duban_owner encoding 'UTF8' template template0 lc_collate 'C' lc_ctype 'C';
