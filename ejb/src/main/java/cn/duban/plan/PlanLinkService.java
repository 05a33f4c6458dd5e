package cn.duban.plan;

import cn.duban.plan.parse.PlanLevel;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Links between levels: a town plan's points respond to the district plan's points, a district's to
 * the city's. Duban suggests links by text similarity; the user confirms. Coverage shows, per
 * district point, which towns respond and which do not (全覆盖、无遗漏).
 */
@Stateless
public class PlanLinkService {

    /** Below this similarity a candidate is not worth showing. */
    static final double MIN_SIMILARITY = 0.12;

    @PersistenceContext EntityManager em;

    @EJB PlanService plans;

    @EJB UnitService units;

    public record Candidate(UUID pointId, String number, String title, double similarity) {}

    public record Suggestion(
            UUID pointId,
            String number,
            String title,
            List<UUID> linked,
            List<Candidate> candidates) {}

    /** For each point of the plan, the best-matching points of the upper-level target plan. */
    public List<Suggestion> suggest(UUID planId, UUID targetPlanId, int limit) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Plan plan = plans.get(planId);
        Plan target = plans.get(targetPlanId);
        checkLevels(plan, target);
        List<PlanPoint> targets = plans.points(target.getId());
        List<Set<String>> targetGrams =
                targets.stream()
                        .map(t -> TextSimilarity.bigrams(t.getTitle() + t.getText()))
                        .toList();
        Map<UUID, List<UUID>> linked = linksFrom(planId);
        List<Suggestion> out = new ArrayList<>();
        for (PlanPoint p : plans.points(planId)) {
            Set<String> grams = TextSimilarity.bigrams(p.getTitle() + p.getText());
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                double sim = TextSimilarity.dice(grams, targetGrams.get(i));
                if (sim >= MIN_SIMILARITY) {
                    PlanPoint t = targets.get(i);
                    candidates.add(
                            new Candidate(
                                    t.getId(),
                                    t.getNumber(),
                                    t.getTitle(),
                                    Math.round(sim * 1000) / 1000.0));
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
            out.add(
                    new Suggestion(
                            p.getId(),
                            p.getNumber(),
                            p.getTitle(),
                            linked.getOrDefault(p.getId(), List.of()),
                            candidates.subList(0, Math.min(limit, candidates.size()))));
        }
        return out;
    }

    /** Confirms that a point responds to a point of the upper level. */
    public void link(UUID pointId, UUID targetPointId) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        PlanPoint point = point(pointId);
        PlanPoint target = point(targetPointId);
        checkLevels(point.getPlan(), target.getPlan());
        double similarity =
                TextSimilarity.similarity(
                        point.getTitle() + point.getText(), target.getTitle() + target.getText());
        if (em.find(PointLink.class, new PointLink.Key(pointId, targetPointId)) == null) {
            em.persist(new PointLink(point, target, similarity, caller.username()));
        }
    }

    public void unlink(UUID pointId, UUID targetPointId) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        em.createQuery("delete from PointLink l where l.point.id = :p and l.targetPoint.id = :t")
                .setParameter("p", pointId)
                .setParameter("t", targetPointId)
                .executeUpdate();
    }

    public record Responder(UUID unitId, String unitName, UUID planId, List<String> pointNumbers) {}

    /**
     * One point's coverage: the lower plans linked to it ({@code respondedBy}) and the expected
     * respondents without one ({@code missing}); for a district plan also each town addressed or
     * answering ({@code towns}: adopted or draft, and the 下级单位 carrying it) and whether it is fully
     * covered ({@code full}, see {@link TownAdoption#fullyCovered}); {@code addressed}: the point
     * is addressed to at least one town.
     */
    public record PointCoverage(
            UUID pointId,
            String number,
            String title,
            List<Responder> respondedBy,
            List<String> missing,
            boolean addressed,
            boolean full,
            List<TownAdoption.Answer> towns) {}

    /**
     * @param addressed points addressed to towns (district plans)
     * @param fullyCovered points fully covered: for a district plan by {@link
     *     TownAdoption#fullyCovered}, for a city plan every district plan responds
     */
    public record Coverage(
            UUID planId,
            String title,
            int year,
            List<String> respondents,
            List<String> plansMissing,
            int points,
            int addressed,
            int fullyCovered,
            List<PointCoverage> rows) {}

    /**
     * For each point of an upper plan, which lower units' plans of the same year respond to it. The
     * expected respondents are the tenant's towns/streets for a district plan, and the district's
     * own plans for a city plan.
     */
    public Coverage coverage(UUID upperPlanId) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        Plan upper = plans.get(upperPlanId);
        if (upper.getLevel() == PlanLevel.TOWN) {
            throw DubanException.badRequest("plan.coverage-level", "街镇计划没有下级计划，无法查看覆盖情况。");
        }
        Map<UUID, String> unitNames = new HashMap<>();
        for (Unit u : units.list()) unitNames.put(u.getId(), u.getName());
        List<String> expected =
                upper.getLevel() == PlanLevel.DISTRICT
                        ? units.list().stream()
                                .filter(u -> u.getKind() == UnitKind.TOWN)
                                .map(Unit::getName)
                                .toList()
                        : List.of("区级计划");

        List<Object[]> rows =
                em.createQuery(
                                "select l.targetPoint, p.plan.id, p.plan.ownerUnitId, p.plan.level, p.number "
                                        + "from PointLink l join l.point p where l.targetPoint.plan.id = :plan",
                                Object[].class)
                        .setParameter("plan", upperPlanId)
                        .getResultList();
        Map<UUID, Map<String, Responder>> byPoint = new HashMap<>();
        for (Object[] r : rows) {
            PlanPoint target = (PlanPoint) r[0];
            UUID ownerUnit = (UUID) r[2];
            String respondent =
                    r[3] == PlanLevel.DISTRICT
                            ? "区级计划"
                            : unitNames.getOrDefault(ownerUnit, "未指定发文单位");
            byPoint.computeIfAbsent(target.getId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(
                            respondent,
                            k ->
                                    new Responder(
                                            ownerUnit, respondent, (UUID) r[1], new ArrayList<>()))
                    .pointNumbers()
                    .add((String) r[4]);
        }
        List<String> withPlans =
                em
                        .createQuery(
                                "select p.ownerUnitId, p.level from Plan p where p.year = :y and p.level <> :l",
                                Object[].class)
                        .setParameter("y", upper.getYear())
                        .setParameter("l", upper.getLevel())
                        .getResultList()
                        .stream()
                        .map(r -> r[1] == PlanLevel.DISTRICT ? "区级计划" : unitNames.get((UUID) r[0]))
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
        List<PointCoverage> out = new ArrayList<>();
        int full = 0, addressed = 0;
        List<PlanPoint> points = plans.points(upperPlanId);
        boolean district = upper.getLevel() == PlanLevel.DISTRICT;
        Map<UUID, List<TownAdoption.Answer>> towns =
                district
                        ? TownAdoption.of(
                                em,
                                upperPlanId,
                                points,
                                units.list().stream()
                                        .filter(u -> u.getKind() == UnitKind.TOWN)
                                        .map(
                                                u ->
                                                        new TownAddressees.Town(
                                                                u.getId(),
                                                                u.getName(),
                                                                u.getAliases()))
                                        .toList())
                        : Map.of();
        for (PlanPoint p : points) {
            Map<String, Responder> responders = byPoint.getOrDefault(p.getId(), Map.of());
            List<String> missing =
                    expected.stream().filter(n -> !responders.containsKey(n)).toList();
            List<TownAdoption.Answer> answers = towns.getOrDefault(p.getId(), List.of());
            boolean isAddressed = answers.stream().anyMatch(TownAdoption.Answer::expected);
            boolean isFull = district ? TownAdoption.fullyCovered(answers) : missing.isEmpty();
            if (isAddressed) addressed++;
            if (isFull) full++;
            out.add(
                    new PointCoverage(
                            p.getId(),
                            p.getNumber(),
                            p.getTitle(),
                            List.copyOf(responders.values()),
                            missing,
                            isAddressed,
                            isFull,
                            answers));
        }
        List<String> plansMissing = expected.stream().filter(n -> !withPlans.contains(n)).toList();
        return new Coverage(
                upper.getId(),
                upper.getTitle(),
                upper.getYear(),
                expected,
                plansMissing,
                out.size(),
                addressed,
                full,
                out);
    }

    private Map<UUID, List<UUID>> linksFrom(UUID planId) {
        Map<UUID, List<UUID>> out = new HashMap<>();
        for (Object[] r :
                em.createQuery(
                                "select l.point.id, l.targetPoint.id from PointLink l where l.point.plan.id = :plan",
                                Object[].class)
                        .setParameter("plan", planId)
                        .getResultList()) {
            out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]);
        }
        return out;
    }

    private PlanPoint point(UUID id) {
        PlanPoint p = em.find(PlanPoint.class, id);
        if (p == null) throw DubanException.notFound("plan.point-not-found", "工作要点不存在。");
        return p;
    }

    /** Links always point one level up: town → district, district → city. */
    private static void checkLevels(Plan lower, Plan upper) {
        boolean ok =
                (lower.getLevel() == PlanLevel.TOWN && upper.getLevel() == PlanLevel.DISTRICT)
                        || (lower.getLevel() == PlanLevel.DISTRICT
                                && upper.getLevel() == PlanLevel.CITY);
        if (!ok) {
            throw DubanException.badRequest("plan.link-level", "只能将下级计划的要点关联到上一级计划（街镇→区，区→市）。");
        }
    }
}
