-- Kept results of the heavy derived reads (rankings, the leaders' dashboard and its trend, the colour
-- cards: cn.duban.platform.KeptResults), and how they learn that they are stale (issue 22 item 5).
--
-- Every write statement on a table those reads depend on notes its transaction here, once per
-- transaction and tenant, by a statement-level trigger: no write path can forget it. A kept result
-- remembers the snapshot (pg_current_snapshot()) it was computed under; it is still good while no
-- row of its tenant (or '*') holds a transaction that snapshot does not see. There is no counter row:
-- each writing transaction inserts its own row, so concurrent writers of one tenant never wait on
-- each other. A write without a tenant (maintenance, the platform's cross-tenant work) notes '*',
-- which makes every tenant's kept results stale.
create table scoring_write (
    tenant_id  varchar(40)  not null,
    txid       xid8         not null,
    at         timestamptz  not null default now(),
    primary key (tenant_id, txid)
);

-- Pruned below a horizon (every transaction under it has ended); a kept result whose snapshot is
-- older than the horizon counts as stale, so pruning never hides a write from it.
create table scoring_write_pruned (
    upto  xid8  not null
);
insert into scoring_write_pruned values ('0');

alter table scoring_write enable row level security;
alter table scoring_write force row level security;
create policy tenant_isolation on scoring_write
    using (tenant_id = current_setting('app.tenant_id', true) or tenant_id = '*'
           or current_setting('app.platform', true) = 'on')
    with check (tenant_id = current_setting('app.tenant_id', true) or tenant_id = '*');
grant select, insert, delete on scoring_write to ${appRole};

-- Everyone reads the horizon; only the platform's nightly pruning (cn.duban.platform.ScoringWrites)
-- moves it.
alter table scoring_write_pruned enable row level security;
alter table scoring_write_pruned force row level security;
create policy everyone_reads on scoring_write_pruned for select using (true);
create policy platform_writes on scoring_write_pruned for all
    using (current_setting('app.platform', true) = 'on')
    with check (current_setting('app.platform', true) = 'on');
grant select, update on scoring_write_pruned to ${appRole};

create function scoring_write_note() returns trigger language plpgsql as $$
begin
    insert into scoring_write (tenant_id, txid)
    values (case when coalesce(current_setting('app.platform', true), '') = 'on' then '*'
                 else coalesce(nullif(current_setting('app.tenant_id', true), ''), '*') end,
            pg_current_xact_id())
    on conflict do nothing;
    return null;
end $$;

do $$
declare t text;
begin
    foreach t in array array['task', 'progress_report', 'task_checkpoint', 'contribution', 'appeal',
                             'plan', 'plan_section', 'plan_point', 'unit', 'evaluation_scheme',
                             'evaluation_indicator', 'evaluation_adjustment', 'evaluation_snapshot',
                             'colour_rules', 'work_calendar_year', 'work_calendar_day'] loop
        execute format('create trigger scoring_write after insert or update or delete or truncate on %I '
                       'for each statement execute function scoring_write_note()', t);
    end loop;
end $$;
