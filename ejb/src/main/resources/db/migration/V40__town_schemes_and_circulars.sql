-- A town scores and circulates its own 下级单位 (issue 21 item 2). A scheme (考核方案) and a circular
-- (工作通报) belong to a supervising unit like plans and tasks (V38): null for the district office, or
-- the town whose 单位管理员 wrote it. The district's rows keep null and do not change.
alter table evaluation_scheme add column supervisor_unit_id uuid;
alter table evaluation_scheme add constraint evaluation_scheme_supervisor_fk
    foreign key (tenant_id, supervisor_unit_id) references unit (tenant_id, id);
-- Versions count per supervisor and year: the district's 2026 scheme and a town's are both version 1.
alter table evaluation_scheme drop constraint evaluation_scheme_tenant_id_year_version_key;
create unique index evaluation_scheme_version_per_supervisor
    on evaluation_scheme (tenant_id, coalesce(supervisor_unit_id, '00000000-0000-0000-0000-000000000000'::uuid),
                          year, version);

alter table circular add column supervisor_unit_id uuid;
alter table circular add constraint circular_supervisor_fk
    foreign key (tenant_id, supervisor_unit_id) references unit (tenant_id, id);
-- 文号 are numbered per issuer and year of issue: 长寿路街道's first circular is its own No. 1.
drop index circular_number_idx;
create unique index circular_number_idx
    on circular (tenant_id, coalesce(supervisor_unit_id, '00000000-0000-0000-0000-000000000000'::uuid),
                 (coalesce(number_year, year)), seq)
    where seq is not null;
create index circular_supervisor_idx on circular (tenant_id, supervisor_unit_id)
    where supervisor_unit_id is not null;
