-- Plan templates imported from work-point documents (工作要点): the document's metadata and
-- verbatim text, its sections and its (nested) work points with their responsible units,
-- deadline rules and milestones; links from a lower level's points to the upper level's.

create table plan (
    tenant_id      varchar(40)  not null references tenant (id),
    id             uuid         not null,
    title          varchar(300) not null,
    issuer         varchar(200),
    level          varchar(10)  not null check (level in ('CITY', 'DISTRICT', 'TOWN')),
    year           integer      not null check (year between 2000 and 2100),
    doc_number     varchar(100),
    issued_on      date,
    owner_unit_id  uuid,
    source_name    varchar(255),
    source_text    text         not null,
    source_sha256  char(64)     not null,
    derived_from   uuid,
    created_at     timestamptz  not null default now(),
    created_by     varchar(100) not null,
    version        integer      not null default 0,
    primary key (tenant_id, id),
    -- The same document twice is one plan.
    unique (tenant_id, source_sha256, year),
    foreign key (tenant_id, owner_unit_id) references unit (tenant_id, id),
    foreign key (tenant_id, derived_from) references plan (tenant_id, id)
);
create index plan_year_idx on plan (tenant_id, year, level);

create table plan_section (
    tenant_id  varchar(40)  not null,
    id         uuid         not null,
    plan_id    uuid         not null,
    position   integer      not null,
    number     varchar(20)  not null,
    title      varchar(500) not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, plan_id) references plan (tenant_id, id) on delete cascade
);
create index plan_section_plan_idx on plan_section (tenant_id, plan_id, position);

create table plan_point (
    tenant_id           varchar(40)  not null,
    id                  uuid         not null,
    plan_id             uuid         not null,
    section_id          uuid         not null,
    parent_id           uuid,
    position            integer      not null,
    depth               integer      not null,
    number              varchar(20)  not null,
    title               varchar(1000) not null,
    text                text         not null,
    deadline_text       varchar(300),
    deadline_date       date         not null,
    deadline_kind       varchar(30)  not null,
    deadline_frequency  varchar(40),
    milestones          jsonb        not null default '[]',
    primary key (tenant_id, id),
    foreign key (tenant_id, plan_id) references plan (tenant_id, id) on delete cascade,
    foreign key (tenant_id, section_id) references plan_section (tenant_id, id) on delete cascade,
    foreign key (tenant_id, parent_id) references plan_point (tenant_id, id) on delete cascade
);
create index plan_point_plan_idx on plan_point (tenant_id, plan_id, position);

-- A responsible unit named by a point: resolved to a unit, or a collective (各街镇), or
-- still unresolved (unit_id null, collective false) until the user maps it.
create table plan_point_unit (
    tenant_id   varchar(40)  not null,
    id          uuid         not null,
    point_id    uuid         not null,
    position    integer      not null,
    name        varchar(200) not null,
    collective  boolean      not null,
    unit_id     uuid,
    role        varchar(15)  not null check (role in ('LEAD', 'COOPERATING')),
    primary key (tenant_id, id),
    foreign key (tenant_id, point_id) references plan_point (tenant_id, id) on delete cascade,
    foreign key (tenant_id, unit_id) references unit (tenant_id, id)
);
create index plan_point_unit_point_idx on plan_point_unit (tenant_id, point_id);
create index plan_point_unit_unit_idx on plan_point_unit (tenant_id, unit_id);

-- A lower plan's point responds to an upper plan's point (town → district, district → city).
create table plan_point_link (
    tenant_id        varchar(40)  not null,
    point_id         uuid         not null,
    target_point_id  uuid         not null,
    similarity       real         not null,
    confirmed_by     varchar(100) not null,
    confirmed_at     timestamptz  not null default now(),
    primary key (tenant_id, point_id, target_point_id),
    foreign key (tenant_id, point_id) references plan_point (tenant_id, id) on delete cascade,
    foreign key (tenant_id, target_point_id) references plan_point (tenant_id, id) on delete cascade
);
create index plan_point_link_target_idx on plan_point_link (tenant_id, target_point_id);

do $$
declare t text;
begin
    foreach t in array array['plan', 'plan_section', 'plan_point', 'plan_point_unit', 'plan_point_link'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
        execute format('grant select, insert, update, delete on %I to ${appRole}', t);
    end loop;
end $$;
