package cn.duban.plan;

import cn.duban.audit.AuditService;
import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
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
 * 下发 (issue 21 item 3): from a published district plan, each town's draft plan of the points
 * addressed to it ({@link TownAddressees}), every point linked to its district point so coverage
 * sees it. The draft is the town's own plan (level TOWN, owned and supervised by the town): its
 * 单位管理员 edits the points ({@link #edit}) and adopts it by publishing it to its 下级单位 with the usual
 * publishing. A draft is a town plan with no tasks yet; no status of its own. A town has one draft
 * per district plan: its key is the district document's hash, the year and the town (the plan's
 * unique source key), so generating again returns it unchanged.
 */
@Stateless
public class PlanCascade {

    @PersistenceContext EntityManager em;

    @EJB PlanService plans;

    @EJB UnitService units;

    @EJB UnitScopes scopes;

    @EJB AuditService audit;

    /**
     * One town's draft: {@code created} false when it was there already; {@code published} once the
     * town adopted it (published it to its 下级单位).
     */
    public record Draft(
            UUID townId,
            String townName,
            UUID planId,
            String title,
            int points,
            boolean created,
            boolean published) {}

    /** 下发到各街镇: a draft for every town that any point is addressed to. */
    public List<Draft> generateAll(UUID districtPlanId) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Plan district = districtPlan(districtPlanId);
        List<PlanPoint> points = plans.points(district.getId());
        List<Draft> out = new ArrayList<>();
        for (Unit town : towns()) {
            Draft d = generate(district, points, town, caller);
            if (d != null) out.add(d);
        }
        return out;
    }

    /**
     * One town's draft: any town for the district office, its own town for a town's 单位管理员 (another
     * town, or a unit that is no town: not found).
     */
    public Draft generate(UUID districtPlanId, UUID townId) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Unit town = scopes.managedTown(townId, false);
        Plan district = districtPlan(districtPlanId);
        Draft d = generate(district, plans.points(district.getId()), town, caller);
        if (d == null) {
            throw DubanException.conflict(
                    "cascade.nothing-addressed", "该计划没有下达给" + town.getName() + "的工作要点。");
        }
        return d;
    }

    private Draft generate(Plan district, List<PlanPoint> points, Unit town, Caller caller) {
        TownAddressees.Town addressee =
                new TownAddressees.Town(town.getId(), town.getName(), town.getAliases());
        // The addressed points and their ancestors, so the draft keeps the district's outline.
        Set<UUID> included = new HashSet<>();
        for (PlanPoint p : points) {
            if (TownAddressees.of(TownAddressees.named(p), List.of(addressee)).isEmpty()) continue;
            for (PlanPoint a = p; a != null && included.add(a.getId()); a = a.getParent()) {}
        }
        if (included.isEmpty()) return null;
        Plan existing =
                em.createQuery(
                                "select p from Plan p where p.supervisorUnitId = :t "
                                        + "and p.sourceSha256 = :h and p.year = :y",
                                Plan.class)
                        .setParameter("t", town.getId())
                        .setParameter("h", district.getSourceSha256())
                        .setParameter("y", district.getYear())
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (existing != null) {
            return new Draft(
                    town.getId(),
                    town.getName(),
                    existing.getId(),
                    existing.getTitle(),
                    count(existing),
                    false,
                    published(existing.getId()));
        }
        Plan plan =
                new Plan(
                        district.getSourceText(),
                        district.getSourceSha256(),
                        "下发：" + district.getTitle(),
                        null,
                        caller.username());
        plan.setTitle(town.getName() + "落实《" + district.getTitle() + "》工作清单");
        plan.setIssuer(town.getName());
        plan.setLevel(PlanLevel.TOWN);
        plan.setYear(district.getYear());
        plan.setOwnerUnitId(town.getId());
        plan.setSupervisorUnitId(town.getId());
        em.persist(plan);
        Map<UUID, PlanSection> sections = new LinkedHashMap<>();
        Map<UUID, PlanPoint> copies = new HashMap<>();
        int position = 0;
        for (PlanPoint p : points) {
            if (!included.contains(p.getId())) continue;
            PlanSection section =
                    sections.computeIfAbsent(
                            p.getSection().getId(),
                            k -> {
                                PlanSection s =
                                        plan.addSection(
                                                p.getSection().getNumber(),
                                                p.getSection().getTitle());
                                em.persist(s);
                                return s;
                            });
            // The town names its own 下级单位: the district's units are no units of a town plan.
            PlanPoint copy =
                    new PlanPoint(
                            plan,
                            section,
                            p.getParent() == null ? null : copies.get(p.getParent().getId()),
                            position++,
                            p.getNumber(),
                            p.getTitle(),
                            p.getText());
            copy.setDeadline(
                    p.getDeadlineText(),
                    p.getDeadlineDate(),
                    p.getDeadlineKind(),
                    p.getDeadlineFrequency());
            copy.setMilestonesJson(p.getMilestonesJson());
            em.persist(copy);
            copies.put(p.getId(), copy);
            em.persist(new PointLink(copy, p, 1.0, caller.username()));
        }
        audit.record(
                "plan.cascaded",
                "plan",
                plan.getId(),
                "title",
                plan.getTitle(),
                "from",
                district.getId(),
                "town",
                town.getId(),
                "points",
                copies.size());
        return new Draft(
                town.getId(),
                town.getName(),
                plan.getId(),
                plan.getTitle(),
                copies.size(),
                true,
                false);
    }

    /** A unit a draft's point names: the town or one of its 下级单位, leading or co-operating. */
    public record UnitPick(UUID unitId, String role) {}

    /**
     * A point of a town's draft as its 单位管理员 edits it: title, text, deadline (no later than the
     * district point's it answers) and responsible units (the town's own 下级单位); null keeps what is
     * there.
     */
    public record PointEdit(String title, String text, LocalDate deadline, List<UnitPick> units) {}

    /** Edits a point of a town's plan not yet published: all or nothing. */
    public PlanPoint edit(UUID planId, UUID pointId, PointEdit edit) {
        Plan plan = plans.get(planId);
        scopes.requireSupervisor(plan.getSupervisorUnitId(), "plan.not-found", "计划不存在。");
        if (plan.getSupervisorUnitId() == null) {
            throw DubanException.badRequest("cascade.town-plan-only", "只能修改街镇的落实清单。");
        }
        PlanPoint point = em.find(PlanPoint.class, pointId);
        if (point == null || !point.getPlan().getId().equals(plan.getId()))
            throw DubanException.notFound("plan.point-not-found", "工作要点不存在。");
        if (edit == null) throw DubanException.badRequest("cascade.edit-empty", "请填写要修改的内容。");
        Long tasks =
                em.createQuery("select count(t) from Task t where t.point.id = :p", Long.class)
                        .setParameter("p", pointId)
                        .getSingleResult();
        if (tasks > 0) {
            throw DubanException.conflict("cascade.point-published", "该要点已下达任务，不能再修改。");
        }
        if (edit.title() != null) {
            if (edit.title().isBlank() || edit.title().length() > 1000)
                throw DubanException.badRequest("cascade.title-invalid", "要点标题不能为空，且不超过 1000 字。");
            point.setTitle(edit.title().strip());
        }
        if (edit.text() != null) {
            if (edit.text().length() > 20_000)
                throw DubanException.badRequest("cascade.text-invalid", "要点内容过长。");
            point.setText(edit.text().isBlank() ? point.getTitle() : edit.text().strip());
        }
        if (edit.deadline() != null) {
            LocalDate latest = upperDeadline(pointId);
            if (latest != null && edit.deadline().isAfter(latest)) {
                throw DubanException.badRequest(
                        "cascade.deadline-after", "完成时限不能晚于区里的时限（" + latest + "）。");
            }
            point.setDeadline(
                    edit.deadline().getMonthValue() + "月" + edit.deadline().getDayOfMonth() + "日前",
                    edit.deadline(),
                    DeadlineKind.BY_DATE,
                    null);
        }
        if (edit.units() != null) {
            Map<UUID, Unit> subtree = new HashMap<>();
            for (Unit u : scopes.subtreeUnits(plan.getSupervisorUnitId()))
                subtree.put(u.getId(), u);
            List<Object[]> picked = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            for (UnitPick pick : edit.units()) {
                // Another town's unit or an unknown id: not found, as everywhere in a subtree.
                Unit u = pick == null || pick.unitId() == null ? null : subtree.get(pick.unitId());
                if (u == null) throw DubanException.notFound("unit.not-found", "单位不存在。");
                UnitRole role;
                try {
                    role = pick.role() == null ? UnitRole.LEAD : UnitRole.valueOf(pick.role());
                } catch (IllegalArgumentException e) {
                    throw DubanException.badRequest(
                            "cascade.role-invalid", "单位角色应为 LEAD（牵头）或 COOPERATING（配合）。");
                }
                if (seen.add(u.getId())) picked.add(new Object[] {u, role});
            }
            point.clearUnits();
            em.flush(); // the old names go before the new ones take their positions
            for (Object[] p : picked) {
                Unit u = (Unit) p[0];
                point.addUnit(u.getName(), false, u.getId(), (UnitRole) p[1]);
            }
        }
        audit.record(
                "plan.point-edited",
                "plan",
                plan.getId(),
                "point",
                point.getId(),
                "number",
                point.getNumber(),
                "deadline",
                point.getDeadlineDate(),
                "units",
                point.getUnits().stream().map(PointUnit::getName).toList());
        return point;
    }

    /** The earliest deadline of the upper points this point answers, or null. */
    private LocalDate upperDeadline(UUID pointId) {
        return em.createQuery(
                        "select min(l.targetPoint.deadlineDate) from PointLink l where l.point.id = :p",
                        LocalDate.class)
                .setParameter("p", pointId)
                .getSingleResult();
    }

    /** A district office's plan with tasks published: the only source of drafts. */
    private Plan districtPlan(UUID id) {
        Plan plan = id == null ? null : em.find(Plan.class, id);
        if (plan == null) throw DubanException.notFound("plan.not-found", "计划不存在。");
        if (plan.getLevel() != PlanLevel.DISTRICT || plan.getSupervisorUnitId() != null) {
            throw DubanException.badRequest("cascade.not-district-plan", "只能从区级计划下发到街镇。");
        }
        if (!published(plan.getId())) {
            throw DubanException.conflict("cascade.not-published", "请先下达区级计划，再下发到各街镇。");
        }
        return plan;
    }

    private List<Unit> towns() {
        return units.list().stream().filter(u -> u.getKind() == UnitKind.TOWN).toList();
    }

    private boolean published(UUID planId) {
        return !em.createQuery("select t.id from Task t where t.planId = :p", UUID.class)
                .setParameter("p", planId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private int count(Plan plan) {
        return em.createQuery("select count(p) from PlanPoint p where p.plan.id = :p", Long.class)
                .setParameter("p", plan.getId())
                .getSingleResult()
                .intValue();
    }
}
