-- The task ledger (任务台账): tasks published from plan points for responsible units,
-- their checkpoints, progress reports with evidence, extension requests, the in-app inbox,
-- reminder settings per tenant, and the append-only, hash-chained audit trail.

alter table unit add column email varchar(200);

create table task (
    tenant_id          varchar(40)   not null,
    id                 uuid          not null,
    plan_id            uuid          not null,
    point_id           uuid          not null,
    unit_id            uuid          not null,
    role               varchar(15)   not null check (role in ('LEAD', 'COOPERATING')),
    title              varchar(1000) not null,
    deadline_text      varchar(300),
    deadline_date      date          not null,
    -- The deadline as first published; the current one may differ after changes or extensions.
    original_deadline  date          not null,
    deadline_overridden boolean      not null default false,
    -- The earliest open checkpoint or the deadline: what the unit must meet next (urgency, reminders).
    next_due_date      date          not null,
    key_task           boolean       not null default false,
    status             varchar(15)   not null check (status in ('ASSIGNED', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'RETURNED', 'CANCELLED')),
    progress           integer       not null default 0 check (progress between 0 and 100),
    completed_on       date,
    on_time            boolean,
    rating             varchar(10)   check (rating in ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')),
    last_report_at     timestamptz,
    published_at       timestamptz   not null default now(),
    published_by       varchar(100)  not null,
    version            integer       not null default 0,
    primary key (tenant_id, id),
    -- Publishing again never duplicates a (point, unit) task.
    unique (tenant_id, point_id, unit_id),
    foreign key (tenant_id, plan_id) references plan (tenant_id, id),
    foreign key (tenant_id, point_id) references plan_point (tenant_id, id),
    foreign key (tenant_id, unit_id) references unit (tenant_id, id)
);
-- "My tasks": one unit's open work by what is due next.
create index task_unit_due_idx on task (tenant_id, unit_id, next_due_date) where status not in ('APPROVED', 'CANCELLED');
create index task_unit_idx on task (tenant_id, unit_id, status);
create index task_plan_idx on task (tenant_id, plan_id, status);
create index task_due_idx on task (tenant_id, next_due_date) where status not in ('APPROVED', 'CANCELLED');

create table task_checkpoint (
    tenant_id   varchar(40)  not null,
    id          uuid         not null,
    task_id     uuid         not null,
    position    integer      not null,
    label       varchar(300) not null,
    due_date    date         not null,
    done_on     date,
    primary key (tenant_id, id),
    unique (tenant_id, task_id, position),
    foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);

create table progress_report (
    tenant_id        varchar(40)   not null,
    id               uuid          not null,
    task_id          uuid          not null,
    checkpoint_id    uuid,
    unit_id          uuid          not null,
    state            varchar(10)   not null check (state in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    text             text          not null,
    percent          integer       not null check (percent between 0 and 100),
    created_by       varchar(100)  not null,
    created_at       timestamptz   not null default now(),
    submitted_by     varchar(100),
    submitted_at     timestamptz,
    idempotency_key  varchar(100),
    reviewed_by      varchar(100),
    reviewed_at      timestamptz,
    review_comment   varchar(2000),
    rating           varchar(10)   check (rating in ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')),
    version          integer       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, idempotency_key),
    foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade,
    foreign key (tenant_id, checkpoint_id) references task_checkpoint (tenant_id, id),
    foreign key (tenant_id, unit_id) references unit (tenant_id, id)
);
create index progress_report_task_idx on progress_report (tenant_id, task_id, created_at);
create index progress_report_review_idx on progress_report (tenant_id, state, submitted_at) where state = 'SUBMITTED';

create table evidence (
    tenant_id     varchar(40)   not null,
    id            uuid          not null,
    report_id     uuid          not null,
    file_name     varchar(255)  not null,
    content_type  varchar(100)  not null,
    size          integer       not null,
    sha256        char(64)      not null,
    content       bytea         not null,
    uploaded_by   varchar(100)  not null,
    uploaded_at   timestamptz   not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, report_id) references progress_report (tenant_id, id) on delete cascade
);
create index evidence_report_idx on evidence (tenant_id, report_id);

-- A submitted report and its evidence are a record: the database refuses to change them,
-- whichever code path tries.
create function duban_report_frozen() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'progress_report' then
        if old.state <> 'DRAFT' and (new.text is distinct from old.text or new.percent is distinct from old.percent
                or new.checkpoint_id is distinct from old.checkpoint_id or new.submitted_at is distinct from old.submitted_at) then
            raise exception 'submitted report % cannot be changed', old.id using errcode = 'P0001';
        end if;
        if tg_op = 'DELETE' and old.state <> 'DRAFT' then
            raise exception 'submitted report % cannot be deleted', old.id using errcode = 'P0001';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    -- evidence
    if exists (select 1 from progress_report r where r.tenant_id = old.tenant_id and r.id = old.report_id and r.state <> 'DRAFT') then
        raise exception 'evidence % of a submitted report cannot be changed', old.id using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger progress_report_frozen before update or delete on progress_report
    for each row execute function duban_report_frozen();
create trigger evidence_frozen before update or delete on evidence
    for each row execute function duban_report_frozen();

create table extension_request (
    tenant_id         varchar(40)   not null,
    id                uuid          not null,
    task_id           uuid          not null,
    requested_date    date          not null,
    current_deadline  date          not null,
    reason            varchar(2000) not null,
    state             varchar(10)   not null check (state in ('PENDING', 'APPROVED', 'REFUSED')),
    requested_by      varchar(100)  not null,
    requested_at      timestamptz   not null default now(),
    decided_by        varchar(100),
    decided_at        timestamptz,
    decision_comment  varchar(2000),
    version           integer       not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);
create index extension_request_task_idx on extension_request (tenant_id, task_id);
create index extension_request_pending_idx on extension_request (tenant_id, requested_at) where state = 'PENDING';

-- In-app inbox: a message goes to a unit (all its users) or to everyone of a role in the tenant.
create table inbox_message (
    tenant_id       varchar(40)   not null,
    id              uuid          not null,
    unit_id         uuid,
    role            varchar(30),
    kind            varchar(20)   not null,
    task_id         uuid,
    subject         varchar(300)  not null,
    body            text          not null,
    created_at      timestamptz   not null default now(),
    created_by      varchar(100)  not null,
    -- Timers send each notice once: the key names the notice (kind, task, due date).
    dedupe_key      varchar(200),
    read_at         timestamptz,
    read_by         varchar(100),
    emailed_at      timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, dedupe_key),
    check (unit_id is not null or role is not null),
    foreign key (tenant_id, unit_id) references unit (tenant_id, id),
    foreign key (tenant_id, task_id) references task (tenant_id, id) on delete set null (task_id)
);
create index inbox_unit_idx on inbox_message (tenant_id, unit_id, created_at desc);
create index inbox_role_idx on inbox_message (tenant_id, role, created_at desc) where role is not null;

create table reminder_settings (
    tenant_id            varchar(40)  not null primary key references tenant (id),
    due_soon_days        integer[]    not null default '{7,3}',
    escalate_after_days  integer      not null default 7 check (escalate_after_days between 1 and 365),
    email_enabled        boolean      not null default true,
    version              integer      not null default 0
);

-- Idempotency keys of report submissions (Idempotency-Key header): a retried request
-- returns the first result instead of submitting twice.
create table idempotency_key (
    tenant_id   varchar(40)  not null,
    key         varchar(100) not null,
    username    varchar(100) not null,
    report_id   uuid         not null,
    created_at  timestamptz  not null default now(),
    primary key (tenant_id, key)
);

-- The audit trail (全程留痕): append-only, each entry chained to the previous entry of its
-- tenant by SHA-256, so a changed or removed entry shows where the chain breaks.
create table audit_log (
    tenant_id    varchar(40)   not null references tenant (id),
    seq          bigint        not null,
    at           timestamptz   not null,
    actor        varchar(100)  not null,
    action       varchar(60)   not null,
    entity_type  varchar(40)   not null,
    entity_id    uuid,
    detail       text          not null,
    prev_hash    char(64)      not null,
    hash         char(64)      not null,
    primary key (tenant_id, seq)
);
create index audit_log_entity_idx on audit_log (tenant_id, entity_id);

create function duban_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only' using errcode = 'P0001';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function duban_audit_append_only();

do $$
declare t text;
begin
    foreach t in array array['task', 'task_checkpoint', 'progress_report', 'evidence', 'extension_request',
                             'inbox_message', 'reminder_settings', 'idempotency_key', 'audit_log'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''app.tenant_id'', true)) '
                       'with check (tenant_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
    foreach t in array array['task', 'task_checkpoint', 'progress_report', 'evidence', 'extension_request',
                             'inbox_message', 'reminder_settings', 'idempotency_key'] loop
        execute format('grant select, insert, update, delete on %I to ${appRole}', t);
    end loop;
end $$;
-- The application may read and append to the trail, never change it.
grant select, insert on audit_log to ${appRole};
