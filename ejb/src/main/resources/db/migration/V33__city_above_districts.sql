-- A city above districts (issue 21 item 4). A city is a tenant of kind CITY; the platform operator
-- makes districts its members. A district reports up by sending frozen snapshots (JSON, SHA-256)
-- that land in the city's own table through ONE narrow path: the SECURITY DEFINER function
-- city_snapshot_send below, which inserts only for an existing membership of the transaction's
-- tenant (app.tenant_id). The application role may execute it, read its own tenant's snapshots,
-- and nothing else: no insert into city_snapshot, no read of another tenant's rows. The city never
-- reads a district's live rows; RLS stays per tenant.

alter table tenant add column kind varchar(10) not null default 'DISTRICT'
    check (kind in ('DISTRICT', 'CITY'));

-- Which districts report to which city: the operator's (app.platform on) to change; a district and
-- its city see their own rows. A district reports to one city.
create table city_membership (
    city_id      varchar(40)  not null references tenant (id),
    district_id  varchar(40)  not null references tenant (id),
    -- The names as the operator saw them: neither side can read the other's tenant row.
    city_name      varchar(100) not null,
    district_name  varchar(100) not null,
    added_by     varchar(255) not null,
    added_at     timestamptz  not null default now(),
    primary key (city_id, district_id),
    unique (district_id),
    check (city_id <> district_id)
);
alter table city_membership enable row level security;
alter table city_membership force row level security;
create policy membership_visibility on city_membership
    using (current_setting('app.platform', true) = 'on'
           or district_id = current_setting('app.tenant_id', true)
           or city_id = current_setting('app.tenant_id', true))
    with check (current_setting('app.platform', true) = 'on');
grant select, insert, delete on city_membership to ${appRole};

-- The city's side: every snapshot a member district sent, as sent. Append-only; the city reads its
-- own (tenant_isolation); only the function below inserts (the policy snapshot_delivery, for the
-- schema owner that the function runs as, demands the membership again).
create table city_snapshot (
    tenant_id      varchar(40)  not null references tenant (id),
    id             uuid         not null,
    district_id    varchar(40)  not null references tenant (id),
    district_name  varchar(100) not null,
    content        text         not null,
    sha256         char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    sent_by        varchar(255) not null,
    sent_at        timestamptz  not null,
    primary key (tenant_id, id)
);
create index city_snapshot_district_idx on city_snapshot (tenant_id, district_id, sent_at desc);
alter table city_snapshot enable row level security;
alter table city_snapshot force row level security;
create policy tenant_isolation on city_snapshot for select
    using (tenant_id = current_setting('app.tenant_id', true));
do $$
begin
    execute format(
        'create policy snapshot_delivery on city_snapshot for insert to %I with check ('
        'district_id = current_setting(''app.tenant_id'', true) and exists ('
        'select 1 from city_membership m where m.city_id = city_snapshot.tenant_id '
        'and m.district_id = city_snapshot.district_id))', current_user);
end $$;
grant select on city_snapshot to ${appRole};

-- The district's side: what it sent, to whom, with the same content and hash (its page 报送市级).
create table city_report (
    tenant_id   varchar(40)  not null references tenant (id),
    id          uuid         not null,
    city_id     varchar(40)  not null,
    city_name   varchar(100) not null,
    content     text         not null,
    sha256      char(64)     not null,
    scheduled   boolean      not null default false,
    sent_by     varchar(255) not null,
    sent_at     timestamptz  not null,
    primary key (tenant_id, id)
);
create index city_report_sent_idx on city_report (tenant_id, sent_at desc);
alter table city_report enable row level security;
alter table city_report force row level security;
create policy tenant_isolation on city_report
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on city_report to ${appRole};

-- The one way into another tenant's rows. The district is the transaction's tenant, never a
-- parameter; the content's hash is checked here as well; the district's name comes from its own
-- tenant row. Runs as the schema owner with a pinned search_path (no object of the caller's
-- choosing can stand in for city_membership or city_snapshot).
do $$
begin
    execute format($f$
        create function city_snapshot_send(p_city varchar, p_id uuid, p_content text, p_sha256 varchar, p_sent_by varchar)
        returns timestamptz
        language plpgsql
        security definer
        set search_path = %I, pg_temp
        as $body$
        declare
            v_district varchar := nullif(current_setting('app.tenant_id', true), '');
            v_name     varchar;
            v_at       timestamptz := now();
        begin
            if v_district is null then
                raise exception 'city.no-tenant' using errcode = '42501';
            end if;
            if p_city is null or p_city = v_district or not exists (
                    select 1 from city_membership m
                    where m.city_id = p_city and m.district_id = v_district) then
                raise exception 'city.not-member' using errcode = '42501';
            end if;
            if p_content is null or p_sha256 is null
               or encode(sha256(convert_to(p_content, 'UTF8')), 'hex') <> p_sha256 then
                raise exception 'city.hash-mismatch' using errcode = '22023';
            end if;
            select t.name into v_name from tenant t where t.id = v_district;
            if v_name is null then
                raise exception 'city.no-tenant' using errcode = '42501';
            end if;
            insert into city_snapshot (tenant_id, id, district_id, district_name, content, sha256, sent_by, sent_at)
            values (p_city, p_id, v_district, v_name, p_content, p_sha256, p_sent_by, v_at);
            return v_at;
        end
        $body$ $f$, current_schema());
end $$;
revoke all on function city_snapshot_send(varchar, uuid, text, varchar, varchar) from public;
grant execute on function city_snapshot_send(varchar, uuid, text, varchar, varchar) to ${appRole};
