-- The work calendar (cn.duban.platform.calendar): public holidays and worked weekends (调休上班) of
-- the State Council's yearly notice, one calendar for the whole platform (mainland China has one).
-- Everyone's transactions read it; only the platform's write it (the operator's page and API). A
-- year is in the calendar when it has a work_calendar_year row; its days are its exceptions to
-- Monday–Friday work.
create table work_calendar_year (
    year        integer      primary key check (year between 2000 and 2100),
    source      varchar(200) not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(255) not null
);
create table work_calendar_day (
    day   date        primary key,
    year  integer     not null references work_calendar_year (year) on delete cascade,
    kind  varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  varchar(20) not null,
    check (extract(year from day) = year),
    -- a worked day is a weekend day the notice makes a workday (isodow 6, 7)
    check (kind = 'HOLIDAY' or extract(isodow from day) in (6, 7))
);
create index work_calendar_day_year_idx on work_calendar_day (year);
-- 2025: 国办发明电〔2024〕12号
insert into work_calendar_year (year, source, updated_by) values (2025, '国办发明电〔2024〕12号', 'flyway');
insert into work_calendar_day (day, year, kind, name) values
    ('2025-01-01', 2025, 'HOLIDAY', '元旦'),
    ('2025-01-26', 2025, 'WORKDAY', '春节调休'),
    ('2025-01-28', 2025, 'HOLIDAY', '春节'),
    ('2025-01-29', 2025, 'HOLIDAY', '春节'),
    ('2025-01-30', 2025, 'HOLIDAY', '春节'),
    ('2025-01-31', 2025, 'HOLIDAY', '春节'),
    ('2025-02-01', 2025, 'HOLIDAY', '春节'),
    ('2025-02-02', 2025, 'HOLIDAY', '春节'),
    ('2025-02-03', 2025, 'HOLIDAY', '春节'),
    ('2025-02-04', 2025, 'HOLIDAY', '春节'),
    ('2025-02-08', 2025, 'WORKDAY', '春节调休'),
    ('2025-04-04', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-05', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-06', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-27', 2025, 'WORKDAY', '劳动节调休'),
    ('2025-05-01', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-02', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-03', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-04', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-05', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-31', 2025, 'HOLIDAY', '端午节'),
    ('2025-06-01', 2025, 'HOLIDAY', '端午节'),
    ('2025-06-02', 2025, 'HOLIDAY', '端午节'),
    ('2025-09-28', 2025, 'WORKDAY', '国庆节调休'),
    ('2025-10-01', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-02', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-03', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-04', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-05', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-06', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-07', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-08', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-11', 2025, 'WORKDAY', '国庆节调休');

-- 2026: 国务院办公厅2025年11月4日通知
insert into work_calendar_year (year, source, updated_by) values (2026, '国务院办公厅2025年11月4日通知', 'flyway');
insert into work_calendar_day (day, year, kind, name) values
    ('2026-01-01', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-02', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-03', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-04', 2026, 'WORKDAY', '元旦调休'),
    ('2026-02-14', 2026, 'WORKDAY', '春节调休'),
    ('2026-02-15', 2026, 'HOLIDAY', '春节'),
    ('2026-02-16', 2026, 'HOLIDAY', '春节'),
    ('2026-02-17', 2026, 'HOLIDAY', '春节'),
    ('2026-02-18', 2026, 'HOLIDAY', '春节'),
    ('2026-02-19', 2026, 'HOLIDAY', '春节'),
    ('2026-02-20', 2026, 'HOLIDAY', '春节'),
    ('2026-02-21', 2026, 'HOLIDAY', '春节'),
    ('2026-02-22', 2026, 'HOLIDAY', '春节'),
    ('2026-02-23', 2026, 'HOLIDAY', '春节'),
    ('2026-02-28', 2026, 'WORKDAY', '春节调休'),
    ('2026-04-04', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-05', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-06', 2026, 'HOLIDAY', '清明节'),
    ('2026-05-01', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-02', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-03', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-04', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-05', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-09', 2026, 'WORKDAY', '劳动节调休'),
    ('2026-06-19', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-20', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-21', 2026, 'HOLIDAY', '端午节'),
    ('2026-09-20', 2026, 'WORKDAY', '国庆节调休'),
    ('2026-09-25', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-26', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-27', 2026, 'HOLIDAY', '中秋节'),
    ('2026-10-01', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-02', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-03', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-04', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-05', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-06', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-07', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-10', 2026, 'WORKDAY', '国庆节调休');

-- Row-level security after the seed rows: FORCE holds the owner (who runs this) too.
alter table work_calendar_year enable row level security;
alter table work_calendar_year force row level security;
alter table work_calendar_day enable row level security;
alter table work_calendar_day force row level security;
create policy everyone_reads on work_calendar_year for select using (true);
create policy platform_writes on work_calendar_year for all
    using (current_setting('app.platform', true) = 'on')
    with check (current_setting('app.platform', true) = 'on');
create policy everyone_reads on work_calendar_day for select using (true);
create policy platform_writes on work_calendar_day for all
    using (current_setting('app.platform', true) = 'on')
    with check (current_setting('app.platform', true) = 'on');
grant select, insert, update, delete on work_calendar_year, work_calendar_day to ${appRole};
