package cn.duban.ledger;

import cn.duban.ledger.colour.ColourReading;
import cn.duban.ledger.colour.TaskColours;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Scope;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
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
 * Reading the ledger's tasks: lists with filters, a page with its total, a unit's own tasks by
 * urgency, one task's view, and the visibility rule every other ledger service checks through
 * {@link #visible} and {@link #reportable}. A unit person sees its {@link Scope}'s tasks: its own
 * unit's, or a town's 单位管理员 the town's and its 下级单位's; another unit's task is "not found", as is
 * another tenant's.
 */
@Stateless
public class TaskQueries {

    /** {@link UnitTasks#HELD_BY_ME}: the holder rule of the lists. */
    private static final String HELD_BY_ME = UnitTasks.HELD_BY_ME;

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB UnitScopes scopes;

    @EJB TaskColours colours;

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
        Caller caller = Caller.requireDistrictPerson();
        TaskFilter f = filter == null ? TaskFilter.all() : filter;
        java.util.Set<UUID> within = null;
        if (reporterOnly(caller)) {
            // A unit person reads its scope (issue 21): its unit, or a town's admin the town's
            // subtree. A ?unit= outside the scope is "not found", not quietly the caller's own.
            Scope scope = scopes.current();
            if (f.unitId() != null) {
                if (!scope.contains(f.unitId()))
                    throw DubanException.notFound("unit.not-found", "单位不存在。");
            } else if (scope.kind() == Scope.Kind.UNIT) {
                f = f.forUnit(scope.root());
            } else {
                within = scope.units();
            }
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(f, params);
        if (within != null) {
            where = (where.isEmpty() ? "where " : where + " and ") + "t.unit.id in :scopeUnits";
            params.put("scopeUnits", within);
        }
        if (UnitTasks.holderOnly(caller)) {
            where = (where.isEmpty() ? "where " : where + " and ") + HELD_BY_ME;
            params.put("holderMe", caller.username());
        }
        return new Resolved(f, where, params);
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
        Caller.requireDistrictPerson();
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
        Caller caller =
                Caller.requireTenant(
                        Role.UNIT_REPORTER, Role.UNIT_HEAD, Role.UNIT_ADMIN, Role.DISTRICT_ADMIN);
        Unit unit = units.myUnit();
        boolean holderOnly = UnitTasks.holderOnly(caller);
        // Pick the page from the task table alone (its partial index), then join only those rows:
        // a unit can have thousands of open tasks, and joining them all before the sort cost more.
        TypedQuery<UUID> idQuery =
                em.createQuery(
                                "select t.id from Task t where t.unit.id = :unit and t.status not in (:approved, :cancelled) "
                                        + (holderOnly ? "and " + HELD_BY_ME + " " : "")
                                        + "order by case when t.status = :submitted then 1 else 0 end, t.nextDue, t.keyTask desc, t.deadline, t.title, t.id",
                                UUID.class)
                        .setParameter("unit", unit.getId())
                        .setParameter("approved", TaskStatus.APPROVED)
                        .setParameter("cancelled", TaskStatus.CANCELLED)
                        .setParameter("submitted", TaskStatus.SUBMITTED);
        if (holderOnly) idQuery.setParameter("holderMe", caller.username());
        List<UUID> ids =
                idQuery.setMaxResults(Math.max(1, Math.min(limit, TaskFilter.MAX_LIMIT)))
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

    /**
     * Key tasks awaiting a leader's sign-off (审结), oldest approval first: the leader's dashboard
     * and the district's list.
     */
    public List<TaskView> awaitingSignOff(int limit) {
        Caller.requireTenant(Caller.LEADER, Caller.DISTRICT_ADMIN);
        return views(
                em.createQuery(
                                TaskRow.SELECT
                                        + "where t.signOff = :s order by t.completedOn, t.title, t.id",
                                TaskRow.class)
                        .setParameter("s", SignOff.AWAITING)
                        .setMaxResults(Math.max(1, Math.min(limit, TaskFilter.MAX_LIMIT)))
                        .getResultList());
    }

    public TaskView view(UUID id) {
        return view(visible(id));
    }

    /** The view of a task already checked with {@link #visible}: no second check. */
    public TaskView view(Task task) {
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
        Caller caller = Caller.requireDistrictPerson();
        Task task = id == null ? null : em.find(Task.class, id);
        if (task == null
                || (reporterOnly(caller) && !inScope(caller, task))
                || UnitTasks.heldByAnother(caller, task)) {
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

    /** The task's unit is the caller's own, or in the subtree of the town it administers. */
    private boolean inScope(Caller caller, Task task) {
        if (task.getUnit().getCode().equals(caller.unitCode())) return true;
        return caller.hasRole(Role.UNIT_ADMIN) && scopes.current().contains(task.getUnit().getId());
    }

    private static boolean reporterOnly(Caller caller) {
        return !caller.isDistrictWide();
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
        if (f.source() != null) {
            // By the plan ids of the source: the same clause serves the count, which joins no plan.
            c.add("t.planId in (select x.id from Plan x where x.source = :source)");
            params.put("source", f.source());
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
        Map<UUID, ColourReading> read = colours.read(rows);
        return rows.stream().map(r -> TaskView.of(r, read.get(r.id()), today)).toList();
    }
}
