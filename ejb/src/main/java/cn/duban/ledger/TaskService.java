package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.plan.PlanPoint;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's tasks: lists with filters, a unit's own tasks by urgency, and the district office's
 * assignment edits (units, deadlines with a reason, key tasks, bulk edits) and extension requests.
 * A reporter only ever sees its own unit's tasks; another unit's task is "not found", as is another
 * tenant's.
 */
@Stateless
public class TaskService {

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    // ---- reading

    /** A page of the ledger and the number of tasks matching its filter in all. */
    public record TaskPage(long total, List<TaskView> rows) {}

    /** Tasks matching the filter, in plan order; a reporter's filter is narrowed to its unit. */
    public List<TaskView> list(TaskFilter filter) {
        return rows(resolve(filter));
    }

    /** {@link #list} with the total, the filter resolved once for both queries. */
    public TaskPage page(TaskFilter filter) {
        Resolved r = resolve(filter);
        return new TaskPage(count(r), rows(r));
    }

    /** A filter narrowed for the caller, as a where clause with its parameters. */
    private record Resolved(TaskFilter filter, String where, Map<String, Object> params) {}

    private Resolved resolve(TaskFilter filter) {
        Caller caller =
                Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        TaskFilter f = scoped(caller, filter);
        Map<String, Object> params = new HashMap<>();
        return new Resolved(f, where(f, params), params);
    }

    private List<TaskView> rows(Resolved r) {
        TypedQuery<TaskRow> q =
                em.createQuery(
                        TaskRow.SELECT
                                + r.where()
                                + " order by pl.year desc, pl.title, p.position, u.kind, u.code",
                        TaskRow.class);
        r.params().forEach(q::setParameter);
        return views(
                q.setFirstResult(r.filter().offset())
                        .setMaxResults(r.filter().limit())
                        .getResultList());
    }

    private long count(Resolved r) {
        // Only the joins the filter needs: with many tenants loaded, a join to plan_point made the
        // planner probe
        // the task table once per point (3× slower than counting the tenant's tasks alone).
        TypedQuery<Long> q =
                em.createQuery(
                        "select count(t) from Task t"
                                + (r.filter().sectionId() != null ? " join t.point p " : " ")
                                + r.where(),
                        Long.class);
        r.params().forEach(q::setParameter);
        return q.getSingleResult();
    }

    /**
     * The plan years that have published tasks in the tenant (any role of the tenant may ask: it is
     * no one's data).
     */
    public List<Integer> yearsWithTasks() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        return em.createQuery(
                        "select distinct pl.year from Task t join t.point p join p.plan pl",
                        Integer.class)
                .getResultList();
    }

    /**
     * The caller's unit's open tasks, most urgent first: overdue, due soon, on track, then those
     * waiting for review; finished ones are in {@link #list}.
     */
    public List<TaskView> mine(int limit) {
        Caller.requireTenant(Caller.UNIT_REPORTER, Caller.DISTRICT_ADMIN);
        Unit unit = units.myUnit();
        // Pick the page from the task table alone (its partial index), then join only those rows:
        // a unit can have thousands of open tasks, and joining them all before the sort cost more.
        List<UUID> ids =
                em.createQuery(
                                "select t.id from Task t where t.unit.id = :unit and t.status not in (:approved, :cancelled) "
                                        + "order by case when t.status = :submitted then 1 else 0 end, t.nextDue, t.keyTask desc, t.deadline, t.title, t.id",
                                UUID.class)
                        .setParameter("unit", unit.getId())
                        .setParameter("approved", TaskStatus.APPROVED)
                        .setParameter("cancelled", TaskStatus.CANCELLED)
                        .setParameter("submitted", TaskStatus.SUBMITTED)
                        .setMaxResults(Math.max(1, Math.min(limit, TaskFilter.MAX_LIMIT)))
                        .getResultList();
        if (ids.isEmpty()) return List.of();
        Map<UUID, TaskRow> byId = new HashMap<>();
        // The unit, though implied by the ids, keeps the planner from scanning every unit's tasks
        // for them: it
        // underestimates the rows of a tenant's ids when many tenants are loaded.
        em.createQuery(TaskRow.SELECT + "where t.unit.id = :unit and t.id in :ids", TaskRow.class)
                .setParameter("unit", unit.getId())
                .setParameter("ids", ids)
                .getResultList()
                .forEach(r -> byId.put(r.id(), r));
        List<TaskRow> rows = ids.stream().map(byId::get).toList();
        return views(rows);
    }

    public TaskView view(UUID id) {
        Task task = visible(id);
        List<TaskRow> rows =
                em.createQuery(TaskRow.SELECT + "where t.id = :id", TaskRow.class)
                        .setParameter("id", task.getId())
                        .getResultList();
        return views(rows).get(0);
    }

    /**
     * A task the caller may see; otherwise 404, whether it belongs to another unit or another
     * tenant.
     */
    public Task visible(UUID id) {
        Caller caller =
                Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        Task task = id == null ? null : em.find(Task.class, id);
        if (task == null
                || (reporterOnly(caller) && !task.getUnit().getCode().equals(caller.unitCode()))) {
            throw DubanException.notFound("task.not-found", "任务不存在。");
        }
        return task;
    }

    /**
     * A task the caller may report on: its own unit's (or any, for the district office reporting on
     * a unit's behalf).
     */
    public Task reportable(UUID id) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.UNIT_REPORTER);
        Task task = visible(id);
        if (!caller.hasRole(Caller.DISTRICT_ADMIN)
                && !task.getUnit().getCode().equals(caller.unitCode())) {
            throw DubanException.notFound("task.not-found", "任务不存在。");
        }
        return task;
    }

    /** The full text of the task's work point. */
    public String pointText(UUID taskId) {
        return visible(taskId).getPoint().getText();
    }

    public List<Checkpoint> checkpoints(UUID taskId) {
        return List.copyOf(visible(taskId).getCheckpoints());
    }

    // ---- assignment (district office)

    /** Gives a point's work to one more unit (or back to a unit it was taken from). */
    public Task assign(UUID pointId, UUID unitId, UnitRole role) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        PlanPoint point = em.find(PlanPoint.class, pointId);
        if (point == null) throw DubanException.notFound("plan.point-not-found", "工作要点不存在。");
        Unit unit = units.get(unitId);
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
                    em.createQuery("select t from Task t where t.point.id = :p", Task.class)
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
                "新任务：" + abbreviate(task.getTitle()),
                "区府办向贵单位交办了一项任务：" + task.getTitle() + "\n完成时限：" + task.getDeadline());
        return task;
    }

    /**
     * Takes a task from its unit. Kept as cancelled, so its reports stay on record and
     * re-publishing does not bring it back.
     */
    public Task cancel(UUID taskId, String reason, Integer expectedVersion) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Task task = edited(taskId, expectedVersion);
        String why = required(reason, "请填写取消该单位任务的原因。");
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
                "任务已取消：" + abbreviate(task.getTitle()),
                "原因：" + why);
        return task;
    }

    public Task changeDeadline(
            UUID taskId, LocalDate deadline, String reason, Integer expectedVersion) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Task task = edited(taskId, expectedVersion);
        applyDeadline(task, deadline, required(reason, "调整完成时限须填写原因。"));
        return task;
    }

    public Task update(UUID taskId, Boolean keyTask, UnitRole role, Integer expectedVersion) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
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
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        if (taskIds == null || taskIds.isEmpty())
            throw DubanException.badRequest("task.bulk-empty", "请选择要批量修改的任务。");
        if (taskIds.size() > TaskFilter.MAX_LIMIT) {
            throw DubanException.badRequest(
                    "task.bulk-too-many", "一次最多批量修改 " + TaskFilter.MAX_LIMIT + " 项任务。");
        }
        if (keyTask == null && deadline == null)
            throw DubanException.badRequest("task.bulk-nothing", "请指定要修改的内容。");
        String why = deadline == null ? null : required(reason, "调整完成时限须填写原因。");
        for (UUID id : taskIds) {
            Task task = edited(id, null);
            if (keyTask != null) update(id, keyTask, null, null);
            if (deadline != null) applyDeadline(task, deadline, why);
        }
        return taskIds.size();
    }

    // ---- extension requests (延期申请)

    public ExtensionRequest requestExtension(UUID taskId, LocalDate date, String reason) {
        Caller caller = Caller.requireTenant(Caller.UNIT_REPORTER);
        Task task = reportable(taskId);
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，无需延期。");
        if (date == null || !date.isAfter(task.getDeadline())) {
            throw DubanException.badRequest(
                    "extension.date-invalid", "申请的完成时限须晚于当前时限（" + task.getDeadline() + "）。");
        }
        String why = required(reason, "请填写延期原因。");
        long pending =
                em.createQuery(
                                "select count(e) from ExtensionRequest e where e.task.id = :t and e.state = :p",
                                Long.class)
                        .setParameter("t", taskId)
                        .setParameter("p", ExtensionRequest.State.PENDING)
                        .getSingleResult();
        if (pending > 0) throw DubanException.conflict("extension.pending", "该任务已有待审批的延期申请。");
        ExtensionRequest request = new ExtensionRequest(task, date, why, caller.username());
        em.persist(request);
        audit.record(
                "extension.requested",
                "task",
                task.getId(),
                "request",
                request.getId(),
                "date",
                date.toString(),
                "reason",
                why);
        inbox.toRole(
                Caller.DISTRICT_ADMIN,
                InboxMessage.Kind.EXTENSION,
                task.getId(),
                task.getUnit().getName() + "申请延期：" + abbreviate(task.getTitle()),
                "申请将完成时限由 " + task.getDeadline() + " 延至 " + date + "。原因：" + why);
        return request;
    }

    public ExtensionRequest decideExtension(UUID requestId, boolean approve, String comment) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ExtensionRequest request = em.find(ExtensionRequest.class, requestId);
        if (request == null) throw DubanException.notFound("extension.not-found", "延期申请不存在。");
        if (request.getState() != ExtensionRequest.State.PENDING) {
            throw DubanException.conflict("extension.decided", "该延期申请已处理。");
        }
        if (!approve) required(comment, "不同意延期时请说明理由。");
        Task task = request.getTask();
        request.decide(
                approve ? ExtensionRequest.State.APPROVED : ExtensionRequest.State.REFUSED,
                Caller.current().orElseThrow().username(),
                comment == null || comment.isBlank() ? null : comment.strip());
        audit.record(
                approve ? "extension.approved" : "extension.refused",
                "task",
                task.getId(),
                "request",
                request.getId(),
                "comment",
                request.getDecisionComment());
        if (approve)
            applyDeadline(task, request.getRequestedDate(), "批准延期申请：" + request.getReason());
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.EXTENSION,
                task.getId(),
                (approve ? "延期申请已批准：" : "延期申请未获批准：") + abbreviate(task.getTitle()),
                approve
                        ? "完成时限调整为 " + request.getRequestedDate() + "。"
                        : "理由：" + request.getDecisionComment());
        return request;
    }

    public List<ExtensionRequest> extensions(UUID taskId) {
        visible(taskId);
        return em.createQuery(
                        "select e from ExtensionRequest e where e.task.id = :t order by e.requestedAt desc",
                        ExtensionRequest.class)
                .setParameter("t", taskId)
                .getResultList();
    }

    public List<ExtensionRequest> pendingExtensions() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return em.createQuery(
                        "select e from ExtensionRequest e join fetch e.task t join fetch t.unit where e.state = :p "
                                + "order by e.requestedAt",
                        ExtensionRequest.class)
                .setParameter("p", ExtensionRequest.State.PENDING)
                .getResultList();
    }

    // ---- helpers

    private void applyDeadline(Task task, LocalDate deadline, String reason) {
        if (deadline == null)
            throw DubanException.badRequest("task.deadline-missing", "请指定新的完成时限。");
        if (deadline.getYear() < 2000 || deadline.getYear() > 2100) {
            throw DubanException.badRequest("task.deadline-invalid", "完成时限无效：" + deadline);
        }
        if (deadline.equals(task.getDeadline())) return;
        LocalDate before = task.getDeadline();
        task.changeDeadline(
                deadline, deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日前");
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
                "完成时限调整：" + abbreviate(task.getTitle()),
                "完成时限由 " + before + " 调整为 " + deadline + "。原因：" + reason);
    }

    private Task edited(UUID id, Integer expectedVersion) {
        Task task = visible(id);
        task.requireVersion(expectedVersion, "task.stale", "任务已被他人修改，请刷新后重试。");
        return task;
    }

    private TaskFilter scoped(Caller caller, TaskFilter filter) {
        TaskFilter f = filter == null ? TaskFilter.all() : filter;
        return reporterOnly(caller) ? f.forUnit(units.myUnit().getId()) : f;
    }

    private static boolean reporterOnly(Caller caller) {
        return !caller.hasRole(Caller.DISTRICT_ADMIN) && !caller.hasRole(Caller.LEADER);
    }

    private String where(TaskFilter f, Map<String, Object> params) {
        List<String> c = new ArrayList<>();
        if (f.planId() != null) {
            c.add("t.planId = :plan");
            params.put("plan", f.planId());
        }
        if (f.sectionId() != null) {
            c.add("p.section.id = :section");
            params.put("section", f.sectionId());
        }
        if (f.unitId() != null) {
            c.add("t.unit.id = :unit");
            params.put("unit", f.unitId());
        }
        if (f.status() != null) {
            c.add("t.status = :status");
            params.put("status", f.status());
        }
        if (f.keyTask() != null) {
            c.add("t.keyTask = :key");
            params.put("key", f.keyTask());
        }
        if (f.dueFrom() != null) {
            c.add("t.deadline >= :dueFrom");
            params.put("dueFrom", f.dueFrom());
        }
        if (f.dueTo() != null) {
            c.add("t.deadline <= :dueTo");
            params.put("dueTo", f.dueTo());
        }
        if (f.overdue() != null) {
            String overdue = "(t.status not in (:closedA, :closedC) and t.deadline < :today)";
            c.add(f.overdue() ? overdue : "not " + overdue);
            params.put("closedA", TaskStatus.APPROVED);
            params.put("closedC", TaskStatus.CANCELLED);
            params.put("today", LedgerClock.today());
        }
        if (f.text() != null) {
            // Case-insensitive only when the words have case: Chinese has none, and lower() on
            // every
            // title would double the cost of the scan for nothing.
            boolean cased =
                    !f.text().toLowerCase(Locale.ROOT).equals(f.text().toUpperCase(Locale.ROOT));
            String text = cased ? "lower(t.title) like :text" : "t.title like :text";
            params.put(
                    "text",
                    "%"
                            + f.text()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
            // A unit's name matches all of its tasks: the tenant's few units are matched once, not
            // per task.
            List<UUID> named =
                    em.createQuery(
                                    "select u.id from Unit u where lower(u.name) like :text",
                                    UUID.class)
                            .setParameter("text", params.get("text"))
                            .getResultList();
            if (!named.isEmpty()) {
                text = "(" + text + " or t.unit.id in :named)";
                params.put("named", named);
            }
            c.add(text);
        }
        return c.isEmpty() ? "" : "where " + String.join(" and ", c);
    }

    private List<TaskView> views(List<TaskRow> rows) {
        LocalDate today = LedgerClock.today();
        int window = inbox.settings().dueSoonWindow();
        return rows.stream().map(r -> TaskView.of(r, today, window)).toList();
    }

    static String required(String text, String message) {
        if (text == null || text.isBlank())
            throw DubanException.badRequest("request.reason-missing", message);
        if (text.length() > 2000)
            throw DubanException.badRequest("request.text-too-long", "填写内容过长（最多2000字）。");
        return text.strip();
    }

    static String abbreviate(String title) {
        return title.length() <= 40 ? title : title.substring(0, 39) + "…";
    }
}
