-- Circulars (工作通报): drafted for a period, edited, then issued with a document number
-- (文号) counted per tenant and year. An issued circular is a record: its data (JSON), PDF and
-- SHA-256 are frozen and the row can no longer change.

create table circular (
    tenant_id        varchar(40)   not null references tenant (id),
    id               uuid          not null,
    year             integer       not null,
    period_key       varchar(10)   not null,
    state            varchar(10)   not null check (state in ('DRAFT', 'ISSUED')),
    issuing_office   varchar(200)  not null,
    doc_prefix       varchar(40)   not null,
    seq              integer,
    doc_number       varchar(100),
    title            varchar(300)  not null,
    recipients       varchar(500),
    praise_reason    varchar(500)  not null,
    next_steps       text          not null,
    content          text,
    pdf              bytea,
    sha256           char(64),
    created_by       varchar(100)  not null,
    created_at       timestamptz   not null default now(),
    issued_by        varchar(100),
    issued_at        timestamptz,
    version          integer       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, year, seq),
    check (state = 'DRAFT' or (seq is not null and doc_number is not null and content is not null and pdf is not null
                               and sha256 is not null and issued_at is not null))
);
create index circular_year_idx on circular (tenant_id, year, created_at desc);

create function duban_circular_frozen() returns trigger language plpgsql as $$
begin
    if old.state = 'ISSUED' then
        raise exception 'an issued circular cannot change' using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger circular_frozen before update or delete on circular
    for each row execute function duban_circular_frozen();

alter table circular enable row level security;
create policy tenant_isolation on circular using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on circular to ${appRole};
