package cn.duban.ledger;

import cn.duban.audit.AuditService;
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
import java.util.List;
import java.util.UUID;

/**
 * Wrong assignment (退回错派), issue 19 item 2. A unit may send a task back as not its own only before
 * it has reported on it (status ASSIGNED): once it reported, it has taken the work on, and a
 * dispute then would be a way to wipe lateness. The district office reassigns it (the old task is
 * closed as mis-assigned, i.e. cancelled and not scored; the new unit's task starts unreceived, its
 * deadline moved by the days lost) or insists (the unit must take it; it counts as received at the
 * insist time).
 */
@Stateless
public class DisputeService {

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB SupervisingOffice office;

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

    /** The unit sends a task back as not its own (退回错派), with its reason. */
    public Dispute dispute(UUID taskId, String reason) {
        Caller caller = UnitTasks.unitCaller();
        Task task = UnitTasks.unitTask(em, taskId, caller);
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
        task.dispute(why, UnitTasks.now(), caller.username());
        audit.record(
                "task.assignment-disputed",
                "task",
                task.getId(),
                "unit",
                task.getUnit().getName(),
                "reason",
                why);
        office.tell(
                task,
                InboxMessage.Kind.NOTICE,
                "退回错派：" + task.getUnit().getName() + " · " + LedgerText.abbreviate(task.getTitle()),
                task.getUnit().getName() + "认为任务“" + task.getTitle() + "”不属于本单位职责，理由：" + why);
        em.flush(); // the answer carries the version the district's If-Match will name
        return dispute(task);
    }

    /**
     * The tasks sent back and waiting on the caller's office (待处理退回: the district office's, or its
     * town's), oldest first.
     */
    public List<Dispute> pendingDisputes() {
        Caller.requireTenant(Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_ADMIN);
        SupervisingOffice.Queue queue = office.queue();
        return queue
                .bind(
                        em.createQuery(
                                "select t from Task t join fetch t.unit where t.disputeState = :pending and "
                                        + queue.condition()
                                        + " order by t.disputedAt, t.id",
                                Task.class))
                .setParameter("pending", DisputeState.PENDING)
                .setMaxResults(TaskFilter.MAX_LIMIT)
                .getResultList()
                .stream()
                .map(this::dispute)
                .toList();
    }

    public long pendingDisputeCount() {
        Caller.requireTenant(Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_ADMIN);
        SupervisingOffice.Queue queue = office.queue();
        return queue.bind(
                        em.createQuery(
                                "select count(t) from Task t where t.disputeState = :pending and "
                                        + queue.condition(),
                                Long.class))
                .setParameter("pending", DisputeState.PENDING)
                .getSingleResult();
    }

    /** A task's dispute, for a caller who may see the task. */
    public Dispute disputeOf(UUID taskId) {
        return dispute(UnitTasks.seen(em, tasks, taskId));
    }

    /**
     * Gives a sent-back task to the right unit: the old task is closed as mis-assigned (cancelled,
     * not scored); the new unit's task starts unreceived, with the deadline moved by the days lost.
     */
    public Dispute reassign(UUID taskId, UUID unitId, String reason, Integer expectedVersion) {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Task old = pending(taskId, expectedVersion);
        if (unitId == null) throw DubanException.badRequest("dispute.unit-missing", "请选择改派的单位。");
        Unit unit = units.get(unitId);
        office.requireInReach(old.getSupervisorUnitId(), unit);
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
        Instant now = UnitTasks.now();
        LocalDate assignedOn = LedgerClock.dateOf(old.getPublishedAt());
        LocalDate today = LedgerClock.dateOf(now);
        Task fresh = Publishing.copyOf(old, unit, old.getRole(), caller.username());
        fresh.replaces(old);
        fresh.setKeyTask(old.isKeyTask());
        fresh.moveForReassignment(assignedOn, today);
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
                office.name(old)
                        + "向贵单位交办了一项任务（由"
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
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Task task = pending(taskId, expectedVersion);
        String why = answer(LedgerText.required(reason, "请填写坚持由该单位承办的理由。"));
        Instant now = UnitTasks.now();
        task.answerDispute(DisputeState.UPHELD, why, now, caller.username());
        boolean received = task.getReceivedAt() == null;
        task.receive(now, caller.username(), caller.displayName());
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
                office.name(task) + "坚持由贵单位承办该任务，视为已签收。理由：" + why);
        em.flush();
        return dispute(task);
    }

    private Task pending(UUID taskId, Integer expectedVersion) {
        Task task = tasks.visible(taskId);
        office.require(task);
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
}
