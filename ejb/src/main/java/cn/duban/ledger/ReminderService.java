package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reminders (催办): the daily due-soon and overdue notices to units, escalation to leaders after N
 * days overdue, and the district office's manual reminders. Each automatic notice is sent once
 * (keyed by task and due date), so a rerun or a second server sends nothing twice.
 */
@Stateless
public class ReminderService {

    @PersistenceContext EntityManager em;

    @EJB InboxService inbox;

    @EJB AuditService audit;

    @EJB TaskQueries tasks;

    public record Run(LocalDate date, int dueSoon, int overdue, int escalated) {}

    /** Sends the notices due today in the caller's tenant. */
    public Run daily(LocalDate today) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ReminderSettings settings = inbox.settings();
        TreeSet<Integer> thresholds = new TreeSet<>(settings.getDueSoonDays());
        int window = thresholds.isEmpty() ? 0 : thresholds.last();
        List<Task> open =
                em.createQuery(
                                "select t from Task t join fetch t.unit where t.status in (:a, :i, :r) "
                                        + "and t.nextDue <= :limit order by t.nextDue",
                                Task.class)
                        .setParameter("a", TaskStatus.ASSIGNED)
                        .setParameter("i", TaskStatus.IN_PROGRESS)
                        .setParameter("r", TaskStatus.RETURNED)
                        .setParameter("limit", today.plusDays(window))
                        .getResultList();
        int dueSoon = 0, overdue = 0, escalated = 0;
        for (Task t : open) {
            long days = ChronoUnit.DAYS.between(today, t.getNextDue());
            String title = LedgerText.abbreviate(t.getTitle());
            if (days >= 0) {
                Integer threshold = thresholds.ceiling((int) days);
                if (threshold == null) continue;
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
            } else {
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
                if (late >= settings.getEscalateAfterDays()) {
                    String subject =
                            "逾期 " + late + " 天未办结：" + t.getUnit().getName() + " · " + title;
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
                    boolean sent =
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
                    if (sent) escalated++;
                }
            }
        }
        return new Run(today, dueSoon, overdue, escalated);
    }

    private boolean notice(
            String key,
            Task task,
            UUID unitId,
            String role,
            InboxMessage.Kind kind,
            String subject,
            String body) {
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

    private static String dueWhat(Task t) {
        return t.getNextDue().equals(t.getDeadline()) ? "的完成时限" : "的下一个阶段节点";
    }

    /** A manual reminder (催办) from the district office, with its message. */
    public InboxMessage remind(UUID taskId, String message) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Task task = tasks.visible(taskId);
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，无需催办。");
        String text = LedgerText.required(message, "请填写催办内容。");
        InboxMessage m =
                inbox.toUnit(
                        task.getUnit(),
                        InboxMessage.Kind.REMINDER,
                        task.getId(),
                        "催办：" + LedgerText.abbreviate(task.getTitle()),
                        text);
        audit.record(
                "reminder.manual",
                "task",
                task.getId(),
                "unit",
                task.getUnit().getName(),
                "message",
                text);
        return m;
    }

    public ReminderSettings settings() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return inbox.settings();
    }

    public ReminderSettings updateSettings(
            List<Integer> dueSoonDays,
            int escalateAfterDays,
            boolean emailEnabled,
            Integer expectedVersion) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        if (dueSoonDays == null
                || dueSoonDays.isEmpty()
                || dueSoonDays.size() > 5
                || dueSoonDays.stream().anyMatch(d -> d == null || d < 0 || d > 60)) {
            throw DubanException.badRequest(
                    "settings.due-soon-invalid", "到期提醒天数应为 1 至 5 个 0 到 60 之间的整数（如 7、3）。");
        }
        if (escalateAfterDays < 1 || escalateAfterDays > 365) {
            throw DubanException.badRequest("settings.escalate-invalid", "逾期上报领导的天数应在 1 到 365 之间。");
        }
        ReminderSettings s = em.find(ReminderSettings.class, caller.tenantId());
        if (s == null) {
            s = new ReminderSettings(caller.tenantId());
            em.persist(s);
        } else {
            s.requireVersion(expectedVersion, "settings.stale", "设置已被他人修改，请刷新后重试。");
        }
        List<Integer> days = new TreeSet<>(dueSoonDays).descendingSet().stream().toList();
        s.setDueSoonDays(days);
        s.setEscalateAfterDays(escalateAfterDays);
        s.setEmailEnabled(emailEnabled);
        audit.record(
                "settings.reminders",
                "settings",
                null,
                "dueSoonDays",
                days,
                "escalateAfterDays",
                escalateAfterDays,
                "emailEnabled",
                emailEnabled);
        return s;
    }
}
