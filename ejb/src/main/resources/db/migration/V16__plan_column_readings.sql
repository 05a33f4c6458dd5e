-- How a district office reads the columns of a task table's header (issue 17 item 5): saved with a
-- plan whose preview the user corrected (a column the parser ignored is 配合单位, …), applied to the
-- next import of the same header. header_key: the header cells without spaces and punctuation,
-- lower-cased, joined by '|'; meanings: one ColumnMeaning name per column, comma-separated.
create table plan_column_reading (
    tenant_id   varchar(40)   not null references tenant (id),
    id          uuid          not null,
    header_key  varchar(1000) not null,
    meanings    varchar(1000) not null,
    chosen_by   varchar(255)  not null,
    chosen_at   timestamptz   not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, header_key)
);

alter table plan_column_reading enable row level security;
alter table plan_column_reading force row level security;
create policy tenant_isolation on plan_column_reading using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on plan_column_reading to ${appRole};
