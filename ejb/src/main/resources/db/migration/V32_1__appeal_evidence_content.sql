-- The appeals' evidence (V31) into evidence_content (V28), as V28 moved the other three stores:
-- V28 runs before V31 on a new database, so this one comes after V32 (version 32.1: V33 and later are
-- other work's). Nothing to do where V28 already moved it (a database past V31 when V28 came).
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
