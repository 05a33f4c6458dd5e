-- Units inside units (issue 21 item 1): a town's own offices (党政办), 居委 and 村委 sit under the
-- town in the same district tenant, so names are unique per parent, not per tenant: every town has
-- a 党政办. Top-level units (no parent) share one slot, the nil uuid. The service also keeps the
-- district-level units' names (and aliases) unique across the tenant, as plan import matches them.
alter table unit drop constraint unit_tenant_id_name_key;
create unique index unit_name_per_parent
    on unit (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);

alter table unit drop constraint unit_kind_check;
alter table unit add constraint unit_kind_check
    check (kind in ('DISTRICT_OFFICE', 'DEPARTMENT', 'TOWN', 'OFFICE', 'COMMUNITY', 'VILLAGE'));

-- A unit is never its own parent; longer cycles are refused by the service and cut by UnitTree.
alter table unit add constraint unit_not_own_parent check (parent_id is distinct from id);

-- A sub-unit (科室/办、居委、村委) always has a parent: the town it belongs to.
alter table unit add constraint unit_sub_unit_has_parent
    check (kind not in ('OFFICE', 'COMMUNITY', 'VILLAGE') or parent_id is not null);

create index unit_parent_idx on unit (tenant_id, parent_id);
