-- A town runs its own plan (issue 21 item 2). The supervising unit (督办单位) of a plan and of its
-- tasks: null for the district office, a town when the town's own administrator imported the plan
-- (or split a district task to its 下级单位). It decides who publishes, reviews and splits; RLS still
-- keeps the tenant, the service keeps the town's subtree.
alter table plan add column supervisor_unit_id uuid;
alter table plan add constraint plan_supervisor_fk
    foreign key (tenant_id, supervisor_unit_id) references unit (tenant_id, id);

alter table task add column supervisor_unit_id uuid;
alter table task add constraint task_supervisor_fk
    foreign key (tenant_id, supervisor_unit_id) references unit (tenant_id, id);

-- 分解: a district task given to a town, split by the town to its 下级单位; each part is a task of
-- its own (same point, the sub-unit) whose progress rolls up into the town's report.
alter table task add column parent_task_id uuid;
alter table task add constraint task_parent_fk
    foreign key (tenant_id, parent_task_id) references task (tenant_id, id);
alter table task add constraint task_part_is_supervised
    check (parent_task_id is null or supervisor_unit_id is not null);

create index task_parent_idx on task (tenant_id, parent_task_id) where parent_task_id is not null;
create index task_supervisor_idx on task (tenant_id, supervisor_unit_id)
    where supervisor_unit_id is not null;
create index plan_supervisor_idx on plan (tenant_id, supervisor_unit_id)
    where supervisor_unit_id is not null;

-- The same document may be the district's (a town's plan kept for reference) and the town's own.
alter table plan drop constraint plan_tenant_id_source_sha256_year_key;
create unique index plan_source_per_supervisor
    on plan (tenant_id, coalesce(supervisor_unit_id, '00000000-0000-0000-0000-000000000000'::uuid),
             source_sha256, year);
