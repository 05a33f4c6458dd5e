package cn.duban.audit;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
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
 * Appends to and verifies the tenant's audit trail. An entry is written in the transaction of
 * the change it records, so the two commit or roll back together.
 */
@Stateless
public class AuditService {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final int PAGE = 5_000;

    @PersistenceContext
    EntityManager em;

    /** Records an action of the current caller; {@code detail} pairs become the entry's JSON detail. */
    public void record(String action, String entityType, UUID entityId, Object... detail) {
        Caller caller = Caller.current().orElseThrow(DubanException::unauthorized);
        String tenant = Caller.currentTenant().orElseThrow(() -> new IllegalStateException("audit outside a tenant"));
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < detail.length; i += 2) {
            if (detail[i + 1] != null) fields.put(String.valueOf(detail[i]), detail[i + 1]);
        }
        String json = JSONB.toJson(fields);
        // One writer per tenant at a time, until commit: the chain never forks.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('duban.audit'), hashtext(?1))")
                .setParameter(1, tenant).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> last = em.createNativeQuery("select seq, hash from audit_log where tenant_id = ?1 order by seq desc limit 1")
                .setParameter(1, tenant).getResultList();
        long seq = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
        String prev = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0)[1];
        Instant at = AuditChain.truncate(Instant.now());
        String hash = AuditChain.hash(prev, seq, at, caller.username(), action, entityType, entityId, json);
        em.createNativeQuery("insert into audit_log (tenant_id, seq, at, actor, action, entity_type, entity_id, detail, prev_hash, hash) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, tenant).setParameter(2, seq).setParameter(3, at).setParameter(4, caller.username())
                .setParameter(5, action).setParameter(6, entityType).setParameter(7, entityId).setParameter(8, json)
                .setParameter(9, prev).setParameter(10, hash)
                .executeUpdate();
    }

    /** Recomputes the whole chain of the caller's tenant, page by page. */
    public AuditChain.Verification verify() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        long after = 0;
        while (true) {
            List<AuditEntry> page = em.createQuery("select a from AuditEntry a where a.seq > :after order by a.seq", AuditEntry.class)
                    .setParameter("after", after).setMaxResults(PAGE).getResultList();
            for (AuditEntry e : page) {
                if (!verifier.accept(e.chained())) return verifier.result();
                after = e.getSeq();
            }
            em.clear();
            if (page.size() < PAGE) return verifier.result();
        }
    }

    /** Entries, newest first, optionally of one entity (a task, a report …). */
    public List<AuditEntry> list(UUID entityId, Long beforeSeq, int limit) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return em.createQuery("select a from AuditEntry a where (:entity is null or a.entityId = :entity) "
                        + "and (:before is null or a.seq < :before) order by a.seq desc", AuditEntry.class)
                .setParameter("entity", entityId).setParameter("before", beforeSeq)
                .setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList();
    }

    /** The trail of one entity, oldest first, for anyone allowed to see the entity itself. */
    public List<AuditEntry> history(UUID entityId) {
        return em.createQuery("select a from AuditEntry a where a.entityId = :entity order by a.seq", AuditEntry.class)
                .setParameter("entity", entityId).getResultList();
    }
}
