package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.calendar.WorkCalendar;
import cn.duban.calendar.WorkCalendarService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Receipt (签收), issue 19 item 1; sending a task back as wrongly assigned is {@link DisputeService}.
 *
 * <p>Only a user of the task's own unit (联络员, 单位负责人, 单位管理员) acknowledges it: the district office
 * cannot acknowledge for a unit, since the point of a receipt is that the unit has seen the task.
 * The first receipt stands; a repeated one answers the first timestamp. Reporting progress on an
 * unacknowledged task acknowledges it (the unit plainly has it; refusing the report would only cost
 * the unit a click and delay the work). A task not acknowledged within the tenant's N working hours
 * ({@link ReminderSettings#getReceiptHours}) is chased once (催签收).
 */
@Stateless
public class ReceiptService {

    /** At most this many tasks in one bulk receipt. */
    public static final int BULK_LIMIT = TaskFilter.MAX_LIMIT;

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB WorkCalendarService calendars;

    /** A task's receipt as the unit and the district see it. */
    public record Receipt(
            UUID taskId,
            Instant receivedAt,
            String receivedBy,
            String receivedByName,
            boolean already) {

        static Receipt of(Task t, boolean already) {
            return new Receipt(
                    t.getId(),
                    t.getReceivedAt(),
                    t.getReceivedBy(),
                    t.getReceivedByName(),
                    already);
        }
    }

    /** An open task no one of its unit has acknowledged yet. */
    public record Unreceived(
            UUID taskId,
            String title,
            UUID unitId,
            String unitName,
            Instant publishedAt,
            Instant receiptDue,
            boolean late) {}

    /** What a chase run sent. */
    public record Chase(Instant at, int candidates, int chased) {}

    /** Acknowledges a task of the caller's unit; a second receipt answers the first. */
    public Receipt receive(UUID taskId) {
        Caller caller = UnitTasks.unitCaller();
        return receive(UnitTasks.unitTask(em, taskId, caller), caller, "click");
    }

    /**
     * Acknowledges the selected tasks of the caller's unit, all or none (a task of another unit
     * answers 404 and nothing is received).
     */
    public List<Receipt> receiveAll(List<UUID> taskIds) {
        Caller caller = UnitTasks.unitCaller();
        if (taskIds == null || taskIds.isEmpty())
            throw DubanException.badRequest("receipt.empty", "请选择要签收的任务。");
        if (taskIds.size() > BULK_LIMIT) {
            throw DubanException.badRequest("receipt.too-many", "一次最多签收 " + BULK_LIMIT + " 项任务。");
        }
        List<Receipt> out = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(taskIds)) {
            out.add(receive(UnitTasks.unitTask(em, id, caller), caller, "bulk"));
        }
        return out;
    }

    /** The receipt of a task the caller may see. */
    public Receipt receipt(UUID taskId) {
        Task t = UnitTasks.seen(em, tasks, taskId);
        return Receipt.of(t, t.getReceivedAt() != null);
    }

    /**
     * Called by {@link ProgressReportService} before a report is created, after its own checks
     * (public only because the container calls no other method of a bean): refused while the task
     * is sent back, and acknowledges the task when a user of its unit reports (not the district
     * office reporting on its behalf).
     */
    public void onReport(Task task, Caller caller) {
        if (task.getDisputeState() == DisputeState.PENDING) {
            throw DubanException.conflict("task.disputed", "该任务已退回区府办（认为非本单位职责），待区府办处理后再报送。");
        }
        if (task.getReceivedAt() == null && UnitTasks.ofUnit(caller, task))
            receive(task, caller, "report");
    }

    /**
     * Open, unacknowledged tasks: the district office and leaders see the tenant's, a unit its own.
     */
    public List<Unreceived> unreceived(int limit) {
        Caller caller = UnitTasks.tenantCaller();
        WorkCalendar calendar = calendars.calendar();
        int hours = inbox.settings().getReceiptHours();
        Instant now = UnitTasks.now();
        Unacknowledged scope = unacknowledged(caller);
        return scope
                .bind(
                        em.createQuery(
                                "select t from Task t join fetch t.unit where "
                                        + scope.where()
                                        + " order by t.publishedAt, t.id",
                                Task.class))
                .setMaxResults(Math.max(1, Math.min(limit, TaskFilter.MAX_LIMIT)))
                .getResultList()
                .stream()
                .map(
                        t -> {
                            Instant due = Receipts.due(t.getPublishedAt(), hours, calendar);
                            return new Unreceived(
                                    t.getId(),
                                    t.getTitle(),
                                    t.getUnit().getId(),
                                    t.getUnit().getName(),
                                    t.getPublishedAt(),
                                    due,
                                    !now.isBefore(due));
                        })
                .toList();
    }

    /** How many open tasks are unacknowledged (the caller's unit's, for a unit). */
    public long unreceivedCount() {
        Caller caller = UnitTasks.tenantCaller();
        Unacknowledged scope = unacknowledged(caller);
        return scope.bind(
                        em.createQuery(
                                "select count(t) from Task t where " + scope.where(), Long.class))
                .getSingleResult();
    }

    /**
     * The caller's open, unacknowledged tasks as a condition on task {@code t} with its values: the
     * tenant's for the district office and leaders, else the unit's, without the tasks a 联络员's
     * colleague holds. One rule for the list and its count.
     */
    private record Unacknowledged(String where, UUID unit, String holder) {
        <T> TypedQuery<T> bind(TypedQuery<T> q) {
            q.setParameter("open", TaskStatus.WITH_UNIT).setParameter("unit", unit);
            return holder == null ? q : q.setParameter("holderMe", holder);
        }
    }

    private Unacknowledged unacknowledged(Caller caller) {
        UUID unit = UnitTasks.districtWide(caller) ? null : UnitTasks.myUnit(em, caller);
        String holder = unit != null && UnitTasks.holderOnly(caller) ? caller.username() : null;
        return new Unacknowledged(
                "t.receivedAt is null and t.status in :open and (:unit is null or t.unit.id = :unit)"
                        + (holder == null ? "" : " and " + UnitTasks.HELD_BY_ME),
                unit,
                holder);
    }

    /**
     * Chases every open task not acknowledged within the tenant's working hours: one inbox notice
     * (催签收) to its unit, once per task whatever the number of runs or servers.
     */
    public Chase chase(Instant now) {
        Caller.requireTenant(Role.DISTRICT_ADMIN);
        int hours = inbox.settings().getReceiptHours();
        WorkCalendar calendar = calendars.calendar();
        // N working hours are never fewer than N hours of wall time: only older tasks can be late.
        List<Task> candidates =
                em.createQuery(
                                "select t from Task t join fetch t.unit where t.receivedAt is null "
                                        + "and t.status in :open and t.publishedAt <= :cutoff "
                                        + "and (t.disputeState is null or t.disputeState <> :pending) "
                                        + "order by t.publishedAt, t.id",
                                Task.class)
                        .setParameter("open", TaskStatus.WITH_UNIT)
                        .setParameter("cutoff", now.minusSeconds(3600L * hours))
                        .setParameter("pending", DisputeState.PENDING)
                        .getResultList();
        int chased = 0;
        for (Task t : candidates) {
            if (!Receipts.late(t.getPublishedAt(), hours, calendar, now)) continue;
            Instant due = Receipts.due(t.getPublishedAt(), hours, calendar);
            boolean sent =
                    inbox.once(
                                    "receipt:" + t.getId(),
                                    t.getUnit().getId(),
                                    null,
                                    InboxMessage.Kind.REMINDER,
                                    t.getId(),
                                    "催签收：" + LedgerText.abbreviate(t.getTitle()),
                                    "任务“"
                                            + t.getTitle()
                                            + "”于 "
                                            + minute(t.getPublishedAt())
                                            + " 交办，应在 "
                                            + hours
                                            + " 个工作小时内（"
                                            + minute(due)
                                            + " 前）签收，至今未签收。请登录督办系统及时签收。")
                            .isPresent();
            if (sent) {
                chased++;
                audit.record(
                        "task.receipt-chased",
                        "task",
                        t.getId(),
                        "unit",
                        t.getUnit().getName(),
                        "due",
                        due.toString());
            }
        }
        return new Chase(now, candidates.size(), chased);
    }

    private Receipt receive(Task task, Caller caller, String how) {
        if (task.getReceivedAt() != null) return Receipt.of(task, true);
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，无需签收。");
        if (task.getDisputeState() == DisputeState.PENDING) {
            throw DubanException.conflict("task.disputed", "该任务已退回区府办（认为非本单位职责），待区府办处理。");
        }
        task.receive(UnitTasks.now(), caller.username(), caller.displayName());
        audit.record(
                "task.received",
                "task",
                task.getId(),
                "unit",
                task.getUnit().getName(),
                "by",
                caller.username(),
                "how",
                how);
        return Receipt.of(task, false);
    }

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Beijing time to the minute, as an inbox text writes it. */
    static String minute(Instant at) {
        return MINUTE.format(at.atZone(LedgerClock.ZONE));
    }
}
