-- Demo tenants for the run command and the integration tests (enabled by duban.demo=true).
-- Idempotent: rows that already exist are left as they are.
-- Row-level security is forced on the owner too (V7), so each block names its tenant, as the
-- application does per transaction; the settings end with this migration's transaction.
select set_config('app.platform', 'on', true);

insert into tenant (id, name) values
    ('putuo', '普陀区'),
    ('jiading', '嘉定区')
on conflict do nothing;

-- A city above both (issue 21): 上海市 reads only the snapshots they send (the demo year sends them).
insert into tenant (id, name, kind) values ('shanghai', '上海市', 'CITY') on conflict do nothing;
insert into city_membership (city_id, district_id, city_name, district_name, added_by) values
    ('shanghai', 'putuo', '上海市', '普陀区', 'demo'),
    ('shanghai', 'jiading', '上海市', '嘉定区', 'demo')
on conflict do nothing;

select set_config('app.tenant_id', 'putuo', true);
insert into unit (tenant_id, id, code, name, aliases, kind, ranking_group)
select 'putuo', gen_random_uuid(), v.code, v.name, v.aliases::text[], v.kind, v.grp
from (values
    ('qfb',  '区府办',           '{区政府办公室,区政府办,普陀区人民政府办公室}', 'DISTRICT_OFFICE', null),
    ('fgw',  '区发改委',         '{区发展改革委,区发展和改革委员会}', 'DEPARTMENT', '部门组'),
    ('yhn',  '沿沪宁专项机制办', '{}', 'DEPARTMENT', '部门组'),
    ('swei', '区商务委',         '{区商务委员会}', 'DEPARTMENT', '部门组'),
    ('kw',   '区科委',           '{区科学技术委员会}', 'DEPARTMENT', '部门组'),
    ('mzj',  '区民政局',         '{}', 'DEPARTMENT', '部门组'),
    ('rsj',  '区人社局',         '{区人力资源和社会保障局}', 'DEPARTMENT', '部门组'),
    ('ghzy', '区规划资源局',     '{}', 'DEPARTMENT', '部门组'),
    ('sthj', '区生态环境局',     '{}', 'DEPARTMENT', '部门组'),
    ('jgw',  '区建管委',         '{区建设管理委员会}', 'DEPARTMENT', '部门组'),
    ('wlj',  '区文旅局',         '{区文化和旅游局}', 'DEPARTMENT', '部门组'),
    ('sjj',  '区数据局',         '{}', 'DEPARTMENT', '部门组'),
    ('sfj',  '区司法局',         '{}', 'DEPARTMENT', '部门组'),
    ('rmt',  '区融媒体中心',     '{}', 'DEPARTMENT', '部门组'),
    ('jyj',  '区教育局',         '{}', 'DEPARTMENT', '部门组'),
    ('scjg', '区市场监管局',     '{区市场监督管理局}', 'DEPARTMENT', '部门组'),
    ('fgj',  '区房管局',         '{区房屋管理局}', 'DEPARTMENT', '部门组'),
    ('cyzx', '区城运中心',       '{区城市运行管理中心}', 'DEPARTMENT', '部门组'),
    ('wjw',  '区卫生健康委',     '{区卫健委}', 'DEPARTMENT', '部门组'),
    ('wbb',  '区委编办',         '{}', 'DEPARTMENT', '部门组'),
    ('czj',  '区财政局',         '{}', 'DEPARTMENT', '部门组'),
    ('tcb',  '区投促办',         '{区投资促进办公室}', 'DEPARTMENT', '部门组'),
    ('xwb',  '区新闻办',         '{}', 'DEPARTMENT', '部门组'),
    ('csl',  '长寿路街道',       '{}', 'TOWN', '街镇组'),
    ('cyxc', '曹杨新村街道',     '{}', 'TOWN', '街镇组'),
    ('cfxc', '长风新村街道',     '{}', 'TOWN', '街镇组'),
    ('ycl',  '宜川路街道',       '{}', 'TOWN', '街镇组'),
    ('gql',  '甘泉路街道',       '{}', 'TOWN', '街镇组'),
    ('sql',  '石泉路街道',       '{}', 'TOWN', '街镇组'),
    ('zrz',  '真如镇街道',       '{}', 'TOWN', '街镇组'),
    ('wl',   '万里街道',         '{}', 'TOWN', '街镇组'),
    ('czz',  '长征镇',           '{}', 'TOWN', '街镇组'),
    ('tpz',  '桃浦镇',           '{}', 'TOWN', '街镇组')
) as v (code, name, aliases, kind, grp)
on conflict do nothing;

-- Towns and departments report to their district office.
update unit u set parent_id = o.id
from unit o
where o.tenant_id = u.tenant_id and o.code = 'qfb' and u.code <> 'qfb' and u.parent_id is null;

select set_config('app.tenant_id', 'jiading', true);
insert into unit (tenant_id, id, code, name, aliases, kind, ranking_group)
select 'jiading', gen_random_uuid(), v.code, v.name, v.aliases::text[], v.kind, v.grp
from (values
    ('qfb',       '区府办',   '{区政府办公室,区政府办,嘉定区人民政府办公室}', 'DISTRICT_OFFICE', null),
    ('sjj',       '区数据局', '{}', 'DEPARTMENT', '部门组'),
    ('anting',    '安亭镇',   '{}', 'TOWN', '街镇组'),
    ('nanxiang',  '南翔镇',   '{}', 'TOWN', '街镇组'),
    ('malu',      '马陆镇',   '{}', 'TOWN', '街镇组'),
    ('jiangqiao', '江桥镇',   '{}', 'TOWN', '街镇组')
) as v (code, name, aliases, kind, grp)
on conflict do nothing;

update unit u set parent_id = o.id
from unit o
where o.tenant_id = u.tenant_id and o.code = 'qfb' and u.code <> 'qfb' and u.parent_id is null;
