-- Evidence content (佐证材料的内容), issue 20 item 5: a file's bytes are stored once per tenant and
-- SHA-256, and every evidence row (a report's, a contribution's, a bonus or deduction item's, an
-- appeal's) refers to them by (tenant_id, sha256) and keeps only its own metadata (file name, type,
-- size, who uploaded it when). Giving the same file again, or reusing one already given, adds a row
-- of metadata, never the bytes a second time. Content is never shared across tenants: the key starts
-- with the tenant, and row-level security holds it like every other tenant table.
--
-- bytea, not large objects: a file is at most 10 MB (EvidenceFile.MAX_BYTES) and PostgreSQL TOASTs
-- it out of line; the pack and the export read one file at a time through the JDBC stream, so the
-- heap holds one file, never a pack (2 GB streams with one file in memory). Large objects live in
-- pg_largeobject, which has no row-level security, no tenant column and no foreign keys: a tenant's
-- content would be guarded only by the application, orphans need lo_unlink, and Citus does not
-- distribute them. bytea keeps the database's wall between tenants.
--
-- The content is a record: the application may insert (on conflict do nothing) and read, never
-- change or delete it (no update, no delete grant; the check ties the key to the bytes).
-- Offboarding deletes a tenant's rows through the maintenance role, as for every table.
create table evidence_content (
    tenant_id   varchar(40)  not null references tenant (id),
    sha256      char(64)     not null,
    size        integer      not null,
    content     bytea        not null,
    created_at  timestamptz  not null default now(),
    primary key (tenant_id, sha256),
    check (size = octet_length(content)),
    check (sha256 = encode(sha256(content), 'hex'))
);

alter table evidence_content enable row level security;
alter table evidence_content force row level security;
create policy tenant_isolation on evidence_content using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
grant select, insert on evidence_content to ${appRole};

-- A bonus or deduction item's file had no size of its own; the other stores have one.
alter table evaluation_adjustment add column evidence_size integer;

-- Moving the bytes: per tenant (row-level security is forced on the owner too), every store's
-- recorded hash checked against its bytes (the bytes win), then each distinct content once.
alter table evidence disable trigger evidence_frozen;
do $$
declare t record;
begin
    perform set_config('app.platform', 'on', true);
    for t in select id from tenant loop
        perform set_config('app.tenant_id', t.id, true);
        update evidence set sha256 = encode(sha256(content), 'hex')
            where sha256 is distinct from encode(sha256(content), 'hex');
        update contribution_evidence set sha256 = encode(sha256(content), 'hex')
            where sha256 is distinct from encode(sha256(content), 'hex');
        update evaluation_adjustment
            set evidence_sha256 = case when evidence is null then null else encode(sha256(evidence), 'hex') end,
                evidence_size = octet_length(evidence)
            where evidence is not null or evidence_sha256 is not null;
        insert into evidence_content (tenant_id, sha256, size, content, created_at)
            select distinct on (tenant_id, sha256) tenant_id, sha256, octet_length(content), content, uploaded_at
            from (select tenant_id, sha256, content, uploaded_at from evidence
                  union all
                  select tenant_id, sha256, content, uploaded_at from contribution_evidence
                  union all
                  select tenant_id, evidence_sha256, evidence, created_at from evaluation_adjustment
                  where evidence is not null) stored
            order by tenant_id, sha256, uploaded_at
            on conflict do nothing;
    end loop;
    perform set_config('app.tenant_id', '', true);
    perform set_config('app.platform', 'off', true);
end $$;
alter table evidence enable trigger evidence_frozen;

alter table evidence drop column content;
alter table evidence add constraint evidence_content_fk
    foreign key (tenant_id, sha256) references evidence_content (tenant_id, sha256);
alter table contribution_evidence drop column content;
alter table contribution_evidence add constraint contribution_evidence_content_fk
    foreign key (tenant_id, sha256) references evidence_content (tenant_id, sha256);
alter table evaluation_adjustment drop column evidence;
alter table evaluation_adjustment add constraint evaluation_adjustment_content_fk
    foreign key (tenant_id, evidence_sha256) references evidence_content (tenant_id, sha256);
alter table evaluation_adjustment add constraint evaluation_adjustment_evidence_whole
    check ((evidence_sha256 is null) = (evidence_size is null));
-- Finding a unit's earlier files by hash (reuse by reference).
create index evidence_sha256_idx on evidence (tenant_id, sha256);
create index contribution_evidence_sha256_idx on contribution_evidence (tenant_id, sha256);

-- The appeals' evidence (V31) moves in V35. (Numbered after V33 so that a database already at V33
-- migrates without applying anything out of order.)
