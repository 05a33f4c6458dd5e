package cn.duban.plan.web;

import cn.duban.plan.Plan;
import cn.duban.plan.PlanCascade;
import cn.duban.plan.PlanDocument;
import cn.duban.plan.PlanLinkService;
import cn.duban.plan.PlanService;
import cn.duban.plan.TownAdoption;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** One plan: its points, and either its coverage by lower plans or its links to the upper plan. */
@Named
@ViewScoped
public class PlanPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject PlanService plans;

    @Inject PlanLinkService links;

    @Inject UnitService units;

    @Inject PlanCascade cascade;

    private UUID id;
    private PlanDocument plan;
    private UUID targetPlanId;
    private List<PlanLinkService.Suggestion> suggestions;
    private PlanLinkService.Coverage coverage;

    /** A point with its depth, for a flat indented table. */
    public record Line(int depth, PlanDocument.Point point, String units) {}

    public void load() {
        plan = plans.document(id);
    }

    public List<Line> getLines() {
        List<Line> out = new ArrayList<>();
        if (plan == null) return out;
        Map<UUID, String> names =
                units.list().stream().collect(Collectors.toMap(Unit::getId, Unit::getName));
        for (PlanDocument.Section s : plan.sections()) flatten(s.points(), 0, out, names);
        return out;
    }

    private static void flatten(
            List<PlanDocument.Point> points, int depth, List<Line> out, Map<UUID, String> names) {
        for (PlanDocument.Point p : points) {
            String u =
                    p.units().stream()
                            .map(
                                    r ->
                                            (r.unitId() != null
                                                            ? names.getOrDefault(
                                                                    r.unitId(), r.name())
                                                            : r.name())
                                                    + ("LEAD".equals(r.role()) ? "（牵头）" : "")
                                                    + (r.unitId() == null && !r.collective()
                                                            ? "⚠"
                                                            : ""))
                            .collect(Collectors.joining("、"));
            out.add(new Line(depth, p, u));
            flatten(p.children(), depth + 1, out, names);
        }
    }

    public List<Plan> getUpperPlans() {
        if (plan == null || plan.level() == PlanLevel.CITY) return List.of();
        PlanLevel upper = plan.level() == PlanLevel.TOWN ? PlanLevel.DISTRICT : PlanLevel.CITY;
        return plans.list(plan.year(), upper);
    }

    public void suggest() {
        if (targetPlanId == null) return;
        suggestions = links.suggest(id, targetPlanId, 3);
    }

    public void link(UUID pointId, UUID targetPointId) {
        links.link(pointId, targetPointId);
        suggest();
        Messages.info("plan.linked");
    }

    public void unlink(UUID pointId, UUID targetPointId) {
        links.unlink(pointId, targetPointId);
        suggest();
    }

    public PlanLinkService.Coverage getCoverage() {
        if (coverage == null && plan != null && plan.level() != PlanLevel.TOWN)
            coverage = links.coverage(id);
        return coverage;
    }

    /** 下发到各街镇: each addressed town's draft, made once. */
    public void cascadeToTowns() {
        try {
            List<PlanCascade.Draft> drafts = cascade.generateAll(id);
            coverage = null;
            Messages.info(
                    "plan.cascade.done",
                    drafts.size(),
                    drafts.stream().filter(PlanCascade.Draft::created).count());
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    /** The towns that adopted a point or hold it in a draft: not the ones missing. */
    public List<TownAdoption.Answer> answering(PlanLinkService.PointCoverage row) {
        return row.towns().stream()
                .filter(a -> a.state() != TownAdoption.State.MISSING || a.carried())
                .toList();
    }

    /** The towns a point is addressed to that took it up in no plan. */
    public List<String> notAdopted(PlanLinkService.PointCoverage row) {
        return row.towns().stream()
                .filter(a -> a.expected() && a.state() == TownAdoption.State.MISSING)
                .map(TownAdoption.Answer::name)
                .toList();
    }

    public String responders(PlanLinkService.PointCoverage row) {
        return row.respondedBy().stream()
                .map(r -> r.unitName() + " " + String.join("/", r.pointNumbers()))
                .collect(Collectors.joining("；"));
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public PlanDocument getPlan() {
        return plan;
    }

    public UUID getTargetPlanId() {
        return targetPlanId;
    }

    public void setTargetPlanId(UUID targetPlanId) {
        this.targetPlanId = targetPlanId;
    }

    public List<PlanLinkService.Suggestion> getSuggestions() {
        return suggestions;
    }
}
