-- Lead and co-operating units (牵头/配合), issue 19 item 4.
--
-- A co-operating unit's contribution (配合情况) to the point's lead unit: one per co-unit task (its
-- text, % and evidence), kept as a DRAFT until SENT. Editing a sent contribution makes it a draft
-- again until it is sent anew; first_sent_at stays, as scoring's "sent on time" reads it.
create table contribution (
    tenant_id      varchar(40)    not null references tenant (id),
    id             uuid           not null,
    task_id        uuid           not null,
    text           varchar(10000) not null default '',
    percent        integer        not null default 0 check (percent between 0 and 100),
    state          varchar(10)    not null default 'DRAFT' check (state in ('DRAFT', 'SENT')),
    first_sent_at  timestamptz,
    sent_at        timestamptz,
    sent_by        varchar(100),
    updated_at     timestamptz    not null default now(),
    updated_by     varchar(100)   not null,
    version        integer        not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, task_id),
    foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade,
    check (state = 'DRAFT' or (sent_at is not null and sent_by is not null)),
    check ((first_sent_at is null) = (sent_at is null))
);

-- Its evidence files: as a report's (V3 evidence), kept in their own table because evidence rows
-- belong to a report (foreign key) and a submitted report's evidence is frozen by trigger.
create table contribution_evidence (
    tenant_id        varchar(40)   not null references tenant (id),
    id               uuid          not null,
    contribution_id  uuid          not null,
    file_name        varchar(255)  not null,
    content_type     varchar(100)  not null,
    size             integer       not null,
    sha256           char(64)      not null,
    content          bytea         not null,
    uploaded_by      varchar(100)  not null,
    uploaded_at      timestamptz   not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, contribution_id) references contribution (tenant_id, id) on delete cascade
);
create index contribution_evidence_idx on contribution_evidence (tenant_id, contribution_id);

alter table contribution enable row level security;
alter table contribution force row level security;
create policy tenant_isolation on contribution using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on contribution to ${appRole};

alter table contribution_evidence enable row level security;
alter table contribution_evidence force row level security;
create policy tenant_isolation on contribution_evidence using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, delete on contribution_evidence to ${appRole};

-- The scheme rule cooperatingScoring (ScoringRules): stored schemes keep scoring co-units on their
-- own reports (OWN_REPORTS), as they did; new schemes default to LEAD_CARRIES.
do $$
declare t record;
begin
    perform set_config('app.platform', 'on', true);
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        update evaluation_scheme set rules = rules || jsonb_build_object('cooperatingScoring', 'OWN_REPORTS')
        where rules is not null and not rules ? 'cooperatingScoring';
    end loop;
    perform set_config('app.tenant_id', '', true);
    perform set_config('app.platform', 'off', true);
end $$;
