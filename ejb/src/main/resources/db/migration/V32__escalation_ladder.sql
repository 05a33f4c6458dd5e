-- The escalation ladder (督办升级, issue 20 item 2): 提醒 → 督办单 → 点名通报 → 约谈.
--
-- A tenant's ladder rules (cn.duban.ledger.escalation.LadderRules) as one jsonb value; a tenant
-- without a row uses LadderRules.DEFAULT. Changes are in the audit trail with every value.
create table ladder_settings (
    tenant_id  varchar(40)   not null primary key references tenant (id),
    rules      jsonb         not null,
    version    integer       not null default 0,
    saved_by   varchar(100)  not null,
    saved_at   timestamptz   not null default now()
);

alter table ladder_settings enable row level security;
alter table ladder_settings force row level security;
create policy tenant_isolation on ladder_settings using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update on ladder_settings to ${appRole};

-- One rung of one task's ladder, once per task, step and deadline: a new deadline (an extension)
-- starts the ladder again, and a second server's daily run finds the row taken. A 督办单 is numbered
-- per tenant and year of issue, as a 文号 is. Only proposals are ever deleted (the daily run drops
-- those whose task was reported, finished or given a new deadline: they were never sent).
create table escalation (
    tenant_id          varchar(40)   not null references tenant (id),
    id                 uuid          not null,
    task_id            uuid          not null,
    unit_id            uuid          not null,
    step               varchar(10)   not null check (step in ('REMINDER', 'NOTICE', 'NAMED', 'TALK')),
    state              varchar(12)   not null check (state in ('PROPOSED', 'ISSUED', 'ACKNOWLEDGED', 'DONE', 'WITHDRAWN')),
    approval           varchar(16)   not null check (approval in ('AUTO', 'DISTRICT_ADMIN', 'LEADER')),
    deadline           date          not null,
    overdue_days       integer       not null,
    proposed_at        timestamptz   not null default now(),
    decided_at         timestamptz,
    decided_by         varchar(100),
    number_year        integer,
    number             integer,
    doc_number         varchar(80),
    reply_by           date,
    message_id         uuid,
    acknowledged_at    timestamptz,
    acknowledged_by    varchar(100),
    acknowledged_name  varchar(200),
    circular_id        uuid,
    talk_on            date,
    talk_with          varchar(500),
    talk_record        varchar(4000),
    reason             varchar(500),
    version            integer       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, task_id, step, deadline),
    unique (tenant_id, number_year, number),
    foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);
create index escalation_state_idx on escalation (tenant_id, state, step);
create index escalation_unit_idx on escalation (tenant_id, unit_id);

alter table escalation enable row level security;
alter table escalation force row level security;
create policy tenant_isolation on escalation using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on escalation to ${appRole};
