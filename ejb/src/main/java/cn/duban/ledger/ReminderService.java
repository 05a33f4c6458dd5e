package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reminders (催办): the daily due-soon and overdue notices to units, escalation to leaders after N
 * days overdue ({@link ReminderBatch}), and the district office's manual reminders. Each automatic
 * notice is sent once (keyed by task and due date), so a rerun or a second server sends nothing
 * twice.
 */
@Stateless
public class ReminderService {

    @PersistenceContext EntityManager em;

    @EJB InboxService inbox;

    @EJB AuditService audit;

    @EJB TaskQueries tasks;

    @EJB ReminderBatch batch;

    public record Run(LocalDate date, int dueSoon, int overdue, int escalated) {}

    /**
     * Sends the notices due today in the caller's tenant, {@link ReminderBatch#SIZE} tasks per
     * transaction (see there why). A run that fails half-way keeps what it sent; the next run sends
     * the rest and nothing twice.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Run daily(LocalDate today) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ReminderBatch.Rules rules = batch.rules();
        List<UUID> due = batch.candidates(today, rules);
        ReminderBatch.Sent sent = new ReminderBatch.Sent(0, 0, 0);
        for (int from = 0; from < due.size(); from += ReminderBatch.SIZE) {
            List<UUID> chunk = due.subList(from, Math.min(due.size(), from + ReminderBatch.SIZE));
            sent = sent.plus(batch.send(chunk, today, rules));
        }
        return new Run(today, sent.dueSoon(), sent.overdue(), sent.escalated());
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
        return updateSettings(dueSoonDays, escalateAfterDays, emailEnabled, null, expectedVersion);
    }

    /** As above, also the working hours a unit has to acknowledge a task (null: unchanged). */
    public ReminderSettings updateSettings(
            List<Integer> dueSoonDays,
            int escalateAfterDays,
            boolean emailEnabled,
            Integer receiptHours,
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
        if (receiptHours != null && (receiptHours < 1 || receiptHours > 200)) {
            throw DubanException.badRequest(
                    "settings.receipt-hours-invalid", "签收时限应在 1 到 200 个工作小时之间。");
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
        if (receiptHours != null) s.setReceiptHours(receiptHours);
        audit.record(
                "settings.reminders",
                "settings",
                null,
                "dueSoonDays",
                days,
                "escalateAfterDays",
                escalateAfterDays,
                "emailEnabled",
                emailEnabled,
                "receiptHours",
                s.getReceiptHours());
        return s;
    }
}
