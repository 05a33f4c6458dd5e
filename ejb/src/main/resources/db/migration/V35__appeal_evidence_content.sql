-- The appeals' evidence (V31) into evidence_content (V34), as V34 moved the other three stores. Kept
-- apart so that each migration moves what existed when it was written. Nothing to do where the column
-- is already gone.
do $$
declare t record;
begin
    if not exists (select 1 from information_schema.columns
                   where table_schema = current_schema() and table_name = 'appeal_evidence' and column_name = 'content') then
        return;
    end if;
    perform set_config('app.platform', 'on', true);
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        update appeal_evidence set sha256 = encode(sha256(content), 'hex')
            where sha256 is distinct from encode(sha256(content), 'hex');
        insert into evidence_content (tenant_id, sha256, size, content, created_at)
            select distinct on (tenant_id, sha256) tenant_id, sha256, octet_length(content), content, uploaded_at
            from appeal_evidence order by tenant_id, sha256, uploaded_at
            on conflict do nothing;
    end loop;
    perform set_config('app.tenant_id', '', true);
    perform set_config('app.platform', 'off', true);
    alter table appeal_evidence drop column content;
    alter table appeal_evidence add constraint appeal_evidence_content_fk
        foreign key (tenant_id, sha256) references evidence_content (tenant_id, sha256);
end $$;
