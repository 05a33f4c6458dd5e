package cn.duban.audit;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators' own trail (三员分立): the system and security administrators' actions, and the audit
 * administrator's readings of the trail itself. Not part of any tenant's chain; the application
 * only appends (V11: no update or delete grant), and only the audit administrator reads it
 * (row-level security on {@code app.operator_audit}).
 */
@Stateless
public class OperatorAudit {

    public static final int MAX_LIMIT = 500;

    @PersistenceContext EntityManager em;

    public record Entry(
            long seq,
            Instant at,
            String actor,
            String actorRole,
            String action,
            String subject,
            String detail) {}

    /** Appends an action of the current operator. */
    public void record(OperatorAction action, String subject, String detail) {
        Caller caller = Caller.current().orElseThrow(DubanException::unauthorized);
        String role = Role.OPERATOR_ROLES.stream().filter(caller::hasRole).findFirst().orElse("-");
        em.createNativeQuery(
                        "insert into operator_audit (actor, actor_role, action, subject, detail)"
                                + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, caller.username())
                .setParameter(2, role)
                .setParameter(3, action.code())
                .setParameter(4, subject)
                .setParameter(5, detail)
                .executeUpdate();
    }

    /**
     * The newest entries first, before {@code beforeSeq} when given. The reading is itself
     * recorded: the audit administrator's work is on the trail too.
     */
    public List<Entry> list(Long beforeSeq, int limit) {
        Caller.require(Role.AUDIT_ADMIN);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DubanException.badRequest("request.paging", "limit 应在1至" + MAX_LIMIT + "之间。");
        }
        record(OperatorAction.TRAIL_READ, null, beforeSeq == null ? null : "before " + beforeSeq);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select seq, at, actor, actor_role, action, subject, detail"
                                        + " from operator_audit where seq < ?1 order by seq desc")
                        .setParameter(1, beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
                        .setMaxResults(limit)
                        .getResultList();
        List<Entry> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(
                    new Entry(
                            ((Number) r[0]).longValue(),
                            instant(r[1]),
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            (String) r[5],
                            (String) r[6]));
        }
        return out;
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) return i;
        if (o instanceof OffsetDateTime t) return t.toInstant();
        if (o instanceof java.sql.Timestamp t) return t.toInstant();
        return null;
    }
}
