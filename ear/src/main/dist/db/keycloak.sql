-- Keycloak's own database and role, beside Duban's (bootstrap.sql). Run by a PostgreSQL
-- superuser with psql, the password as a variable (bin/duban-db-bootstrap does):
--   psql -v ON_ERROR_STOP=1 -v keycloak_password=... -f keycloak.sql
create role keycloak login password :'keycloak_password';
create database keycloak owner keycloak encoding 'UTF8' template template0;
