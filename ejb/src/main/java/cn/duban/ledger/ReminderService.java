package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

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

    @EJB SupervisingOffice office;

    @EJB AuditService audit;

    @EJB TaskQueries tasks;

    @EJB ReminderBatch batch;

    @Inject UnitPeople people;

    @EJB UnitService units;

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

    /** Who has read a notice and who of its unit has not yet (已读 / 未读). */
    public record Chase(
            InboxMessage message, List<InboxRead> read, List<UnitPeople.Colleague> notYet) {}

    /** The kinds of notice that chase a unit's work. */
    static final List<InboxMessage.Kind> CHASING =
            List.of(
                    InboxMessage.Kind.REMINDER,
                    InboxMessage.Kind.SUPERVISION,
                    InboxMessage.Kind.OVERDUE,
                    InboxMessage.Kind.DUE_SOON);

    /**
     * The task's 催办 and reminders to its unit, newest first, each with its read receipts and the
     * unit's people who have not opened it yet.
     */
    public List<Chase> chases(UUID taskId) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        Task task = tasks.visible(taskId);
        return withReceipts(
                em.createQuery(
                                "select m from InboxMessage m where m.taskId = :task and m.unitId = :unit "
                                        + "and m.kind in :kinds order by m.createdAt desc",
                                InboxMessage.class)
                        .setParameter("task", task.getId())
                        .setParameter("unit", task.getUnit().getId())
                        .setParameter("kinds", CHASING)
                        .setMaxResults(100)
                        .getResultList(),
                task.getUnit());
    }

    /** The unit-wide 催办 (all its late tasks in one), newest first, with their read receipts. */
    public List<Chase> unitChases(UUID unitId) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        Unit unit = units.get(unitId);
        return withReceipts(
                em.createQuery(
                                "select m from InboxMessage m where m.unitId = :unit and m.taskId is null "
                                        + "and m.kind = :kind order by m.createdAt desc",
                                InboxMessage.class)
                        .setParameter("unit", unit.getId())
                        .setParameter("kind", InboxMessage.Kind.REMINDER)
                        .setMaxResults(100)
                        .getResultList(),
                unit);
    }

    private List<Chase> withReceipts(List<InboxMessage> sent, Unit unit) {
        if (sent.isEmpty()) return List.of();
        Map<UUID, List<InboxRead>> receipts =
                inbox.receipts(sent.stream().map(InboxMessage::getId).toList());
        List<UnitPeople.Colleague> everyone = people.everyone(unit.getTenantId(), unit.getCode());
        return sent.stream()
                .map(
                        m -> {
                            List<InboxRead> read = receipts.getOrDefault(m.getId(), List.of());
                            Set<String> readers =
                                    read.stream()
                                            .map(InboxRead::getUsername)
                                            .collect(Collectors.toSet());
                            return new Chase(
                                    m,
                                    read,
                                    everyone.stream()
                                            .filter(p -> !readers.contains(p.username()))
                                            .toList());
                        })
                .toList();
    }

    /** The most late tasks a unit-wide 催办 lists (a message is read, not searched). */
    static final int MOST_LISTED = 200;

    /** A unit's open tasks past their deadline, the longest overdue first. */
    public List<Task> lateTasks(UUID unitId) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        Unit unit = units.get(unitId);
        return em.createQuery(
                        "select t from Task t where t.unit.id = :unit and t.status not in (:approved, :cancelled) "
                                + "and t.deadline < :today order by t.deadline, t.title, t.id",
                        Task.class)
                .setParameter("unit", unit.getId())
                .setParameter("approved", TaskStatus.APPROVED)
                .setParameter("cancelled", TaskStatus.CANCELLED)
                .setParameter("today", LedgerClock.today())
                .setMaxResults(MOST_LISTED)
                .getResultList();
    }

    /**
     * One 催办 for all of a unit's late tasks (单位催办): the office's words, if any, then the tasks with
     * their deadlines and days overdue. A unit without late tasks is not chased (409).
     */
    public InboxMessage remindUnit(UUID unitId, String message) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Unit unit = units.get(unitId);
        String words =
                message == null || message.isBlank() ? null : LedgerText.required(message, "");
        List<Task> late = lateTasks(unit.getId());
        if (late.isEmpty())
            throw DubanException.conflict(
                    "reminder.nothing-late", unit.getName() + "没有逾期未办结的任务，无需催办。");
        LocalDate today = LedgerClock.today();
        StringBuilder body = new StringBuilder();
        if (words != null) body.append(words).append("\n\n");
        body.append("以下 ").append(late.size()).append(" 项任务已超过完成时限仍未办结，请抓紧办理并及时报送进展：\n");
        // A task's title carries its point's number (1 推进…): a dot, not a second number, lists it.
        for (Task t : late) {
            body.append("· ")
                    .append(t.getTitle())
                    .append("（完成时限 ")
                    .append(t.getDeadline())
                    .append("，已超期 ")
                    .append(java.time.temporal.ChronoUnit.DAYS.between(t.getDeadline(), today))
                    .append(" 天）\n");
        }
        InboxMessage m =
                inbox.toUnit(
                        unit,
                        InboxMessage.Kind.REMINDER,
                        null,
                        "催办：" + unit.getName() + "逾期任务 " + late.size() + " 项",
                        body.toString().strip());
        audit.record(
                "reminder.unit",
                "unit",
                unit.getId(),
                "unit",
                unit.getName(),
                "tasks",
                late.size(),
                "message",
                words);
        return m;
    }

    /** A manual reminder (催办) from the task's supervising office, with its message. */
    public InboxMessage remind(UUID taskId, String message) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Task task = tasks.visible(taskId);
        office.require(task);
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
