-- A 文号's year is the year the circular is issued (GB/T 9704-2012, 7.2.4: 发文字号 = 发文机关代字 +
-- 年份 + 发文顺序号, the sequence restarting each year of issue), not the year of the period it reports
-- on: a circular on 2025-Q4 issued in January 2026 is 〔2026〕. number_year holds that year; numbers
-- issued before this migration printed the period's year, which is what they keep (null → year), so
-- no issued (frozen) row is touched.
alter table circular add column number_year integer;
alter table circular drop constraint circular_tenant_id_year_seq_key;
create unique index circular_number_idx on circular (tenant_id, (coalesce(number_year, year)), seq) where seq is not null;

-- The inbox notice of an issued circular links to the circular.
alter table inbox_message add column circular_id uuid;
alter table inbox_message add foreign key (tenant_id, circular_id) references circular (tenant_id, id)
    on delete set null (circular_id);
