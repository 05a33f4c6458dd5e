package cn.duban.evaluation;

import cn.duban.ledger.Rating;
import cn.duban.ledger.TaskStatus;
import cn.duban.plan.TaskSource;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import cn.duban.tenant.UnitService;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What scoring reads, shared by the evaluation services within their transaction: what an indicator
 * covers, a scheme's inputs from the ledger in one query, the computed standings, and a closed
 * period's published snapshot. Not a bean: it runs in the caller's transaction, after the caller
 * checked the roles.
 */
final class ScoringInputs {

    static final Jsonb JSON = JsonbBuilder.create();

    private final EntityManager em;

    private final UnitService units;

    ScoringInputs(EntityManager em, UnitService units) {
        this.em = em;
        this.units = units;
    }

    /** The work points an indicator covers, and the plans they are in. */
    record Coverage(Set<UUID> points, Set<UUID> plans) {
        static final Coverage NONE = new Coverage(Set.of(), Set.of());
    }

    /**
     * The plans a supervisor's indicators may cover (JPQL on a plan {@code p}, parameter {@code
     * sup}): the district office's plans for the district ({@link SchemeService#NIL}); for a town
     * also its own, never another town's.
     */
    static final String PLAN_OF_SUPERVISOR =
            "(p.supervisorUnitId is null or p.supervisorUnitId = :sup)";

    /**
     * What an indicator of a supervisor's scheme covers (null: the district office): a plan's
     * points, a section's, or a point with all its sub-points, in a plan the supervisor may cover.
     */
    Coverage coverage(SchemeIndicator.Target target, UUID id, UUID supervisor) {
        if (target == null || id == null) return Coverage.NONE;
        String where =
                switch (target) {
                    case PLAN -> "p.plan.id = :id";
                    case SECTION -> "p.section.id = :id";
                    case POINT ->
                            "p.plan.id = (select q.plan.id from PlanPoint q where q.id = :id)";
                };
        List<Object[]> rows =
                em.createQuery(
                                "select p.id, p.plan.id, pa.id from PlanPoint p left join p.parent pa where "
                                        + where
                                        + " and "
                                        + PLAN_OF_SUPERVISOR.replace("p.", "p.plan."),
                                Object[].class)
                        .setParameter("id", id)
                        .setParameter("sup", supervisor == null ? SchemeService.NIL : supervisor)
                        .getResultList();
        Set<UUID> plans = new HashSet<>();
        rows.forEach(r -> plans.add((UUID) r[1]));
        if (target != SchemeIndicator.Target.POINT) {
            Set<UUID> points = new HashSet<>();
            rows.forEach(r -> points.add((UUID) r[0]));
            return new Coverage(points, plans);
        }
        // The point's plan was read whole: keep the point and its descendants.
        Map<UUID, List<UUID>> children = new HashMap<>();
        boolean found = false;
        for (Object[] row : rows) {
            if (id.equals(row[0])) found = true;
            if (row[2] != null)
                children.computeIfAbsent((UUID) row[2], k -> new ArrayList<>()).add((UUID) row[0]);
        }
        if (!found) return Coverage.NONE;
        Set<UUID> points = new HashSet<>();
        Deque<UUID> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            UUID p = todo.pop();
            if (points.add(p)) todo.addAll(children.getOrDefault(p, List.of()));
        }
        return new Coverage(points, plans);
    }

    /**
     * The closed period's latest published standings (the district office's), or null while open.
     */
    Standings published(Period period) {
        ScoreSnapshot snapshot = latestSnapshot(period);
        return snapshot == null
                ? null
                : JSON.fromJson(snapshot.getContent(), Standings.class)
                        .published(Standings.SnapshotRef.of(snapshot));
    }

    static Standings compute(Period period, Scheme scheme, Inputs in, LocalDate today) {
        Scoreboard board = score(scheme, in, period, today);
        return new Standings(
                period.key(),
                period.label(),
                board.asOf(),
                Standings.SchemeRef.of(scheme),
                null,
                board.units());
    }

    /** The scheme's scores for a period from these inputs, as of a day. */
    static Scoreboard score(Scheme scheme, Inputs in, Period period, LocalDate asOf) {
        return Scoring.score(
                in.grouped(),
                scheme.getPlanWeight(),
                in.adjustments(),
                period,
                asOf,
                in.detailed());
    }

    /**
     * What a scheme scores; detailed inputs carry the tasks' titles and give each unit its lines,
     * others only the figures.
     */
    record Inputs(Scoring.Grouped grouped, List<Adjustment> adjustments, boolean detailed) {}

    Inputs inputs(Scheme scheme, boolean detailed) {
        List<Indicator> indicators = new ArrayList<>();
        Set<UUID> points = new HashSet<>(), plans = new HashSet<>();
        for (SchemeIndicator i : scheme.getIndicators()) {
            Coverage c = coverage(i.getTargetKind(), i.getTargetId(), scheme.getSupervisorUnitId());
            indicators.add(new Indicator(i.getName(), i.getPoints(), c.points()));
            points.addAll(c.points());
            plans.addAll(c.plans());
        }
        List<Scoring.UnitRef> refs =
                scored(units.list(), scheme.getSupervisorUnitId()).stream()
                        .map(u -> new Scoring.UnitRef(u.getId(), u.getName(), group(u)))
                        .toList();
        List<Adjustment> adjustments =
                em
                        .createQuery(
                                "select a from ScoreAdjustment a where a.year = :y",
                                ScoreAdjustment.class)
                        .setParameter("y", scheme.getYear())
                        .getResultList()
                        .stream()
                        .map(ScoreAdjustment::fact)
                        .toList();
        // Grouped once: the dashboard scores the same inputs for every month of the trend.
        return new Inputs(
                Scoring.group(
                        scheme.rules(),
                        indicators,
                        refs,
                        facts(
                                scheme.getSupervisorUnitId(),
                                points,
                                plans,
                                detailed,
                                detailed || scheme.getType() == SchemeType.DEDUCTION)),
                adjustments,
                detailed);
    }

    /**
     * The units a supervisor's scheme ranks, in the tenant's order: the district office's ranks
     * district-level units (by kind: a town's 下级单位 never), a town's its 下级单位 at every level below
     * it (not the town itself).
     */
    static List<Unit> scored(List<Unit> all, UUID supervisor) {
        if (supervisor == null)
            return all.stream()
                    .filter(u -> u.getKind().districtLevel())
                    .filter(u -> u.getKind() != UnitKind.DISTRICT_OFFICE)
                    .toList();
        Set<UUID> below = cn.duban.tenant.UnitTree.of(all).descendants(supervisor);
        return all.stream().filter(u -> below.contains(u.getId())).toList();
    }

    static String group(Unit u) {
        if (u.getRankingGroup() != null && !u.getRankingGroup().isBlank())
            return u.getRankingGroup();
        return switch (u.getKind()) {
            case TOWN -> "街镇组";
            // A town ranks its offices and its 居村 apart (issue 21).
            case OFFICE -> "科室组";
            case COMMUNITY, VILLAGE -> "居村组";
            default -> "部门组";
        };
    }

    /**
     * The facts of every task under the given points, in one query; with events, each task's
     * returned reports' review dates and unreported checkpoints' due dates come aggregated.
     */
    @SuppressWarnings("unchecked")
    private List<TaskFacts> facts(
            UUID supervisor, Set<UUID> points, Set<UUID> plans, boolean titles, boolean events) {
        if (points.isEmpty() || plans.isEmpty()) return List.of();
        String tenant = Caller.currentTenant().orElseThrow(DubanException::unauthorized);
        // Plan, contribution and appeal are joined, not read by a subquery per task: with 20,000
        // tasks those were 60,000 index probes. Dates come as epoch days: no date parsing.
        String sql =
                "select t.id, t.unit_id, t.point_id, "
                        + (titles ? "t.title" : "null")
                        + ", t.deadline_date - date '1970-01-01', t.status, t.progress, "
                        + "t.completed_on - date '1970-01-01', t.rating, "
                        + (events ? "r.days, c.days, " : "null, null, ")
                        + "pl.source, "
                        // A co-unit's role and the day it first sent its contribution (V24).
                        + "t.role, (cn.first_sent_at at time zone 'Asia/Shanghai')::date - date '1970-01-01', "
                        // An accepted appeal against the overdue mark (V31): not counted late.
                        + "ap.task_id is not null "
                        + "from task t join plan pl on pl.tenant_id = t.tenant_id and pl.id = t.plan_id "
                        + "left join contribution cn on cn.tenant_id = t.tenant_id and cn.task_id = t.id "
                        + "left join (select distinct a.task_id from appeal a where a.tenant_id = :tenant "
                        + "and a.target_kind = 'OVERDUE' and a.status = 'ACCEPTED') ap on ap.task_id = t.id "
                        + (events
                                ? """
                left join (select r.task_id,
                        string_agg(((r.reviewed_at at time zone 'Asia/Shanghai')::date - date '1970-01-01')::text, ',') days
                    from progress_report r join task x on x.tenant_id = r.tenant_id and x.id = r.task_id
                    where r.tenant_id = :tenant and r.state = 'RETURNED' and x.plan_id in (:plans) group by r.task_id) r on r.task_id = t.id
                left join (select c.task_id, string_agg((c.due_date - date '1970-01-01')::text, ',') days
                    from task_checkpoint c join task x on x.tenant_id = c.tenant_id and x.id = c.task_id
                    where c.tenant_id = :tenant and (c.done_on is null or c.done_on > c.due_date) and x.plan_id in (:plans)
                    group by c.task_id) c on c.task_id = t.id
                """
                                : "")
                        + "where t.tenant_id = :tenant and t.plan_id in (:plans) and t.status <> 'CANCELLED' "
                        // The supervisor's own tasks only: a town's parts of a district point are
                        // the town's to score, and would otherwise count for the district (a
                        // part with an earlier deadline became a co-unit's lead, SAME_AS_LEAD).
                        + (supervisor == null
                                ? "and t.supervisor_unit_id is null "
                                : "and t.supervisor_unit_id = :supervisor ")
                        // Lines come out in deadline order, the same on every call.
                        + "order by t.deadline_date, t.id";
        jakarta.persistence.Query query =
                em.createNativeQuery(sql)
                        .setParameter("tenant", tenant)
                        .setParameter("plans", plans);
        if (supervisor != null) query.setParameter("supervisor", supervisor);
        List<Object[]> rows = query.getResultList();
        List<TaskFacts> facts = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID point = (UUID) r[2];
            if (!points.contains(point)) continue;
            facts.add(
                    new TaskFacts(
                            (UUID) r[0],
                            (UUID) r[1],
                            point,
                            (String) r[3],
                            date(r[4]),
                            TaskStatus.valueOf((String) r[5]),
                            ((Number) r[6]).intValue(),
                            date(r[7]),
                            r[8] == null ? null : Rating.valueOf((String) r[8]),
                            dates(r[9]),
                            dates(r[10]),
                            TaskSource.valueOf((String) r[11]),
                            "COOPERATING".equals(r[12]),
                            date(r[13]),
                            Boolean.TRUE.equals(r[14])));
        }
        return facts;
    }

    /** A day since 1970-01-01 as a date. */
    private static LocalDate date(Object epochDay) {
        return epochDay == null ? null : LocalDate.ofEpochDay(((Number) epochDay).longValue());
    }

    /** Days since 1970-01-01, comma-separated, as dates. */
    static List<LocalDate> dates(Object csv) {
        if (csv == null) return List.of();
        String s = (String) csv;
        List<LocalDate> out = new ArrayList<>(2);
        int from = 0;
        while (from <= s.length()) {
            int comma = s.indexOf(',', from);
            int to = comma < 0 ? s.length() : comma;
            out.add(LocalDate.ofEpochDay(Long.parseLong(s, from, to, 10)));
            from = to + 1;
        }
        return out;
    }

    /** A unit with open appeals (申诉) against a period, and how many. */
    record OpenAppeals(String unit, long count) {}

    /**
     * The period's open appeals per unit, by unit name: closing waits for them (read here by the
     * table, so that closing needs nothing of the appeals' package).
     */
    @SuppressWarnings("unchecked")
    List<OpenAppeals> openAppeals(Period period) {
        String tenant = Caller.currentTenant().orElseThrow(DubanException::unauthorized);
        List<Object[]> rows =
                em.createNativeQuery(
                                "select u.name, count(*) from appeal a join unit u on u.tenant_id = a.tenant_id "
                                        + "and u.id = a.unit_id where a.tenant_id = :tenant and a.period_key = :k "
                                        + "and a.status = 'OPEN' group by u.name order by u.name")
                        .setParameter("tenant", tenant)
                        .setParameter("k", period.key())
                        .getResultList();
        return rows.stream()
                .map(r -> new OpenAppeals((String) r[0], ((Number) r[1]).longValue()))
                .toList();
    }

    ScoreSnapshot latestSnapshot(Period period) {
        return em.createQuery(
                        "select s from ScoreSnapshot s where s.periodKey = :k order by s.version desc",
                        ScoreSnapshot.class)
                .setParameter("k", period.key())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
