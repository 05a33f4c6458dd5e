-- Colour status by rules (红黄绿灯, issue 20 item 1).
--
-- A tenant's colour rules (cn.duban.ledger.colour.ColourRules) in versions: saving makes a new
-- version, the newest applies, older ones stay for the trail. The rules are one jsonb value by the
-- record's component names, as a scheme's scoring rules (V14): a new rule needs no column. A tenant
-- without a row uses ColourRules.DEFAULT.
create table colour_rules (
    tenant_id  varchar(40)   not null references tenant (id),
    id         uuid          not null,
    version    integer       not null check (version > 0),
    rules      jsonb         not null,
    note       varchar(500),
    saved_by   varchar(100)  not null,
    saved_at   timestamptz   not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, version)
);

alter table colour_rules enable row level security;
alter table colour_rules force row level security;
create policy tenant_isolation on colour_rules using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on colour_rules to ${appRole};

-- The day the daily run found a task red, kept until its approved % has caught up with its schedule:
-- until then it shows amber, not green (the 瓯海 rule).
alter table task add column red_since date;
