package cn.duban.plan;

import cn.duban.audit.AuditService;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.DeadlineParser;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saved plans: list, read (as a document tree with ids), delete while nothing follows from them,
 * and the next year's copy of a plan with its deadline rules re-applied. Importing a document is
 * {@link PlanImport}'s.
 */
@Stateless
public class PlanService {

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB UnitScopes scopes;

    /**
     * Next year's plan from this year's template: same structure, deadline rules re-applied to the
     * new year.
     */
    public Plan nextYear(UUID planId) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Plan source = get(planId);
        scopes.requireSupervisor(source.getSupervisorUnitId(), "plan.not-found", "计划不存在。");
        int year = source.getYear() + 1;
        PlanDocument doc = document(source);
        // A copy names the units the source named.
        PlanWriter writer = new PlanWriter(em, units, null, units.list());
        if (writer.findBySource(source.getSourceSha256(), year).isPresent()) {
            throw DubanException.conflict("plan.duplicate", "该计划已有 " + year + " 年度版本。");
        }
        String title = doc.title().replace(String.valueOf(source.getYear()), String.valueOf(year));
        List<PlanDocument.Section> sections =
                doc.sections().stream()
                        .map(
                                s ->
                                        new PlanDocument.Section(
                                                null,
                                                s.number(),
                                                s.title(),
                                                shift(s.points(), year)))
                        .toList();
        PlanDocument next =
                new PlanDocument(
                        null,
                        title,
                        doc.issuer(),
                        doc.level(),
                        year,
                        null,
                        null,
                        doc.ownerUnitId(),
                        doc.sourceName(),
                        source.getId(),
                        sections,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        null);
        Plan plan =
                new Plan(
                        source.getSourceText(),
                        source.getSourceSha256(),
                        source.getSourceName(),
                        source.getId(),
                        caller.username());
        writer.fill(plan, next);
        em.persist(plan);
        writer.persistPoints(plan, next);
        audit.record(
                "plan.next-year",
                "plan",
                plan.getId(),
                "title",
                plan.getTitle(),
                "year",
                year,
                "from",
                source.getId());
        return plan;
    }

    /**
     * The plans the caller reads: every plan of the district for its office and leaders (a town's
     * own plans read-only), its own town's plans for a town's 单位管理员.
     */
    public List<Plan> list(Integer year, PlanLevel level) {
        UUID town = readerTown();
        return em.createQuery(
                        "select p from Plan p where (:year is null or p.year = :year) "
                                + "and (:level is null or p.level = :level) "
                                + "and (:town is null or p.supervisorUnitId = :town) "
                                + "order by p.year desc, p.level, p.createdAt desc",
                        Plan.class)
                .setParameter("year", year)
                .setParameter("level", level)
                .setParameter("town", town)
                .getResultList();
    }

    public Plan get(UUID id) {
        UUID town = readerTown();
        Plan plan = id == null ? null : em.find(Plan.class, id);
        if (plan == null || (town != null && !town.equals(plan.getSupervisorUnitId())))
            throw DubanException.notFound("plan.not-found", "计划不存在。");
        return plan;
    }

    /** Null for the district's office and leaders; the town a town's 单位管理员 supervises. */
    private UUID readerTown() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Role.UNIT_ADMIN);
        if (caller.isDistrictWide()) return null;
        return scopes.supervisingTown().map(Unit::getId).orElseThrow();
    }

    public void delete(UUID id, Integer expectedVersion) {
        Plan plan = get(id);
        scopes.requireSupervisor(plan.getSupervisorUnitId(), "plan.not-found", "计划不存在。");
        plan.requireVersion(expectedVersion, "plan.stale", "计划已被他人修改，请刷新后重试。");
        Long derived =
                em.createQuery("select count(p) from Plan p where p.derivedFrom = :id", Long.class)
                        .setParameter("id", id)
                        .getSingleResult();
        if (derived > 0) {
            throw DubanException.conflict("plan.in-use", "该计划已派生出下一年度计划，不能删除。");
        }
        Long published =
                em.createQuery("select count(t) from Task t where t.planId = :id", Long.class)
                        .setParameter("id", id)
                        .getSingleResult();
        if (published > 0) {
            throw DubanException.conflict("plan.published", "该计划已下达 " + published + " 项任务，不能删除。");
        }
        audit.record(
                "plan.deleted",
                "plan",
                plan.getId(),
                "title",
                plan.getTitle(),
                "year",
                plan.getYear());
        em.remove(plan);
    }

    /** A saved plan as a document tree with ids. */
    public PlanDocument document(UUID id) {
        return document(get(id));
    }

    /** The plan (managed, or just saved) as a document tree with ids. */
    public PlanDocument document(Plan plan) {
        List<PlanPoint> points = points(plan.getId());
        Map<UUID, List<PlanPoint>> childrenOf = new HashMap<>();
        Map<UUID, List<PlanPoint>> topOf = new HashMap<>();
        for (PlanPoint p : points) {
            if (p.getParent() == null)
                topOf.computeIfAbsent(p.getSection().getId(), k -> new ArrayList<>()).add(p);
            else childrenOf.computeIfAbsent(p.getParent().getId(), k -> new ArrayList<>()).add(p);
        }
        List<PlanDocument.Section> sections =
                plan.getSections().stream()
                        .map(
                                s ->
                                        new PlanDocument.Section(
                                                s.getId(),
                                                s.getNumber(),
                                                s.getTitle(),
                                                tree(
                                                        topOf.getOrDefault(s.getId(), List.of()),
                                                        childrenOf)))
                        .toList();
        List<String> unresolved =
                points.stream()
                        .flatMap(p -> p.getUnits().stream())
                        .filter(u -> u.getUnitId() == null && !u.isCollective())
                        .map(PointUnit::getName)
                        .distinct()
                        .toList();
        return new PlanDocument(
                plan.getId(),
                plan.getTitle(),
                plan.getIssuer(),
                plan.getLevel(),
                plan.getYear(),
                plan.getDocNumber(),
                plan.getIssuedOn(),
                plan.getOwnerUnitId(),
                plan.getSourceName(),
                plan.getDerivedFrom(),
                sections,
                unresolved,
                List.of(),
                null,
                plan.getVersion(),
                null,
                null);
    }

    /** All points of a plan in document order, with their units. */
    public List<PlanPoint> points(UUID planId) {
        return em.createQuery(
                        "select distinct p from PlanPoint p left join fetch p.units join fetch p.section "
                                + "where p.plan.id = :plan order by p.position",
                        PlanPoint.class)
                .setParameter("plan", planId)
                .getResultList();
    }

    private List<PlanDocument.Point> shift(List<PlanDocument.Point> points, int year) {
        List<PlanDocument.Point> out = new ArrayList<>();
        for (PlanDocument.Point p : points) {
            Deadline d = DeadlineParser.parse(p.deadline().text(), year);
            out.add(
                    new PlanDocument.Point(
                            null,
                            p.number(),
                            p.title(),
                            p.text(),
                            p.units(),
                            new PlanDocument.Deadline(
                                    d.text(), d.date(), d.kind().name(), d.frequency()),
                            DeadlineParser.milestones(p.text(), year).stream()
                                    .map(m -> new PlanDocument.Milestone(m.text(), m.date()))
                                    .toList(),
                            shift(p.children(), year),
                            p.leaders()));
        }
        return out;
    }

    private List<PlanDocument.Point> tree(
            List<PlanPoint> level, Map<UUID, List<PlanPoint>> childrenOf) {
        return level.stream()
                .map(
                        p ->
                                new PlanDocument.Point(
                                        p.getId(),
                                        p.getNumber(),
                                        p.getTitle(),
                                        p.getText(),
                                        p.getUnits().stream()
                                                .map(
                                                        u ->
                                                                new PlanDocument.UnitRef(
                                                                        u.getName(),
                                                                        u.isCollective(),
                                                                        u.getUnitId(),
                                                                        u.getRole().name()))
                                                .toList(),
                                        new PlanDocument.Deadline(
                                                p.getDeadlineText(),
                                                p.getDeadlineDate(),
                                                p.getDeadlineKind().name(),
                                                p.getDeadlineFrequency()),
                                        List.of(
                                                PlanWriter.JSONB.fromJson(
                                                        p.getMilestonesJson(),
                                                        PlanDocument.Milestone[].class)),
                                        tree(
                                                childrenOf.getOrDefault(p.getId(), List.of()),
                                                childrenOf),
                                        List.of(
                                                PlanWriter.JSONB.fromJson(
                                                        p.getLeadersJson(), String[].class))))
                .toList();
    }
}
