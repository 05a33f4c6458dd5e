package cn.duban.ledger;

import cn.duban.plan.CollectiveScope;
import cn.duban.plan.PlanDocument;
import cn.duban.plan.PlanPoint;
import cn.duban.plan.PointUnit;
import cn.duban.plan.parse.Milestone;
import cn.duban.plan.parse.UnitRole;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The publishing rules, free of the container: which units a point's named units stand for
 * (collectives expanded), who leads, and how a new task is built from its point.
 */
final class Publishing {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** A unit's part in a point: the unit and whether it leads. */
    record Assignee(Unit unit, UnitRole role) {}

    /**
     * A named unit that needs a person to decide (相关部门, a name not matched to a unit, or no unit at
     * all), with the role the plan gives that name: units picked for it take that role.
     */
    record Open(String name, String reason, UnitRole role) {}

    /** The units a point's names resolve to, and the names that stay open. */
    record Resolution(List<Assignee> assignees, List<Open> open) {}

    private Publishing() {}

    /**
     * Resolves a point's named units against the units the plan may name ({@code townPlan}: a
     * town's own plan, the town and its 下级单位). Collectives expand to every unit of their kind; a
     * unit named twice keeps its strongest role (lead). If no name says who leads, the first named
     * unit does.
     */
    static Resolution resolve(List<PointUnit> named, List<Unit> all, boolean townPlan) {
        Map<UUID, Unit> byId = new LinkedHashMap<>();
        for (Unit u : all) byId.put(u.getId(), u);
        Map<UUID, Assignee> out = new LinkedHashMap<>();
        List<Open> open = new ArrayList<>();
        boolean anyLead = named.stream().anyMatch(n -> n.getRole() == UnitRole.LEAD);
        boolean first = true;
        for (PointUnit n : named) {
            UnitRole role =
                    n.getRole() == UnitRole.LEAD || (!anyLead && first)
                            ? UnitRole.LEAD
                            : UnitRole.COOPERATING;
            first = false;
            if (n.isCollective()) {
                CollectiveScope scope = CollectiveScope.of(n.getName());
                if (scope == CollectiveScope.CHOOSE) {
                    open.add(new Open(n.getName(), "需指定具体单位", role));
                    continue;
                }
                boolean any = false;
                for (Unit u : all) {
                    if (fits(scope, u.getKind(), townPlan)) {
                        add(out, u, role);
                        any = true;
                    }
                }
                if (!any) open.add(new Open(n.getName(), "没有此类单位，需指定具体单位", role));
            } else if (n.getUnitId() != null && byId.containsKey(n.getUnitId())) {
                add(out, byId.get(n.getUnitId()), role);
            } else {
                open.add(new Open(n.getName(), "未匹配到本区单位", role));
            }
        }
        return new Resolution(List.copyOf(out.values()), open);
    }

    /**
     * Whether a collective takes a unit of this kind. A district plan's candidates are
     * district-level units, a town plan's the town and its 下级单位 (see {@link PublishingService}), so
     * 各部门 in a town's plan are the town's offices and 各街镇 there are nobody.
     */
    static boolean fits(CollectiveScope scope, UnitKind kind, boolean townPlan) {
        return switch (scope) {
            case TOWNS -> !townPlan && kind == UnitKind.TOWN;
            case DEPARTMENTS -> kind == (townPlan ? UnitKind.OFFICE : UnitKind.DEPARTMENT);
            case COMMUNITIES -> kind == UnitKind.COMMUNITY;
            case VILLAGES -> kind == UnitKind.VILLAGE;
            case NEIGHBOURHOODS -> kind == UnitKind.COMMUNITY || kind == UnitKind.VILLAGE;
            case OFFICES -> kind == UnitKind.OFFICE;
            case ALL_UNITS ->
                    townPlan
                            ? !kind.districtLevel()
                            : kind == UnitKind.DEPARTMENT || kind == UnitKind.TOWN;
            case CHOOSE -> false;
        };
    }

    private static void add(Map<UUID, Assignee> out, Unit unit, UnitRole role) {
        Assignee before = out.get(unit.getId());
        if (before == null || (before.role() == UnitRole.COOPERATING && role == UnitRole.LEAD)) {
            out.put(unit.getId(), new Assignee(unit, role));
        }
    }

    /**
     * The point's named units, or its nearest ancestor's when it names none (sub-points inherit).
     */
    static List<PointUnit> namedUnits(PlanPoint point) {
        for (PlanPoint p = point; p != null; p = p.getParent()) {
            if (!p.getUnits().isEmpty()) return p.getUnits();
        }
        return List.of();
    }

    static List<Milestone> milestones(PlanPoint point) {
        return Arrays.stream(
                        JSONB.fromJson(point.getMilestonesJson(), PlanDocument.Milestone[].class))
                .map(m -> new Milestone(m.text(), m.date()))
                .toList();
    }

    static Task newTask(PlanPoint point, Unit unit, UnitRole role, String by) {
        Task task =
                new Task(
                        point,
                        unit,
                        role,
                        title(point),
                        point.getDeadlineText(),
                        point.getDeadlineDate(),
                        by);
        task.setSupervisorUnitId(point.getPlan().getSupervisorUnitId());
        for (Checkpoints.Planned c :
                Checkpoints.of(
                        point.getDeadlineKind(),
                        point.getDeadlineFrequency(),
                        point.getDeadlineDate(),
                        milestones(point))) {
            task.addCheckpoint(c.label(), c.due());
        }
        return task;
    }

    /**
     * A task for one more unit on a point already published: same deadline and checkpoints as the
     * others.
     */
    static Task copyOf(Task sibling, Unit unit, UnitRole role, String by) {
        Task task =
                new Task(
                        sibling.getPoint(),
                        unit,
                        role,
                        sibling.getTitle(),
                        sibling.getDeadlineText(),
                        sibling.getDeadline(),
                        by);
        task.setSupervisorUnitId(sibling.getSupervisorUnitId());
        task.setParentTaskId(sibling.getParentTaskId());
        for (Checkpoint c : sibling.getCheckpoints()) task.addCheckpoint(c.getLabel(), c.getDue());
        return task;
    }

    /** "5. 深化重点领域信息公开": number and title, as a ledger names a task. */
    static String title(PlanPoint point) {
        String t =
                point.getNumber().isBlank()
                        ? point.getTitle()
                        : point.getNumber() + " " + point.getTitle();
        return t.length() > 1000 ? t.substring(0, 999) + "…" : t;
    }
}
