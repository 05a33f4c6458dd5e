package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.plan.Plan;
import cn.duban.plan.PlanPoint;
import cn.duban.plan.PlanService;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes a plan as tasks (下达任务): one task per (leaf work point × responsible unit). The preview
 * shows what publishing would do; publishing again after edits adds what is new, follows changed
 * deadline rules, and never duplicates or resets existing tasks.
 *
 * <p>Slightly over 300 lines, one responsibility: the preview and publishing walk the same plan
 * with the same rules (which units, which deadlines, what exists already), and a third of the class
 * is the records of the preview the page shows.
 */
@Stateless
public class PublishingService {

    @PersistenceContext EntityManager em;

    @EJB PlanService plans;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB UnitScopes scopes;

    @EJB SupervisingOffice supervising;

    /** A unit chosen for a point, overriding what the plan names. */
    public record Assignment(UUID unitId, String role) {}

    /**
     * What to publish: per point, units that replace the plan's (the admin's picks for 相关部门, or
     * edited lead/co-operating roles); points flagged as key tasks (重点).
     */
    public record Request(
            Map<UUID, List<Assignment>> assignments, Set<UUID> keyPoints, boolean allowOpen) {
        public Request {
            assignments = assignments == null ? Map.of() : assignments;
            keyPoints = keyPoints == null ? Set.of() : keyPoints;
        }
    }

    /** One task publishing would create or touch. */
    public record Proposed(
            UUID pointId,
            String pointNumber,
            String title,
            UUID unitId,
            String unitName,
            String unitKind,
            String role,
            LocalDate deadline,
            String deadlineText,
            List<Checkpoints.Planned> checkpoints,
            UUID existingTaskId,
            String change) {}

    /**
     * A name of a point that publishing cannot turn into a task without a person's choice; {@code
     * role} is the part the plan gives that name (LEAD or COOPERATING), which units picked for it
     * take by default.
     */
    public record OpenName(
            UUID pointId,
            String pointNumber,
            String title,
            String name,
            String reason,
            String role) {}

    public record Preview(
            UUID planId,
            String planTitle,
            List<Proposed> tasks,
            List<OpenName> open,
            int created,
            int updated,
            int unchanged) {}

    public record Result(
            UUID planId, int created, int updated, int unchanged, int units, List<OpenName> open) {}

    public Preview preview(UUID planId, Request request) {
        Plan plan = supervised(planId);
        Work work = plan(plan, request == null ? new Request(null, null, false) : request);
        return new Preview(
                plan.getId(),
                plan.getTitle(),
                work.proposed,
                work.open,
                work.count("NEW"),
                work.count("UPDATED"),
                work.count("UNCHANGED"));
    }

    public Result publish(UUID planId, Request request) {
        Plan plan = supervised(planId);
        Caller caller = Caller.requireDistrictPerson();
        if (plan.getLevel() == PlanLevel.CITY) {
            throw DubanException.badRequest(
                    "publish.city-plan", "市级计划不直接下达任务：请导入并下达本区计划，再与市级要点关联。");
        }
        Request req = request == null ? new Request(null, null, false) : request;
        Work work = plan(plan, req);
        if (!work.open.isEmpty() && !req.allowOpen()) {
            throw new DubanException(
                    400,
                    "publish.open-names",
                    "有 "
                            + work.open.size()
                            + " 处责任单位需要指定（如“相关部门”或未匹配的名称），请在预览中为这些要点选择单位，或确认跳过后再下达。",
                    work.open);
        }
        Map<UUID, Integer> newPerUnit = new LinkedHashMap<>();
        Map<UUID, Unit> unitById = new HashMap<>();
        List<UUID> createdIds = new ArrayList<>();
        int updated = 0;
        for (Planned p : work.planned) {
            if (p.existing == null) {
                Task task = Publishing.newTask(p.point, p.unit, p.role, caller.username());
                task.setKeyTask(req.keyPoints().contains(p.point.getId()));
                em.persist(task);
                createdIds.add(task.getId());
                newPerUnit.merge(p.unit.getId(), 1, Integer::sum);
                unitById.put(p.unit.getId(), p.unit);
            } else if (p.change.equals("UPDATED")) {
                Task t = p.existing;
                t.setTitle(Publishing.title(p.point));
                t.followPlanDeadline(p.point.getDeadlineDate(), p.point.getDeadlineText());
                if (req.assignments().containsKey(p.point.getId())) t.setRole(p.role);
                if (req.keyPoints().contains(p.point.getId())) t.setKeyTask(true);
                updated++;
            }
        }
        int unchanged = work.count("UNCHANGED");
        audit.record(
                "plan.published",
                "plan",
                plan.getId(),
                "created",
                createdIds.size(),
                "updated",
                updated,
                "unchanged",
                unchanged,
                "tasks",
                createdIds);
        String office = supervising.name(plan.getSupervisorUnitId());
        newPerUnit.forEach(
                (unitId, n) ->
                        inbox.toUnit(
                                unitById.get(unitId),
                                InboxMessage.Kind.ASSIGNED,
                                null,
                                "新下达任务 " + n + " 项：" + plan.getTitle(),
                                office
                                        + "下达了《"
                                        + plan.getTitle()
                                        + "》中的 "
                                        + n
                                        + " 项任务，请在“我的任务”中查看并按时报送进展。"));
        return new Result(
                plan.getId(), createdIds.size(), updated, unchanged, newPerUnit.size(), work.open);
    }

    /**
     * The plan, if the caller supervises it: the district office its own plans, a town's 单位管理员 its
     * town's own plans (a town's plan is the district's to read, not to publish).
     */
    private Plan supervised(UUID planId) {
        Plan plan = plans.get(planId);
        scopes.requireSupervisor(plan.getSupervisorUnitId(), "plan.not-found", "计划不存在。");
        return plan;
    }

    /**
     * The units a plan's tasks may go to: every unit of the district for the office's plans (the
     * names were matched against district-level units at import), the town and its 下级单位 for a
     * town's own plan.
     */
    private List<Unit> candidates(Plan plan) {
        if (plan.getSupervisorUnitId() == null) return units.list();
        return scopes.subtreeUnits(plan.getSupervisorUnitId());
    }

    // ---- planning

    private record Planned(
            PlanPoint point, Unit unit, UnitRole role, Task existing, String change) {}

    private static final class Work {
        final List<Planned> planned = new ArrayList<>();
        final List<Proposed> proposed = new ArrayList<>();
        final List<OpenName> open = new ArrayList<>();

        int count(String change) {
            return (int) planned.stream().filter(p -> p.change.equals(change)).count();
        }
    }

    private Work plan(Plan plan, Request request) {
        List<PlanPoint> points = plans.points(plan.getId());
        Set<UUID> parents = new HashSet<>();
        for (PlanPoint p : points) if (p.getParent() != null) parents.add(p.getParent().getId());
        List<Unit> all = candidates(plan);
        boolean townPlan = plan.getSupervisorUnitId() != null;
        Map<UUID, Unit> unitById = new HashMap<>();
        for (Unit u : all) unitById.put(u.getId(), u);
        Map<String, Task> existing = new HashMap<>();
        for (Task t :
                em.createQuery(
                                "select t from Task t join fetch t.unit where t.planId = :plan",
                                Task.class)
                        .setParameter("plan", plan.getId())
                        .getResultList()) {
            existing.put(t.getPoint().getId() + "|" + t.getUnit().getId(), t);
        }
        Work work = new Work();
        for (PlanPoint point : points) {
            if (parents.contains(point.getId())) continue; // the sub-points carry the work
            List<Publishing.Assignee> assignees;
            List<Assignment> chosen = request.assignments().get(point.getId());
            if (chosen != null) {
                assignees = chosen(chosen, unitById, point);
            } else {
                Publishing.Resolution r =
                        Publishing.resolve(Publishing.namedUnits(point), all, townPlan);
                assignees = new ArrayList<>(r.assignees());
                for (Publishing.Open o : r.open()) {
                    work.open.add(
                            new OpenName(
                                    point.getId(),
                                    point.getNumber(),
                                    point.getTitle(),
                                    o.name(),
                                    o.reason(),
                                    o.role().name()));
                }
                if (assignees.isEmpty() && r.open().isEmpty()) {
                    // A town's own plan names no units: the town itself does the work.
                    Unit owner =
                            plan.getOwnerUnitId() == null
                                    ? null
                                    : unitById.get(plan.getOwnerUnitId());
                    if (owner != null) assignees.add(new Publishing.Assignee(owner, UnitRole.LEAD));
                    else
                        work.open.add(
                                new OpenName(
                                        point.getId(),
                                        point.getNumber(),
                                        point.getTitle(),
                                        "",
                                        "未注明责任单位",
                                        UnitRole.LEAD.name()));
                }
            }
            for (Publishing.Assignee a : assignees) {
                Task t = existing.get(point.getId() + "|" + a.unit().getId());
                String change =
                        t == null
                                ? "NEW"
                                : changed(t, point, a, chosen != null) ? "UPDATED" : "UNCHANGED";
                work.planned.add(new Planned(point, a.unit(), a.role(), t, change));
                work.proposed.add(
                        new Proposed(
                                point.getId(),
                                point.getNumber(),
                                Publishing.title(point),
                                a.unit().getId(),
                                a.unit().getName(),
                                a.unit().getKind().name(),
                                a.role().name(),
                                t != null ? t.getDeadline() : point.getDeadlineDate(),
                                point.getDeadlineText(),
                                Checkpoints.of(
                                        point.getDeadlineKind(),
                                        point.getDeadlineFrequency(),
                                        point.getDeadlineDate(),
                                        Publishing.milestones(point)),
                                t == null ? null : t.getId(),
                                change));
            }
        }
        return work;
    }

    private static boolean changed(
            Task t, PlanPoint point, Publishing.Assignee a, boolean roleChosen) {
        if (t.getStatus() == TaskStatus.CANCELLED)
            return false; // taken from the unit on purpose: stays so
        boolean deadline =
                !t.isDeadlineOverridden() && !t.getDeadline().equals(point.getDeadlineDate());
        return deadline
                || !t.getTitle().equals(Publishing.title(point))
                || (roleChosen && t.getRole() != a.role());
    }

    private static List<Publishing.Assignee> chosen(
            List<Assignment> chosen, Map<UUID, Unit> unitById, PlanPoint point) {
        List<Publishing.Assignee> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Assignment a : chosen) {
            Unit u = a.unitId() == null ? null : unitById.get(a.unitId());
            if (u == null) {
                throw DubanException.badRequest(
                        "publish.unit-unknown", "要点 " + point.getNumber() + " 指定的单位不存在。");
            }
            UnitRole role;
            try {
                role = a.role() == null ? UnitRole.COOPERATING : UnitRole.valueOf(a.role());
            } catch (IllegalArgumentException e) {
                throw DubanException.badRequest(
                        "publish.role-invalid", "单位角色应为 LEAD（牵头）或 COOPERATING（配合）。");
            }
            if (seen.add(u.getId())) out.add(new Publishing.Assignee(u, role));
        }
        return out;
    }
}
