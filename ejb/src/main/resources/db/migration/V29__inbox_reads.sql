-- Read receipts (已读回执, issue 20 item 3): who of a unit has opened a message, each person once, with
-- the name they had then. A message is unread for each person until they open it or mark it read;
-- the district office sees, per 催办, who has read it and who has not. (V28 is left to the evidence
-- pack's storage.)
create table inbox_read (
    tenant_id   varchar(40)   not null references tenant (id),
    id          uuid          not null,
    message_id  uuid          not null,
    username    varchar(100)  not null,
    name        varchar(200)  not null,
    read_at     timestamptz   not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, message_id, username),
    foreign key (tenant_id, message_id) references inbox_message (tenant_id, id) on delete cascade
);
create index inbox_read_person_idx on inbox_read (tenant_id, username, message_id);

alter table inbox_read enable row level security;
alter table inbox_read force row level security;
create policy tenant_isolation on inbox_read using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on inbox_read to ${appRole};

-- Messages read before this: their one reader keeps them read.
do $$
declare t record;
begin
    perform set_config('app.platform', 'on', true);
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        insert into inbox_read (tenant_id, id, message_id, username, name, read_at)
        select tenant_id, gen_random_uuid(), id, read_by, read_by, read_at from inbox_message
        where read_at is not null and read_by is not null
        on conflict do nothing;
    end loop;
    perform set_config('app.tenant_id', '', true);
    perform set_config('app.platform', 'off', true);
end $$;
