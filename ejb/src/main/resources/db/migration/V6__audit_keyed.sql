-- The audit trail keyed by a secret the database does not hold. From now on every entry's
-- hash column holds an HMAC (HMAC-SHA256, or HMAC-SM3 where 国密 is required) under a key
-- from the server's configuration (DUBAN_AUDIT_KEY); whoever owns the table can still change
-- rows but can no longer recompute the chain after them. Each entry names its algorithm and
-- key (key_id, derived from the key), so keys can be rotated and old entries still verify.
--
-- Entries written so far keep their plain SHA-256 and are marked legacy ('SHA-256', no key):
-- they verify as before. They are not re-keyed, because re-keying would mean updating an
-- append-only table (the trigger off, as the owner) and would put a MAC on whatever the rows
-- say at that moment, forgeries included. Instead the application appends one keyed entry
-- (audit.sealed) to every chain that ends with a legacy entry when it starts: its MAC covers
-- the last legacy hash, so the legacy part cannot be rewritten unnoticed from then on, and
-- a legacy entry after a keyed one, or a chain ending with one, is reported as broken. The
-- chain stays one chain per tenant.

-- Existing rows get 'SHA-256' through the column default (no row trigger fires for that);
-- the default is dropped right after, so every new entry must say how it was sealed.
alter table audit_log add column alg varchar(20) not null default 'SHA-256';
alter table audit_log alter column alg drop default;
alter table audit_log add column key_id varchar(16);
alter table audit_log add constraint audit_log_alg_check check (alg in ('SHA-256', 'HMAC-SHA256', 'HMAC-SM3'));
alter table audit_log add constraint audit_log_key_check check ((alg = 'SHA-256') = (key_id is null));

-- Retention: the trail is never deleted by the application. Row triggers (V3) refuse update
-- and delete to everyone, and the application's role may only select and insert; TRUNCATE
-- fires no row trigger, so it is refused by a statement trigger too.
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function duban_audit_append_only();
