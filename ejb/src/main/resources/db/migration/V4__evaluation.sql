-- Evaluation (考核): schemes per year (each edit a new version, never changed in place),
-- bonus/deduction items, and closed periods' published scores (snapshots, append-only).

create table evaluation_scheme (
    tenant_id               varchar(40)   not null references tenant (id),
    id                      uuid          not null,
    year                    integer       not null check (year between 2000 and 2100),
    version                 integer       not null check (version >= 1),
    name                    varchar(200)  not null,
    type                    varchar(12)   not null check (type in ('COMPLETION', 'DEDUCTION')),
    plan_weight             numeric(5, 2) not null check (plan_weight > 0 and plan_weight <= 100),
    late_deduction_percent  numeric(5, 2),
    late_unit               varchar(4)    check (late_unit in ('DAY', 'WEEK')),
    late_cap_percent        numeric(5, 2),
    partial_credit          boolean       not null default false,
    partial_rate            numeric(4, 2),
    quality_excellent       numeric(4, 2),
    quality_good            numeric(4, 2),
    quality_fair            numeric(4, 2),
    quality_poor            numeric(4, 2),
    per_overdue_task        numeric(5, 2),
    per_late_task           numeric(5, 2),
    per_missed_report       numeric(5, 2),
    per_return              numeric(5, 2),
    bonus_cap               numeric(5, 2) not null,
    deduction_cap           numeric(5, 2) not null,
    note                    varchar(500),
    created_by              varchar(100)  not null,
    created_at              timestamptz   not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, year, version)
);

-- An indicator covers a whole plan, a section, or a point with its sub-points.
create table evaluation_indicator (
    tenant_id    varchar(40)   not null,
    id           uuid          not null,
    scheme_id    uuid          not null,
    position     integer       not null,
    name         varchar(200)  not null,
    points       numeric(5, 2) not null check (points > 0 and points <= 100),
    target_kind  varchar(10)   not null check (target_kind in ('PLAN', 'SECTION', 'POINT')),
    target_id    uuid          not null,
    primary key (tenant_id, id),
    unique (tenant_id, scheme_id, position),
    foreign key (tenant_id, scheme_id) references evaluation_scheme (tenant_id, id)
);

create table evaluation_adjustment (
    tenant_id        varchar(40)   not null,
    id               uuid          not null,
    year             integer       not null,
    unit_id          uuid          not null,
    kind             varchar(10)   not null check (kind in ('BONUS', 'DEDUCTION')),
    points           numeric(5, 2) not null check (points > 0 and points <= 100),
    reason           varchar(500)  not null,
    occurred_on      date          not null,
    evidence_name    varchar(255),
    evidence_type    varchar(100),
    evidence_sha256  char(64),
    evidence         bytea,
    created_by       varchar(100)  not null,
    created_at       timestamptz   not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, unit_id) references unit (tenant_id, id)
);
create index evaluation_adjustment_year_idx on evaluation_adjustment (tenant_id, year);

-- A closed period's scores as published: the whole scoreboard with its breakdowns (JSON),
-- its SHA-256, and the scheme version it was computed with. Closing again after edits adds
-- a new version with a reason; nothing here is ever updated or deleted.
create table evaluation_snapshot (
    tenant_id    varchar(40)   not null,
    id           uuid          not null,
    year         integer       not null,
    period_key   varchar(10)   not null,
    version      integer       not null check (version >= 1),
    scheme_id    uuid          not null,
    as_of        date          not null,
    content      text          not null,
    sha256       char(64)      not null,
    reason       varchar(500),
    closed_by    varchar(100)  not null,
    closed_at    timestamptz   not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, period_key, version),
    foreign key (tenant_id, scheme_id) references evaluation_scheme (tenant_id, id)
);

-- Scoring reads a year's tasks with their returned reports (checkpoints are indexed by task already).
create index progress_report_returned_idx on progress_report (tenant_id, task_id) where state = 'RETURNED';

do $$
declare t text;
begin
    foreach t in array array['evaluation_scheme', 'evaluation_indicator', 'evaluation_adjustment', 'evaluation_snapshot'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
end $$;
-- Schemes and snapshots are versioned by adding rows: the application cannot rewrite them.
grant select, insert on evaluation_scheme, evaluation_indicator, evaluation_snapshot to ${appRole};
grant select, insert, delete on evaluation_adjustment to ${appRole};

-- Small tables whose row estimates steer the ledger's joins: analyze them after a few changes,
-- not only after autovacuum's default 50 rows.
alter table plan set (autovacuum_analyze_threshold = 5);
alter table plan_section set (autovacuum_analyze_threshold = 5);
alter table unit set (autovacuum_analyze_threshold = 5);
