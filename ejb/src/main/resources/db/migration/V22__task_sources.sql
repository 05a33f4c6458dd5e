-- Tasks from every source (交办事项, issue 19 item 5) and the leader's word (item 6).
--
-- A matter (交办事项) is a point of a per-tenant, per-year, per-source "matters" plan: the plan's
-- source says where its points came from (PLAN: an imported work-point document), the point keeps
-- the matter's reference (文号, 批示人 or 会议名称: one text and its kind). Tasks, reports, reviews,
-- scoring and circulars keep reading plans and points unchanged.
alter table plan add column source varchar(20) not null default 'PLAN'
    check (source in ('PLAN', 'LEADER_INSTRUCTION', 'MEETING_DECISION', 'NPC_SUGGESTION', 'CPPCC_PROPOSAL',
                      'HIGHER_AUTHORITY', 'HOTLINE_12345'));
-- One matters plan per year and source (the plan of source PLAN may be many).
create unique index plan_matters_idx on plan (tenant_id, year, source) where source <> 'PLAN';

alter table plan_point add column reference_kind varchar(20)
    check (reference_kind in ('DOC_NUMBER', 'INSTRUCTED_BY', 'MEETING', 'TICKET'));
alter table plan_point add column reference varchar(300);

-- Key tasks need the leader's sign-off (审结) after the district approved the final report:
-- AWAITING → SIGNED_OFF, or SENT_BACK to the district with a reason (which asks again).
alter table task add column signoff varchar(15) check (signoff in ('AWAITING', 'SIGNED_OFF', 'SENT_BACK'));
alter table task add column signoff_by varchar(100);
alter table task add column signoff_at timestamptz;
alter table task add column signoff_note varchar(2000);
create index task_signoff_idx on task (tenant_id, signoff) where signoff is not null;

-- A leader's instructions (批示) on a task: append-only, shown to the unit and in the trail.
create table task_instruction (
    tenant_id   varchar(40)   not null references tenant (id),
    id          uuid          not null,
    task_id     uuid          not null,
    text        varchar(2000) not null,
    given_by    varchar(100)  not null,
    given_at    timestamptz   not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, task_id) references task (tenant_id, id) on delete cascade
);
create index task_instruction_task_idx on task_instruction (tenant_id, task_id, given_at);

alter table task_instruction enable row level security;
alter table task_instruction force row level security;
create policy tenant_isolation on task_instruction using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on task_instruction to ${appRole};

-- The scheme rule sourceWeights (ScoringRules): every source counts with weight 1, as before.
do $$
declare t record;
begin
    perform set_config('app.platform', 'on', true);
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        update evaluation_scheme set rules = rules || jsonb_build_object('sourceWeights', jsonb_build_object(
            'PLAN', 1.00, 'LEADER_INSTRUCTION', 1.00, 'MEETING_DECISION', 1.00, 'NPC_SUGGESTION', 1.00,
            'CPPCC_PROPOSAL', 1.00, 'HIGHER_AUTHORITY', 1.00, 'HOTLINE_12345', 1.00))
        where rules is not null;
    end loop;
    perform set_config('app.tenant_id', '', true);
    perform set_config('app.platform', 'off', true);
end $$;
