package cn.duban.audit;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends to and verifies the tenant's audit trail. An entry is written in the transaction of the
 * change it records, so the two commit or roll back together; its MAC is keyed by {@link
 * AuditKeyring}, whose key the database never sees.
 */
@Stateless
public class AuditService {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final int PAGE = 5_000;

    @PersistenceContext EntityManager em;

    @EJB AuditKeyring keyring;

    /**
     * Records an action of the current caller; {@code detail} pairs become the entry's JSON detail.
     */
    public void record(String action, String entityType, UUID entityId, Object... detail) {
        Caller caller = Caller.current().orElseThrow(DubanException::unauthorized);
        String tenant =
                Caller.currentTenant()
                        .orElseThrow(() -> new IllegalStateException("audit outside a tenant"));
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < detail.length; i += 2) {
            if (detail[i + 1] != null) fields.put(String.valueOf(detail[i]), detail[i + 1]);
        }
        lock(tenant);
        append(
                tenant,
                last(tenant),
                caller.username(),
                action,
                entityType,
                entityId,
                JSONB.toJson(fields));
    }

    /**
     * Seals the caller's tenant's legacy entries if its chain ends with one (see {@link
     * AuditSealer}): the seq of the last legacy entry, or null when there was nothing to seal.
     */
    public Long sealLegacy() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        String tenant = caller.tenantId();
        lock(tenant);
        Object[] last = last(tenant);
        if (last == null || !AuditAlgorithm.SHA_256.label().equals(last[2])) return null;
        long seq = ((Number) last[0]).longValue();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("legacyEntries", seq);
        fields.put("legacyHead", ((String) last[1]).strip());
        append(
                tenant,
                last,
                caller.username(),
                "audit.sealed",
                "audit",
                null,
                JSONB.toJson(fields));
        return seq;
    }

    // One writer per tenant at a time, until commit: the chain never forks.
    private void lock(String tenant) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('duban.audit'), hashtext(?1))")
                .setParameter(1, tenant)
                .getSingleResult();
    }

    /** The newest entry's seq, hash and alg, or null for an empty chain. */
    private Object[] last(String tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> last =
                em.createNativeQuery(
                                "select seq, hash, alg from audit_log where tenant_id = ?1 order by seq desc limit 1")
                        .setParameter(1, tenant)
                        .getResultList();
        return last.isEmpty() ? null : last.get(0);
    }

    private void append(
            String tenant,
            Object[] last,
            String actor,
            String action,
            String entityType,
            UUID entityId,
            String json) {
        long seq = last == null ? 1 : ((Number) last[0]).longValue() + 1;
        String prev = last == null ? AuditChain.GENESIS : ((String) last[1]).strip();
        Instant at = AuditChain.truncate(Instant.now());
        AuditKeys keys = keyring.keys();
        String mac =
                AuditChain.mac(
                        keys.algorithm(),
                        keys.currentId(),
                        keys.current(),
                        tenant,
                        prev,
                        seq,
                        at,
                        actor,
                        action,
                        entityType,
                        entityId,
                        json);
        em.createNativeQuery(
                        "insert into audit_log (tenant_id, seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash, "
                                + "alg, key_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, tenant)
                .setParameter(2, seq)
                .setParameter(3, at)
                .setParameter(4, actor)
                .setParameter(5, action)
                .setParameter(6, entityType)
                .setParameter(7, entityId)
                .setParameter(8, json)
                .setParameter(9, prev)
                .setParameter(10, mac)
                .setParameter(11, keys.algorithm().label())
                .setParameter(12, keys.currentId())
                .executeUpdate();
    }

    /** Recomputes the whole chain of the caller's tenant, page by page. */
    public AuditChain.Verification verify() {
        return verify(null);
    }

    /**
     * Recomputes the whole chain of the caller's tenant, page by page, and if given checks that the
     * anchor (from a circular's footer or an exported head) is still part of it.
     */
    public AuditChain.Verification verify(AuditChain.Anchor anchor) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        AuditChain.Verifier verifier =
                new AuditChain.Verifier(caller.tenantId(), keyring.keys(), anchor);
        long after = 0;
        while (true) {
            List<AuditEntry> page =
                    em.createQuery(
                                    "select a from AuditEntry a where a.seq > :after order by a.seq",
                                    AuditEntry.class)
                            .setParameter("after", after)
                            .setMaxResults(PAGE)
                            .getResultList();
            for (AuditEntry e : page) {
                if (!verifier.accept(e.chained())) return verifier.result();
                after = e.getSeq();
            }
            em.clear();
            if (page.size() < PAGE) return verifier.result();
        }
    }

    /**
     * The newest entry of the caller's tenant (seq 0 when there is none), to export or print as an
     * anchor.
     */
    public AuditChain.Head head() {
        return head(Caller.requireTenant(Caller.DISTRICT_ADMIN));
    }

    /**
     * The same head, to print in the footer of a circular its issuer issues: the district office's
     * or a town's (issue 21: the town's 单位管理员, whom the circular service has checked as the
     * issuer). Only the anchor, never an entry.
     */
    public AuditChain.Head headToPrint() {
        return head(Caller.requireTenant(Caller.DISTRICT_ADMIN, cn.duban.platform.Role.UNIT_ADMIN));
    }

    private AuditChain.Head head(Caller caller) {
        List<AuditEntry> last =
                em.createQuery("select a from AuditEntry a order by a.seq desc", AuditEntry.class)
                        .setMaxResults(1)
                        .getResultList();
        if (last.isEmpty()) return AuditChain.Head.empty(caller.tenantId());
        AuditEntry e = last.get(0);
        return AuditChain.Head.of(
                caller.tenantId(),
                e.getSeq(),
                e.getHash().strip(),
                e.getAt(),
                e.getAlg(),
                e.getKeyId());
    }

    /** Entries, newest first, optionally of one entity (a task, a report …). */
    public List<AuditEntry> list(UUID entityId, Long beforeSeq, int limit) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return em.createQuery(
                        "select a from AuditEntry a where (:entity is null or a.entityId = :entity) "
                                + "and (:before is null or a.seq < :before) order by a.seq desc",
                        AuditEntry.class)
                .setParameter("entity", entityId)
                .setParameter("before", beforeSeq)
                .setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultList();
    }

    /** The trail of one entity, oldest first, for anyone allowed to see the entity itself. */
    public List<AuditEntry> history(UUID entityId) {
        return em.createQuery(
                        "select a from AuditEntry a where a.entityId = :entity order by a.seq",
                        AuditEntry.class)
                .setParameter("entity", entityId)
                .getResultList();
    }
}
