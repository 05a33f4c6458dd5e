package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.calendar.WorkCalendar;
import cn.duban.calendar.WorkCalendarService;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Receipt (签收) and wrong assignment (退回错派), issue 19 items 1 and 2.
 *
 * <p>Only a user of the task's own unit (联络员, 单位负责人, 单位管理员) acknowledges it: the district office
 * cannot acknowledge for a unit, since the point of a receipt is that the unit has seen the task.
 * The first receipt stands; a repeated one answers the first timestamp. Reporting progress on an
 * unacknowledged task acknowledges it (the unit plainly has it; refusing the report would only cost
 * the unit a click and delay the work). A task not acknowledged within the tenant's N working hours
 * ({@link ReminderSettings#getReceiptHours}) is chased once (催签收).
 *
 * <p>A unit may send a task back as not its own only before it has reported on it (status
 * ASSIGNED): once it reported, it has taken the work on, and a dispute then would be a way to wipe
 * lateness. The district office reassigns it (the old task is closed as mis-assigned, i.e.
 * cancelled and not scored; the new unit's task starts unreceived, its deadline moved by the days
 * lost) or insists (the unit must take it; it counts as received at the insist time).
 */
@Stateless
public class ReceiptService {

    /** At most this many tasks in one bulk receipt. */
    public static final int BULK_LIMIT = TaskFilter.MAX_LIMIT;

    private static final List<TaskStatus> UNIT_OPEN =
            List.of(TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED);

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB WorkCalendarService calendars;

    /** A task's receipt as the unit and the district see it. */
    public record Receipt(UUID taskId, Instant receivedAt, String receivedBy, boolean already) {}

    /** An open task no one of its unit has acknowledged yet. */
    public record Unreceived(
            UUID taskId,
            String title,
            UUID unitId,
            String unitName,
            Instant publishedAt,
            Instant receiptDue,
            boolean late) {}

    /** A task's dispute and the district office's answer. */
    public record Dispute(
            UUID taskId,
            String title,
            UUID unitId,
            String unitName,
            DisputeState state,
            String reason,
            Instant disputedAt,
            String disputedBy,
            String answer,
            Instant answeredAt,
            String answeredBy,
            UUID newTaskId,
            int version) {}

    /** What a chase run sent. */
    public record Chase(Instant at, int candidates, int chased) {}

    /** Acknowledges a task of the caller's unit; a second receipt answers the first. */
    public Receipt receive(UUID taskId) {
        Caller caller = unitCaller();
        return receive(unitTask(taskId, caller), caller, "click");
    }

    /**
     * Acknowledges the selected tasks of the caller's unit, all or none (a task of another unit
     * answers 404 and nothing is received).
     */
    public List<Receipt> receiveAll(List<UUID> taskIds) {
        Caller caller = unitCaller();
        if (taskIds == null || taskIds.isEmpty())
            throw DubanException.badRequest("receipt.empty", "请选择要签收的任务。");
        if (taskIds.size() > BULK_LIMIT) {
            throw DubanException.badRequest("receipt.too-many", "一次最多签收 " + BULK_LIMIT + " 项任务。");
        }
        List<Receipt> out = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(taskIds)) {
            out.add(receive(unitTask(id, caller), caller, "bulk"));
        }
        return out;
    }

    /** The receipt of a task the caller may see. */
    public Receipt receipt(UUID taskId) {
        Task t = seen(taskId);
        return new Receipt(
                t.getId(), t.getReceivedAt(), t.getReceivedBy(), t.getReceivedAt() != null);
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
        if (task.getReceivedAt() == null && ofUnit(caller, task)) receive(task, caller, "report");
    }

    /**
     * Open, unacknowledged tasks: the district office and leaders see the tenant's, a unit its own.
     */
    public List<Unreceived> unreceived(int limit) {
        Caller caller = tenantCaller();
        WorkCalendar calendar = calendars.calendar();
        int hours = inbox.settings().getReceiptHours();
        Instant now = now();
        UUID unit = districtWide(caller) ? null : myUnit(caller);
        return em
                .createQuery(
                        "select t from Task t join fetch t.unit where t.receivedAt is null "
                                + "and t.status in :open and (:unit is null or t.unit.id = :unit) "
                                + "order by t.publishedAt, t.id",
                        Task.class)
                .setParameter("open", UNIT_OPEN)
                .setParameter("unit", unit)
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
        Caller caller = tenantCaller();
        UUID unit = districtWide(caller) ? null : myUnit(caller);
        return em.createQuery(
                        "select count(t) from Task t where t.receivedAt is null "
                                + "and t.status in :open and (:unit is null or t.unit.id = :unit)",
                        Long.class)
                .setParameter("open", UNIT_OPEN)
                .setParameter("unit", unit)
                .getSingleResult();
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
                        .setParameter("open", UNIT_OPEN)
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

    /** The unit sends a task back as not its own (退回错派), with its reason. */
    public Dispute dispute(UUID taskId, String reason) {
        Caller caller = unitCaller();
        Task task = unitTask(taskId, caller);
        if (task.getDisputeState() == DisputeState.PENDING) return dispute(task);
        if (task.getDisputeState() == DisputeState.UPHELD) {
            throw DubanException.conflict("dispute.upheld", "区府办已坚持由本单位承办该任务，不能再次退回。");
        }
        if (task.getStatus() != TaskStatus.ASSIGNED || task.getLastReportAt() != null) {
            throw DubanException.conflict(
                    "dispute.reported", "已开始办理（已报送进展）的任务不能退回；确非本单位职责的，请与区府办联系。");
        }
        String why = LedgerText.required(reason, "请填写退回理由（为何不属于本单位职责）。");
        if (why.length() > 1000)
            throw DubanException.badRequest("dispute.reason-too-long", "退回理由不超过1000字。");
        task.dispute(why, now(), caller.username());
        audit.record(
                "task.assignment-disputed",
                "task",
                task.getId(),
                "unit",
                task.getUnit().getName(),
                "reason",
                why);
        inbox.toRole(
                Role.DISTRICT_ADMIN,
                InboxMessage.Kind.NOTICE,
                task.getId(),
                "退回错派：" + task.getUnit().getName() + " · " + LedgerText.abbreviate(task.getTitle()),
                task.getUnit().getName() + "认为任务“" + task.getTitle() + "”不属于本单位职责，理由：" + why);
        em.flush(); // the answer carries the version the district's If-Match will name
        return dispute(task);
    }

    /** The tasks sent back and waiting on the district office (待处理退回), oldest first. */
    public List<Dispute> pendingDisputes() {
        Caller.requireTenant(Role.DISTRICT_ADMIN, Role.LEADER);
        return em
                .createQuery(
                        "select t from Task t join fetch t.unit where t.disputeState = :pending "
                                + "order by t.disputedAt, t.id",
                        Task.class)
                .setParameter("pending", DisputeState.PENDING)
                .setMaxResults(TaskFilter.MAX_LIMIT)
                .getResultList()
                .stream()
                .map(this::dispute)
                .toList();
    }

    public long pendingDisputeCount() {
        Caller.requireTenant(Role.DISTRICT_ADMIN, Role.LEADER);
        return em.createQuery(
                        "select count(t) from Task t where t.disputeState = :pending", Long.class)
                .setParameter("pending", DisputeState.PENDING)
                .getSingleResult();
    }

    /** A task's dispute, for a caller who may see the task. */
    public Dispute disputeOf(UUID taskId) {
        return dispute(seen(taskId));
    }

    /**
     * Gives a sent-back task to the right unit: the old task is closed as mis-assigned (cancelled,
     * not scored); the new unit's task starts unreceived, with the deadline moved by the days lost.
     */
    public Dispute reassign(UUID taskId, UUID unitId, String reason, Integer expectedVersion) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Task old = pending(taskId, expectedVersion);
        if (unitId == null) throw DubanException.badRequest("dispute.unit-missing", "请选择改派的单位。");
        Unit unit = units.get(unitId);
        if (unit.getId().equals(old.getUnit().getId())) {
            throw DubanException.badRequest(
                    "dispute.same-unit", "改派的单位与原单位相同；如坚持由原单位承办，请选择“坚持交办”。");
        }
        String why = reason == null || reason.isBlank() ? "改派" : answer(reason);
        Task existing =
                em.createQuery(
                                "select t from Task t where t.point.id = :p and t.unit.id = :u",
                                Task.class)
                        .setParameter("p", old.getPoint().getId())
                        .setParameter("u", unit.getId())
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (existing != null) {
            throw DubanException.conflict(
                    "task.exists", "“" + unit.getName() + "”已承担（或曾承担）该工作要点，请在台账中直接交办或调整。");
        }
        Instant now = now();
        LocalDate assignedOn = LedgerClock.dateOf(old.getPublishedAt());
        LocalDate today = LedgerClock.dateOf(now);
        Task fresh = Publishing.copyOf(old, unit, old.getRole(), caller.username());
        fresh.replaces(old);
        fresh.setKeyTask(old.isKeyTask());
        LocalDate moved = Receipts.shiftedDeadline(old.getDeadline(), assignedOn, today);
        if (!moved.equals(old.getDeadline())) {
            fresh.changeDeadline(moved, moved.getMonthValue() + "月" + moved.getDayOfMonth() + "日前");
        }
        em.persist(fresh);
        old.answerDispute(DisputeState.REASSIGNED, why, now, caller.username());
        old.setStatus(TaskStatus.CANCELLED);
        audit.record(
                "task.reassigned",
                "task",
                old.getId(),
                "unit",
                unit.getName(),
                "from",
                old.getUnit().getName(),
                "newTask",
                fresh.getId(),
                "lostDays",
                Receipts.lostDays(assignedOn, today),
                "reason",
                why);
        audit.record(
                "task.assigned",
                "task",
                fresh.getId(),
                "unit",
                unit.getName(),
                "point",
                old.getPoint().getNumber(),
                "role",
                fresh.getRole().name(),
                "reassignedFrom",
                old.getId(),
                "deadline",
                fresh.getDeadline().toString());
        inbox.toUnit(
                unit,
                InboxMessage.Kind.ASSIGNED,
                fresh.getId(),
                "新任务（改派）：" + LedgerText.abbreviate(fresh.getTitle()),
                "区府办向贵单位交办了一项任务（由"
                        + old.getUnit().getName()
                        + "改派）："
                        + fresh.getTitle()
                        + "\n完成时限："
                        + fresh.getDeadline()
                        + "\n请及时签收。");
        inbox.toUnit(
                old.getUnit(),
                InboxMessage.Kind.NOTICE,
                old.getId(),
                "退回已同意，已改派：" + LedgerText.abbreviate(old.getTitle()),
                "任务已改派给" + unit.getName() + "，本单位不再承办，不计入考核。");
        Dispute d = dispute(old);
        return new Dispute(
                d.taskId(),
                d.title(),
                d.unitId(),
                d.unitName(),
                d.state(),
                d.reason(),
                d.disputedAt(),
                d.disputedBy(),
                d.answer(),
                d.answeredAt(),
                d.answeredBy(),
                fresh.getId(),
                d.version());
    }

    /**
     * Insists that the unit takes the task: it counts as received at the insist time, and is scored
     * as any other.
     */
    public Dispute uphold(UUID taskId, String reason, Integer expectedVersion) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN);
        Task task = pending(taskId, expectedVersion);
        String why = answer(LedgerText.required(reason, "请填写坚持由该单位承办的理由。"));
        Instant now = now();
        task.answerDispute(DisputeState.UPHELD, why, now, caller.username());
        boolean received = task.getReceivedAt() == null;
        task.receive(now, caller.username());
        audit.record(
                "task.assignment-upheld",
                "task",
                task.getId(),
                "unit",
                task.getUnit().getName(),
                "reason",
                why);
        if (received) {
            audit.record(
                    "task.received",
                    "task",
                    task.getId(),
                    "unit",
                    task.getUnit().getName(),
                    "by",
                    caller.username(),
                    "how",
                    "upheld");
        }
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.NOTICE,
                task.getId(),
                "退回未同意，请承办：" + LedgerText.abbreviate(task.getTitle()),
                "区府办坚持由贵单位承办该任务，视为已签收。理由：" + why);
        em.flush();
        return dispute(task);
    }

    private Receipt receive(Task task, Caller caller, String how) {
        if (task.getReceivedAt() != null)
            return new Receipt(task.getId(), task.getReceivedAt(), task.getReceivedBy(), true);
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，无需签收。");
        if (task.getDisputeState() == DisputeState.PENDING) {
            throw DubanException.conflict("task.disputed", "该任务已退回区府办（认为非本单位职责），待区府办处理。");
        }
        task.receive(now(), caller.username());
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
        return new Receipt(task.getId(), task.getReceivedAt(), task.getReceivedBy(), false);
    }

    private Task pending(UUID taskId, Integer expectedVersion) {
        Task task = tasks.visible(taskId);
        task.requireVersion(expectedVersion, "task.stale", "任务已被他人修改，请刷新后重试。");
        if (task.getDisputeState() != DisputeState.PENDING)
            throw DubanException.conflict("dispute.not-pending", "该任务没有待处理的退回。");
        return task;
    }

    private static String answer(String reason) {
        String r = reason.strip();
        if (r.length() > 1000)
            throw DubanException.badRequest("dispute.reason-too-long", "理由不超过1000字。");
        return r;
    }

    private Dispute dispute(Task t) {
        return new Dispute(
                t.getId(),
                t.getTitle(),
                t.getUnit().getId(),
                t.getUnit().getName(),
                t.getDisputeState(),
                t.getDisputeReason(),
                t.getDisputedAt(),
                t.getDisputedBy(),
                t.getDisputeAnswer(),
                t.getDisputeAnsweredAt(),
                t.getDisputeAnsweredBy(),
                null,
                t.getVersion());
    }

    /** A user of a unit: the only ones who acknowledge or send back. */
    private static Caller unitCaller() {
        Caller caller = Caller.requireTenant(Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN);
        if (caller.unitCode() == null) throw DubanException.forbidden("当前用户不属于任何单位，不能签收或退回任务。");
        return caller;
    }

    private static Caller tenantCaller() {
        return Caller.requireTenant(
                Role.DISTRICT_ADMIN,
                Role.LEADER,
                Role.UNIT_REPORTER,
                Role.UNIT_HEAD,
                Role.UNIT_ADMIN);
    }

    /** A task of the caller's own unit; another unit's or tenant's is "not found". */
    private Task unitTask(UUID id, Caller caller) {
        Task task = id == null ? null : em.find(Task.class, id);
        if (task == null || !ofUnit(caller, task))
            throw DubanException.notFound("task.not-found", "任务不存在。");
        return task;
    }

    /** A task the caller may see: the district's and leaders' any, a unit user's its own. */
    private Task seen(UUID id) {
        Caller caller = tenantCaller();
        if (districtWide(caller)) return tasks.visible(id);
        return unitTask(id, caller);
    }

    private static boolean ofUnit(Caller caller, Task task) {
        return caller.unitCode() != null
                && (caller.hasRole(Role.UNIT_REPORTER)
                        || caller.hasRole(Role.UNIT_HEAD)
                        || caller.hasRole(Role.UNIT_ADMIN))
                && task.getUnit().getCode().equals(caller.unitCode());
    }

    private static boolean districtWide(Caller caller) {
        return caller.hasRole(Role.DISTRICT_ADMIN) || caller.hasRole(Role.LEADER);
    }

    private UUID myUnit(Caller caller) {
        // A sentinel that matches no unit, for a unit role without a unit code.
        if (caller.unitCode() == null) return new UUID(0, 0);
        return em.createQuery("select u.id from Unit u where u.code = :c", UUID.class)
                .setParameter("c", caller.unitCode())
                .getResultStream()
                .findFirst()
                .orElse(new UUID(0, 0));
    }

    /** Now, to the microsecond the database keeps: an answer shows what a later read shows. */
    private static Instant now() {
        return AppClock.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Beijing time to the minute, as an inbox text writes it. */
    static String minute(Instant at) {
        return MINUTE.format(at.atZone(LedgerClock.ZONE));
    }
}
