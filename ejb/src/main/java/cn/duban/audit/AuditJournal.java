package cn.duban.audit;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail read by people: filtered, paged on the server, with the names of the tasks,
 * plans, units and circulars the entries speak of. Only the tenant's district office reads it;
 * every filter runs inside the tenant (another tenant's actor or unit id simply matches nothing).
 * Writing and sealing stay with {@link AuditService}. The names come from the other capabilities'
 * entities by JPQL name only, so the audit layer still depends on none of their classes.
 */
@Stateless
public class AuditJournal {

    public static final int MAX_LIMIT = 200;
    private static final int MAX_FILTER = 100;

    @PersistenceContext EntityManager em;

    /**
     * What to show: entries at or after {@code from} and before {@code to}, by one actor, about one
     * unit (its tasks or the unit itself), of one action ({@code report.submitted}) or family
     * ({@code report.}). Nulls mean no restriction.
     */
    public record Filter(Instant from, Instant to, String actor, UUID unit, String action) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    public record Slice(List<AuditEntry> entries, long total) {}

    /** A task as the trail names it. */
    public record TaskRef(
            UUID id, String title, UUID unitId, String unitName, UUID planId, String planTitle) {}

    /** The names of what a page of entries refers to; ids of other tenants are simply absent. */
    public record Subjects(
            Map<UUID, TaskRef> tasks,
            Map<UUID, String> plans,
            Map<UUID, String> units,
            Map<UUID, String> circulars) {
        public static final Subjects NONE = new Subjects(Map.of(), Map.of(), Map.of(), Map.of());
    }

    public Slice search(Filter filter, int offset, int limit) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Filter f = filter == null ? Filter.ALL : filter;
        check(f);
        String where = where(f);
        TypedQuery<Long> count =
                em.createQuery("select count(a) from AuditEntry a" + where, Long.class);
        TypedQuery<AuditEntry> page =
                em.createQuery(
                        "select a from AuditEntry a" + where + " order by a.seq desc",
                        AuditEntry.class);
        bind(count, f);
        bind(page, f);
        long total = count.getSingleResult();
        List<AuditEntry> entries =
                total == 0
                        ? List.of()
                        : page.setFirstResult(Math.max(0, offset))
                                .setMaxResults(Math.max(1, Math.min(limit, MAX_LIMIT)))
                                .getResultList();
        return new Slice(entries, total);
    }

    /** One entry by its number, for the raw JSON. */
    public AuditEntry entry(long seq) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return em.createQuery("select a from AuditEntry a where a.seq = :s", AuditEntry.class)
                .setParameter("s", seq)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DubanException.notFound("audit.not-found", "审计记录不存在。"));
    }

    /** Everyone who appears in the tenant's trail, for the actor filter. */
    public List<String> actors() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return em.createQuery(
                        "select distinct a.actor from AuditEntry a order by a.actor", String.class)
                .getResultList();
    }

    /** Names for the ids a page of entries mentions, in four queries at most. */
    public Subjects subjects(
            Collection<UUID> taskIds,
            Collection<UUID> planIds,
            Collection<UUID> unitIds,
            Collection<UUID> circularIds) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Map<UUID, TaskRef> tasks = new HashMap<>();
        Map<UUID, String> plans = new HashMap<>();
        if (!taskIds.isEmpty()) {
            List<Object[]> rows =
                    em.createQuery(
                                    "select t.id, t.title, u.id, u.name, t.planId from Task t join t.unit u "
                                            + "where t.id in :ids",
                                    Object[].class)
                            .setParameter("ids", taskIds)
                            .getResultList();
            Map<UUID, String> taskPlans =
                    names(
                            "select p.id, p.title from Plan p where p.id in :ids",
                            rows.stream().map(r -> (UUID) r[4]).distinct().toList());
            for (Object[] r : rows) {
                tasks.put(
                        (UUID) r[0],
                        new TaskRef(
                                (UUID) r[0],
                                (String) r[1],
                                (UUID) r[2],
                                (String) r[3],
                                (UUID) r[4],
                                taskPlans.get((UUID) r[4])));
            }
            plans.putAll(taskPlans);
        }
        plans.putAll(names("select p.id, p.title from Plan p where p.id in :ids", planIds));
        return new Subjects(
                tasks,
                plans,
                names("select u.id, u.name from Unit u where u.id in :ids", unitIds),
                names("select c.id, c.title from Circular c where c.id in :ids", circularIds));
    }

    private Map<UUID, String> names(String jpql, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) return names;
        for (Object[] r :
                em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()) {
            names.put((UUID) r[0], (String) r[1]);
        }
        return names;
    }

    private static void check(Filter f) {
        if (f.actor() != null && f.actor().length() > MAX_FILTER)
            throw DubanException.badRequest("audit.filter-invalid", "操作人过长。");
        String a = f.action();
        if (a != null) {
            boolean ok = !a.isEmpty() && a.length() <= MAX_FILTER;
            for (int i = 0; ok && i < a.length(); i++) {
                char c = a.charAt(i);
                ok = (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '_';
            }
            if (!ok)
                throw DubanException.badRequest(
                        "audit.filter-invalid", "操作类型应为操作代码（如 report.submitted）或其前缀（如 report.）。");
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from()))
            throw DubanException.badRequest("audit.filter-invalid", "结束日期早于开始日期。");
    }

    private static String where(Filter f) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (f.from() != null) w.append(" and a.at >= :from");
        if (f.to() != null) w.append(" and a.at < :to");
        if (f.actor() != null) w.append(" and a.actor = :actor");
        if (f.unit() != null) {
            // Entries about the unit's tasks, or about the unit itself; a unit of another tenant
            // has no tasks here.
            w.append(
                    " and (a.entityId = :unit or (a.entityType = 'task' and a.entityId in "
                            + "(select t.id from Task t where t.unit.id = :unit)))");
        }
        if (f.action() != null)
            w.append(
                    f.action().endsWith(".")
                            ? " and a.action like :action"
                            : " and a.action = :action");
        return w.toString();
    }

    private static void bind(TypedQuery<?> q, Filter f) {
        if (f.from() != null) q.setParameter("from", f.from());
        if (f.to() != null) q.setParameter("to", f.to());
        if (f.actor() != null) q.setParameter("actor", f.actor());
        if (f.unit() != null) q.setParameter("unit", f.unit());
        if (f.action() != null)
            q.setParameter("action", f.action().endsWith(".") ? f.action() + "%" : f.action());
    }
}
