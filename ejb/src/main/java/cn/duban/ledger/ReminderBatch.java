package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One transaction of the daily reminder run ({@link ReminderService#daily}): the notices of up to
 * {@link #SIZE} tasks. Every notice appends to the tenant's audit chain, which serialises the
 * tenant's writers; committing per batch lets a report submitted during the run wait for one batch
 * (well under a second), not for the whole run (182 s for 695 overdue tasks in one transaction).
 */
@Stateless
public class ReminderBatch {

    static final int SIZE = 100;

    @PersistenceContext EntityManager em;

    @EJB InboxService inbox;

    @EJB AuditService audit;

    /** The tenant's reminder rules as the run applies them. */
    public record Rules(TreeSet<Integer> dueSoonDays, int escalateAfterDays) {
        int window() {
            return dueSoonDays.isEmpty() ? 0 : dueSoonDays.last();
        }
    }

    /** What a batch (or the run) sent. */
    public record Sent(int dueSoon, int overdue, int escalated) {
        Sent plus(Sent o) {
            return new Sent(dueSoon + o.dueSoon, overdue + o.overdue, escalated + o.escalated);
        }
    }

    public Rules rules() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ReminderSettings s = inbox.settings();
        return new Rules(new TreeSet<>(s.getDueSoonDays()), s.getEscalateAfterDays());
    }

    /** Open tasks whose next date falls within the due-soon window or has passed. */
    public List<UUID> candidates(LocalDate today, Rules rules) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return em.createQuery(
                        "select t.id from Task t where t.status in :open and t.nextDue <= :limit "
                                + "order by t.nextDue, t.id",
                        UUID.class)
                .setParameter("open", OPEN)
                .setParameter("limit", today.plusDays(rules.window()))
                .getResultList();
    }

    // Not TaskStatus.open(): a SUBMITTED task waits on the district office, not on the unit.
    private static final List<TaskStatus> OPEN =
            List.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED);

    /** Sends what is due today for these tasks, skipping notices already sent (one query). */
    public Sent send(List<UUID> taskIds, LocalDate today, Rules rules) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        List<Task> tasks =
                em.createQuery(
                                "select t from Task t join fetch t.unit where t.id in :ids "
                                        + "and t.status in :open order by t.nextDue, t.id",
                                Task.class)
                        .setParameter("ids", taskIds)
                        .setParameter("open", OPEN)
                        .getResultList();
        Set<String> already =
                new HashSet<>(
                        em.createQuery(
                                        "select m.dedupeKey from InboxMessage m where m.taskId in :ids "
                                                + "and m.dedupeKey is not null",
                                        String.class)
                                .setParameter("ids", taskIds)
                                .getResultList());
        Notices notices = new Notices(already);
        for (Task t : tasks) notices.of(t, today, rules);
        return new Sent(notices.dueSoon, notices.overdue, notices.escalated);
    }

    /** The notices of one batch; a key already sent is skipped without touching the database. */
    private final class Notices {
        private final Set<String> already;
        int dueSoon, overdue, escalated;

        Notices(Set<String> already) {
            this.already = already;
        }

        void of(Task t, LocalDate today, Rules rules) {
            long days = ChronoUnit.DAYS.between(today, t.getNextDue());
            String title = LedgerText.abbreviate(t.getTitle());
            if (days >= 0) {
                Integer threshold = rules.dueSoonDays().ceiling((int) days);
                if (threshold == null) return;
                String when = days == 0 ? "今天到期" : days + " 天后到期";
                if (notice(
                        "due" + threshold + ":" + t.getId() + ":" + t.getNextDue(),
                        t,
                        t.getUnit().getId(),
                        null,
                        InboxMessage.Kind.DUE_SOON,
                        "即将到期（" + when + "）：" + title,
                        "任务“"
                                + t.getTitle()
                                + "”"
                                + dueWhat(t)
                                + "为 "
                                + t.getNextDue()
                                + "，"
                                + when
                                + "，请抓紧推进并按时报送进展。")) {
                    dueSoon++;
                }
                return;
            }
            if (notice(
                    "overdue:" + t.getId() + ":" + t.getNextDue(),
                    t,
                    t.getUnit().getId(),
                    null,
                    InboxMessage.Kind.OVERDUE,
                    "已逾期：" + title,
                    "任务“"
                            + t.getTitle()
                            + "”"
                            + dueWhat(t)
                            + "为 "
                            + t.getNextDue()
                            + "，已逾期 "
                            + (-days)
                            + " 天，请尽快报送进展；确需延期的，请提交延期申请。")) {
                overdue++;
            }
            long late = ChronoUnit.DAYS.between(t.getDeadline(), today);
            if (late < rules.escalateAfterDays()) return;
            String subject = "逾期 " + late + " 天未办结：" + t.getUnit().getName() + " · " + title;
            String body =
                    t.getUnit().getName()
                            + "承担的任务“"
                            + t.getTitle()
                            + "”完成时限为 "
                            + t.getDeadline()
                            + "，已逾期 "
                            + late
                            + " 天，当前进度 "
                            + t.getProgress()
                            + "%。";
            boolean sent;
            if (t.getSupervisorUnitId() != null) {
                // A town's task is chased by the town (issue 21): its inbox hears, not the
                // district's leaders.
                sent =
                        notice(
                                "escalate:" + t.getId() + ":" + t.getDeadline(),
                                t,
                                t.getSupervisorUnitId(),
                                null,
                                InboxMessage.Kind.ESCALATION,
                                subject,
                                body);
            } else {
                sent =
                        notice(
                                "escalate:" + t.getId() + ":" + t.getDeadline(),
                                t,
                                null,
                                Caller.LEADER,
                                InboxMessage.Kind.ESCALATION,
                                subject,
                                body);
                notice(
                        "escalate-admin:" + t.getId() + ":" + t.getDeadline(),
                        t,
                        null,
                        Caller.DISTRICT_ADMIN,
                        InboxMessage.Kind.ESCALATION,
                        subject,
                        body);
            }
            if (sent) escalated++;
        }

        private boolean notice(
                String key,
                Task task,
                UUID unitId,
                String role,
                InboxMessage.Kind kind,
                String subject,
                String body) {
            if (already.contains(key)) return false;
            // Still insert-if-absent: a second server's run may have sent it since the query.
            Optional<InboxMessage> sent =
                    inbox.once(key, unitId, role, kind, task.getId(), subject, body);
            sent.ifPresent(
                    m ->
                            audit.record(
                                    "reminder.sent",
                                    "task",
                                    task.getId(),
                                    "kind",
                                    kind.name(),
                                    "to",
                                    role != null ? role : task.getUnit().getName(),
                                    "message",
                                    m.getId()));
            return sent.isPresent();
        }
    }

    private static String dueWhat(Task t) {
        return t.getNextDue().equals(t.getDeadline()) ? "的完成时限" : "的下一个阶段节点";
    }
}
