package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.plan.PlanPoint;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The supervising office's assignment edits on tasks (the district office's, or a town's on the
 * tasks it supervises; see {@link SupervisingOffice}): giving a point's work to a unit, taking it
 * back, deadlines with a reason, key tasks and roles, and bulk edits (all or none). Each edit is
 * audited and tells the unit through its inbox.
 */
@Stateless
public class AssignmentService {

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB SupervisingOffice office;

    /** Gives a point's work to one more unit (or back to a unit it was taken from). */
    public Task assign(UUID pointId, UUID unitId, UnitRole role) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        PlanPoint point = em.find(PlanPoint.class, pointId);
        if (point == null) throw DubanException.notFound("plan.point-not-found", "工作要点不存在。");
        UUID supervisor = point.getPlan().getSupervisorUnitId();
        office.require(supervisor, "plan.point-not-found", "工作要点不存在。");
        Unit unit = units.get(unitId);
        office.requireInReach(supervisor, unit);
        Task task =
                em.createQuery(
                                "select t from Task t where t.point.id = :p and t.unit.id = :u",
                                Task.class)
                        .setParameter("p", pointId)
                        .setParameter("u", unitId)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (task != null && task.getStatus() != TaskStatus.CANCELLED) {
            throw DubanException.conflict("task.exists", "“" + unit.getName() + "”已承担该工作要点。");
        }
        if (task != null) {
            task.setStatus(task.getProgress() > 0 ? TaskStatus.IN_PROGRESS : TaskStatus.ASSIGNED);
            task.setRole(role == null ? task.getRole() : role);
            audit.record("task.reassigned", "task", task.getId(), "unit", unit.getName());
        } else {
            List<Task> siblings =
                    // A town's part (分解) of the point is not the point's task to copy.
                    em.createQuery(
                                    "select t from Task t where t.point.id = :p and t.parentTaskId is null",
                                    Task.class)
                            .setParameter("p", pointId)
                            .getResultList();
            task =
                    siblings.isEmpty()
                            ? Publishing.newTask(
                                    point,
                                    unit,
                                    role == null ? UnitRole.LEAD : role,
                                    caller.username())
                            : Publishing.copyOf(
                                    siblings.get(0),
                                    unit,
                                    role == null ? UnitRole.COOPERATING : role,
                                    caller.username());
            em.persist(task);
            audit.record(
                    "task.assigned",
                    "task",
                    task.getId(),
                    "unit",
                    unit.getName(),
                    "point",
                    point.getNumber(),
                    "role",
                    task.getRole().name());
        }
        inbox.toUnit(
                unit,
                InboxMessage.Kind.ASSIGNED,
                task.getId(),
                "新任务：" + LedgerText.abbreviate(task.getTitle()),
                office.name(task)
                        + "向贵单位交办了一项任务："
                        + task.getTitle()
                        + "\n完成时限："
                        + task.getDeadline());
        return task;
    }

    /**
     * Takes a task from its unit. Kept as cancelled, so its reports stay on record and
     * re-publishing does not bring it back.
     */
    public Task cancel(UUID taskId, String reason, Integer expectedVersion) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Task task = edited(taskId, expectedVersion);
        String why = LedgerText.required(reason, "请填写取消该单位任务的原因。");
        if (task.getStatus() == TaskStatus.CANCELLED) return task;
        task.setStatus(TaskStatus.CANCELLED);
        audit.record(
                "task.cancelled",
                "task",
                task.getId(),
                "unit",
                task.getUnit().getName(),
                "reason",
                why);
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.NOTICE,
                task.getId(),
                "任务已取消：" + LedgerText.abbreviate(task.getTitle()),
                "原因：" + why);
        return task;
    }

    public Task changeDeadline(
            UUID taskId, LocalDate deadline, String reason, Integer expectedVersion) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Task task = edited(taskId, expectedVersion);
        applyDeadline(task, deadline, LedgerText.required(reason, "调整完成时限须填写原因。"));
        return task;
    }

    public Task update(UUID taskId, Boolean keyTask, UnitRole role, Integer expectedVersion) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Task task = edited(taskId, expectedVersion);
        if (keyTask != null && keyTask != task.isKeyTask()) {
            task.setKeyTask(keyTask);
            audit.record(keyTask ? "task.key-set" : "task.key-cleared", "task", task.getId());
        }
        if (role != null && role != task.getRole()) {
            audit.record(
                    "task.role-changed",
                    "task",
                    task.getId(),
                    "from",
                    task.getRole().name(),
                    "to",
                    role.name());
            task.setRole(role);
        }
        return task;
    }

    /** One edit applied to many tasks: all of them, or none if any fails. */
    public int bulk(List<UUID> taskIds, Boolean keyTask, LocalDate deadline, String reason) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        if (taskIds == null || taskIds.isEmpty())
            throw DubanException.badRequest("task.bulk-empty", "请选择要批量修改的任务。");
        if (taskIds.size() > TaskFilter.MAX_LIMIT) {
            throw DubanException.badRequest(
                    "task.bulk-too-many", "一次最多批量修改 " + TaskFilter.MAX_LIMIT + " 项任务。");
        }
        if (keyTask == null && deadline == null)
            throw DubanException.badRequest("task.bulk-nothing", "请指定要修改的内容。");
        String why = deadline == null ? null : LedgerText.required(reason, "调整完成时限须填写原因。");
        for (UUID id : taskIds) {
            Task task = edited(id, null);
            if (keyTask != null) update(id, keyTask, null, null);
            if (deadline != null) applyDeadline(task, deadline, why);
        }
        return taskIds.size();
    }

    /**
     * Moves the deadline of a task the caller has already read, for the approval of an extension
     * request: the same checks, audit and notice as {@link #changeDeadline}, without its version.
     */
    public void moveDeadline(Task task, LocalDate deadline, String reason) {
        office.require(task);
        applyDeadline(task, deadline, reason);
    }

    private void applyDeadline(Task task, LocalDate deadline, String reason) {
        if (deadline == null)
            throw DubanException.badRequest("task.deadline-missing", "请指定新的完成时限。");
        if (deadline.getYear() < 2000 || deadline.getYear() > 2100) {
            throw DubanException.badRequest("task.deadline-invalid", "完成时限无效：" + deadline);
        }
        if (deadline.equals(task.getDeadline())) return;
        Task whole =
                task.getParentTaskId() == null ? null : em.find(Task.class, task.getParentTaskId());
        if (whole != null && deadline.isAfter(whole.getDeadline())) {
            throw DubanException.badRequest(
                    "split.deadline-after", "分解任务的完成时限不能晚于区里的时限（" + whole.getDeadline() + "）。");
        }
        LocalDate before = task.getDeadline();
        task.changeDeadline(deadline);
        audit.record(
                "task.deadline-changed",
                "task",
                task.getId(),
                "from",
                before.toString(),
                "to",
                deadline.toString(),
                "reason",
                reason);
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.NOTICE,
                task.getId(),
                "完成时限调整：" + LedgerText.abbreviate(task.getTitle()),
                "完成时限由 " + before + " 调整为 " + deadline + "。原因：" + reason);
    }

    private Task edited(UUID id, Integer expectedVersion) {
        Task task = tasks.visible(id);
        office.require(task);
        task.requireVersion(expectedVersion, "task.stale", "任务已被他人修改，请刷新后重试。");
        return task;
    }
}
