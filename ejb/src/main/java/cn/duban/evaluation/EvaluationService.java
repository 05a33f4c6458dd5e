package cn.duban.evaluation;

import cn.duban.audit.AuditService;
import cn.duban.ledger.EvidenceFile;
import cn.duban.ledger.InboxMessage;
import cn.duban.ledger.InboxService;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.Rating;
import cn.duban.ledger.TaskStatus;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Sha256;
import cn.duban.printing.ScoreBreakdown;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluation (考核): schemes per year, scores computed from the ledger with their breakdown,
 * bonus/deduction items, and closing a period into a published, versioned snapshot.
 */
@Stateless
public class EvaluationService {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB cn.duban.platform.Printing reports;

    // ---- schemes

    /** The scheme in force for a year: its latest version. */
    public Scheme current(int year) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        return em.createQuery(
                        "select s from Scheme s left join fetch s.indicators where s.year = :y "
                                + "and s.version = (select max(v.version) from Scheme v where v.year = :y)",
                        Scheme.class)
                .setParameter("y", year)
                .getResultStream()
                .findFirst()
                .orElseThrow(
                        () -> DubanException.notFound("scheme.not-found", year + "年尚未制定考核方案。"));
    }

    /** Whether the year has a scheme at all (without reading it). */
    public boolean hasScheme(int year) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        return em.createQuery("select count(s) from Scheme s where s.year = :y", Long.class)
                        .setParameter("y", year)
                        .getSingleResult()
                > 0;
    }

    public List<Scheme> versions(int year) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        return em.createQuery(
                        "select distinct s from Scheme s left join fetch s.indicators where s.year = :y order by s.version desc",
                        Scheme.class)
                .setParameter("y", year)
                .getResultList();
    }

    public Scheme scheme(UUID id) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        if (id == null) throw DubanException.notFound("scheme.not-found", "考核方案不存在。");
        return em.createQuery(
                        "select s from Scheme s left join fetch s.indicators where s.id = :id",
                        Scheme.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DubanException.notFound("scheme.not-found", "考核方案不存在。"));
    }

    /** Saves a scheme as the year's next version, after checking every rule and indicator. */
    public Scheme save(SchemeInput in) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        if (in == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        List<ScoringRules.Problem> problems = new ArrayList<>();
        int year = in.year() == null ? 0 : in.year();
        if (year < 2000 || year > 2100) problems.add(new ScoringRules.Problem("year", "请填写考核年度。"));
        if (in.type() == null)
            problems.add(new ScoringRules.Problem("type", "请选择计分方式（完成度计分或扣分制）。"));
        if (in.planWeight() == null
                || in.planWeight().signum() <= 0
                || in.planWeight().compareTo(new BigDecimal(100)) > 0) {
            problems.add(new ScoringRules.Problem("planWeight", "本计划在年度考核中的权重应在0到100%之间（如5%）。"));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < in.indicators().size(); i++) {
            SchemeInput.IndicatorInput ii = in.indicators().get(i);
            // An unknown target covers nothing, which the rules report for that indicator.
            indicators.add(
                    new Indicator(
                            ii.name(), ii.points(), coverage(ii.target(), ii.targetId()).points()));
        }
        ScoringRules rules;
        try {
            rules = in.scoringRules();
        } catch (IllegalArgumentException e) {
            throw DubanException.badRequest(
                    "request.malformed", "考核规则 " + e.getMessage() + " 的取值格式不正确。");
        }
        if (in.type() != null) problems.addAll(rules.problems(indicators));
        if (!problems.isEmpty())
            throw new DubanException(400, "scheme.invalid", problems.get(0).message(), problems);
        int version =
                em.createQuery(
                                        "select coalesce(max(s.version), 0) from Scheme s where s.year = :y",
                                        Integer.class)
                                .setParameter("y", year)
                                .getSingleResult()
                        + 1;
        String name = in.name() == null || in.name().isEmpty() ? year + "年度考核方案" : in.name();
        Scheme scheme =
                new Scheme(
                        year, version, name, in.planWeight(), rules, in.note(), caller.username());
        for (int i = 0; i < in.indicators().size(); i++) {
            SchemeInput.IndicatorInput ii = in.indicators().get(i);
            scheme.add(
                    new SchemeIndicator(
                            scheme, i, ii.name().strip(), ii.points(), ii.target(), ii.targetId()));
        }
        em.persist(scheme);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw DubanException.conflict("scheme.concurrent", "他人刚保存了该年度的考核方案，请刷新后重试。");
        }
        audit.record(
                "scheme.saved",
                "evaluation_scheme",
                scheme.getId(),
                "year",
                year,
                "version",
                version,
                "type",
                rules.type().name(),
                "planWeight",
                in.planWeight(),
                "indicators",
                in.indicators().size());
        return scheme;
    }

    /** What indicators can cover: each plan with its sections, newest year first. */
    public List<PlanOutline> targets() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Map<UUID, PlanOutline> plans = new java.util.LinkedHashMap<>();
        for (cn.duban.plan.PlanSection s :
                em.createQuery(
                                "select s from PlanSection s join fetch s.plan p "
                                        + "order by p.year desc, p.createdAt desc, s.position",
                                cn.duban.plan.PlanSection.class)
                        .getResultList()) {
            cn.duban.plan.Plan p = s.getPlan();
            plans.computeIfAbsent(
                            p.getId(),
                            k ->
                                    new PlanOutline(
                                            p.getId(),
                                            p.getYear(),
                                            p.getTitle(),
                                            new ArrayList<>()))
                    .sections()
                    .add(new PlanOutline.Section(s.getId(), s.getNumber(), s.getTitle()));
        }
        return List.copyOf(plans.values());
    }

    /** A plan and its sections, as the scheme form offers them. */
    public record PlanOutline(UUID id, int year, String title, List<Section> sections) {
        public record Section(UUID id, String number, String title) {}
    }

    /** The work points an indicator covers, and the plans they are in. */
    private record Coverage(Set<UUID> points, Set<UUID> plans) {
        static final Coverage NONE = new Coverage(Set.of(), Set.of());
    }

    /**
     * What an indicator covers: a plan's points, a section's, or a point with all its sub-points.
     */
    private Coverage coverage(SchemeIndicator.Target target, UUID id) {
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
                                        + where,
                                Object[].class)
                        .setParameter("id", id)
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

    // ---- scores

    /**
     * A period's standings: the published snapshot once the period is closed (unless live is asked
     * for), else computed now. Without detail, live lines carry no task titles and completion
     * schemes skip reading returned reports and checkpoints, which only deductions use.
     */
    public Standings standings(Period period, boolean live, boolean detailed) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        Standings published = live ? null : published(period);
        if (published != null) return published;
        Scheme scheme = current(period.year());
        return compute(period, scheme, inputs(scheme, detailed), LedgerClock.today());
    }

    /** The closed period's latest published standings, or null while it is open. */
    private Standings published(Period period) {
        ScoreSnapshot snapshot = latestSnapshot(period);
        return snapshot == null
                ? null
                : JSON.fromJson(snapshot.getContent(), Standings.class)
                        .published(Standings.SnapshotRef.of(snapshot));
    }

    /** One unit's score with every line; a reporter may only ask for its own unit. */
    public UnitScore breakdown(Period period, UUID unitId, boolean live) {
        mayRead(unitId);
        return unitOf(standings(period, live, true), unitId);
    }

    /** The same breakdown as a PDF, with the scheme and the unit's place in its group. */
    public byte[] breakdownPdf(Period period, UUID unitId) {
        mayRead(unitId);
        Standings standings = standings(period, false, true);
        UnitScore u = unitOf(standings, unitId);
        if (u.score() == null)
            throw DubanException.conflict(
                    "evaluation.not-scored", u.unitName() + "在" + period.label() + "没有计分任务。");
        List<ScoreBreakdown.Line> lines = new ArrayList<>();
        List<ScoreBreakdown.Adjustment> items = new ArrayList<>();
        for (UnitScore.ScoreLine l : u.lines()) {
            boolean item =
                    l.taskId() == null
                            && (Adjustment.Kind.BONUS.label().equals(l.indicator())
                                    || Adjustment.Kind.DEDUCTION.label().equals(l.indicator()));
            if (item) items.add(new ScoreBreakdown.Adjustment(l.rule(), l.points()));
            else lines.add(new ScoreBreakdown.Line(l.indicator(), l.task(), l.rule(), l.points()));
        }
        return reports.renderer()
                .scoreBreakdown(
                        new ScoreBreakdown(
                                u.unitName(),
                                standings.scheme().name()
                                        + "（第"
                                        + standings.scheme().version()
                                        + "版）",
                                standings.label(),
                                u.score(),
                                u.rank(),
                                u.group(),
                                lines,
                                items));
    }

    /** Checked before any scoring: a reporter may only read its own unit's score. */
    private void mayRead(UUID unitId) {
        Caller caller =
                Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        if (!caller.hasRole(Caller.DISTRICT_ADMIN)
                && !caller.hasRole(Caller.LEADER)
                && (unitId == null || !unitId.equals(units.myUnit().getId()))) {
            throw DubanException.notFound("unit.not-found", "单位不存在。");
        }
    }

    private static UnitScore unitOf(Standings standings, UUID unitId) {
        return standings.units().stream()
                .filter(u -> u.unitId().equals(unitId))
                .findFirst()
                .orElseThrow(() -> DubanException.notFound("unit.not-found", "单位不存在。"));
    }

    /**
     * Year-to-date scores at the end of each month so far: the trend the leadership dashboard
     * draws.
     */
    public Trend trend(int year) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        Scheme scheme = current(year);
        return trend(scheme, inputs(scheme, false));
    }

    /** The leadership dashboard's standings and trend, from one read of the ledger. */
    public Dashboard dashboard(Period period) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        Scheme scheme = current(period.year());
        Inputs in = inputs(scheme, false);
        Standings published = published(period);
        return new Dashboard(
                published != null ? published : compute(period, scheme, in, LedgerClock.today()),
                trend(scheme, in));
    }

    public record Dashboard(Standings standings, Trend trend) {}

    private Trend trend(Scheme scheme, Inputs in) {
        int year = scheme.getYear();
        LocalDate today = LedgerClock.today();
        List<String> months = new ArrayList<>();
        Map<UUID, Trend.Series> series = new java.util.LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate monthEnd = Period.month(year, m).end();
            if (monthEnd.minusMonths(1).isAfter(today)) break;
            LocalDate asOf = monthEnd.isBefore(today) ? monthEnd.plusDays(1) : today;
            Scoreboard board =
                    Scoring.score(
                            scheme.rules(),
                            scheme.getPlanWeight(),
                            in.indicators(),
                            in.units(),
                            in.tasks(),
                            in.adjustments(),
                            Period.yearToDate(year),
                            asOf);
            months.add(m + "月");
            for (UnitScore u : board.units()) {
                series.computeIfAbsent(
                                u.unitId(),
                                k ->
                                        new Trend.Series(
                                                u.unitId(),
                                                u.unitName(),
                                                u.group(),
                                                new ArrayList<>()))
                        .scores()
                        .add(u.score());
            }
        }
        return new Trend(year, months, List.copyOf(series.values()));
    }

    /**
     * Scores per month for each unit: labels are months, each series a unit's year-to-date score
     * (null where not scored).
     */
    public record Trend(int year, List<String> months, List<Series> series) {
        public record Series(UUID unitId, String unitName, String group, List<BigDecimal> scores) {}
    }

    private static Standings compute(Period period, Scheme scheme, Inputs in, LocalDate today) {
        Scoreboard board =
                Scoring.score(
                        scheme.rules(),
                        scheme.getPlanWeight(),
                        in.indicators(),
                        in.units(),
                        in.tasks(),
                        in.adjustments(),
                        period,
                        today);
        return new Standings(
                period.key(),
                period.label(),
                board.asOf(),
                Standings.SchemeRef.of(scheme),
                null,
                board.units());
    }

    private record Inputs(
            List<Indicator> indicators,
            List<Scoring.UnitRef> units,
            List<TaskFacts> tasks,
            List<Adjustment> adjustments) {}

    private Inputs inputs(Scheme scheme, boolean detailed) {
        List<Indicator> indicators = new ArrayList<>();
        Set<UUID> points = new HashSet<>(), plans = new HashSet<>();
        for (SchemeIndicator i : scheme.getIndicators()) {
            Coverage c = coverage(i.getTargetKind(), i.getTargetId());
            indicators.add(new Indicator(i.getName(), i.getPoints(), c.points()));
            points.addAll(c.points());
            plans.addAll(c.plans());
        }
        List<Scoring.UnitRef> refs =
                units.list().stream()
                        .filter(u -> u.getKind() != UnitKind.DISTRICT_OFFICE)
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
        return new Inputs(
                indicators,
                refs,
                facts(
                        points,
                        plans,
                        detailed,
                        detailed || scheme.getType() == SchemeType.DEDUCTION),
                adjustments);
    }

    static String group(Unit u) {
        if (u.getRankingGroup() != null && !u.getRankingGroup().isBlank())
            return u.getRankingGroup();
        return u.getKind() == UnitKind.TOWN ? "街镇组" : "部门组";
    }

    /**
     * The facts of every task under the given points, in one query; with events, each task's
     * returned reports' review dates and unreported checkpoints' due dates come aggregated.
     */
    @SuppressWarnings("unchecked")
    private List<TaskFacts> facts(
            Set<UUID> points, Set<UUID> plans, boolean titles, boolean events) {
        if (points.isEmpty() || plans.isEmpty()) return List.of();
        String tenant = Caller.currentTenant().orElseThrow(DubanException::unauthorized);
        String sql =
                "select t.id, t.unit_id, t.point_id, "
                        + (titles ? "t.title" : "null")
                        + ", t.deadline_date, t.status, t.progress, "
                        + "t.completed_on, t.rating, "
                        + (events ? "r.dates, c.dates " : "null, null ")
                        + "from task t "
                        + (events
                                ? """
                left join (select r.task_id, string_agg(((r.reviewed_at at time zone 'Asia/Shanghai')::date)::text, ',') dates
                    from progress_report r join task x on x.tenant_id = r.tenant_id and x.id = r.task_id
                    where r.tenant_id = :tenant and r.state = 'RETURNED' and x.plan_id in (:plans) group by r.task_id) r on r.task_id = t.id
                left join (select c.task_id, string_agg(c.due_date::text, ',') dates
                    from task_checkpoint c join task x on x.tenant_id = c.tenant_id and x.id = c.task_id
                    where c.tenant_id = :tenant and (c.done_on is null or c.done_on > c.due_date) and x.plan_id in (:plans)
                    group by c.task_id) c on c.task_id = t.id
                """
                                : "")
                        + "where t.tenant_id = :tenant and t.plan_id in (:plans) and t.status <> 'CANCELLED' "
                        // Lines come out in deadline order, the same on every call.
                        + "order by t.deadline_date, t.id";
        List<Object[]> rows =
                em.createNativeQuery(sql)
                        .setParameter("tenant", tenant)
                        .setParameter("plans", plans)
                        .getResultList();
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
                            dates(r[10])));
        }
        return facts;
    }

    private static LocalDate date(Object o) {
        if (o == null) return null;
        if (o instanceof LocalDate d) return d;
        return ((java.sql.Date) o).toLocalDate();
    }

    private static List<LocalDate> dates(Object csv) {
        return csv == null
                ? List.of()
                : Arrays.stream(((String) csv).split(",")).map(LocalDate::parse).toList();
    }

    // ---- closing periods

    /**
     * Closes an ended period: its scores are computed once more and frozen as the published
     * version. Closing it again (after late edits) needs a reason and adds the next version.
     */
    public ScoreSnapshot close(Period period, String reason) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        LocalDate today = LedgerClock.today();
        if (!period.endedBy(today)) {
            throw DubanException.conflict("period.running", period.label() + "尚未结束，结束后才能关账发布。");
        }
        ScoreSnapshot previous = latestSnapshot(period);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (previous != null && why == null) {
            throw DubanException.conflict(
                    "period.closed",
                    period.label()
                            + "已于"
                            + LedgerClock.dateOf(previous.getClosedAt())
                            + "发布第"
                            + previous.getVersion()
                            + "版；如需更正，请填写更正原因后重新发布。");
        }
        if (why != null && why.length() > 500)
            throw DubanException.badRequest("request.text-too-long", "更正原因过长（最多500字）。");
        Scheme scheme = current(period.year());
        Standings standings = compute(period, scheme, inputs(scheme, true), today);
        String content = JSON.toJson(standings);
        ScoreSnapshot snapshot =
                new ScoreSnapshot(
                        period,
                        previous == null ? 1 : previous.getVersion() + 1,
                        scheme.getId(),
                        standings.asOf(),
                        content,
                        Sha256.hex(content),
                        why,
                        caller.username());
        em.persist(snapshot);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw DubanException.conflict("period.concurrent", "他人刚刚发布了该期考核结果，请刷新后查看。");
        }
        audit.record(
                "evaluation.closed",
                "evaluation_snapshot",
                snapshot.getId(),
                "period",
                period.key(),
                "version",
                snapshot.getVersion(),
                "scheme",
                scheme.getId(),
                "schemeVersion",
                scheme.getVersion(),
                "sha256",
                snapshot.getSha256(),
                "reason",
                why);
        String subject =
                period.label()
                        + "考核结果已发布"
                        + (snapshot.getVersion() > 1 ? "（第" + snapshot.getVersion() + "版）" : "");
        inbox.toRole(
                Caller.LEADER,
                InboxMessage.Kind.NOTICE,
                null,
                subject,
                why == null ? "请在考核看板查看排名。" : "更正原因：" + why);
        return snapshot;
    }

    public List<ScoreSnapshot> snapshots(int year) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER, Caller.UNIT_REPORTER);
        return em.createQuery(
                        "select s from ScoreSnapshot s where s.year = :y order by s.periodKey, s.version desc",
                        ScoreSnapshot.class)
                .setParameter("y", year)
                .getResultList();
    }

    private ScoreSnapshot latestSnapshot(Period period) {
        return em.createQuery(
                        "select s from ScoreSnapshot s where s.periodKey = :k order by s.version desc",
                        ScoreSnapshot.class)
                .setParameter("k", period.key())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    // ---- bonus and deduction items

    public record AdjustmentInput(
            UUID unitId,
            Adjustment.Kind kind,
            BigDecimal points,
            String reason,
            LocalDate occurredOn) {}

    public ScoreAdjustment addAdjustment(AdjustmentInput in, String fileName, byte[] evidence) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        if (in == null || in.unitId() == null || in.kind() == null) {
            throw DubanException.badRequest("adjustment.invalid", "请选择单位和类型（加分或扣分）。");
        }
        Unit unit = units.get(in.unitId());
        if (in.points() == null
                || in.points().signum() <= 0
                || in.points().compareTo(new BigDecimal(100)) > 0
                || in.points().scale() > 2) {
            throw DubanException.badRequest("adjustment.points", "分值应大于0、不超过100，最多两位小数。");
        }
        if (in.reason() == null || in.reason().isBlank())
            throw DubanException.badRequest("adjustment.reason", "请填写加分或扣分的理由。");
        if (in.reason().length() > 500)
            throw DubanException.badRequest("request.text-too-long", "理由过长（最多500字）。");
        if (in.occurredOn() == null) throw DubanException.badRequest("adjustment.date", "请填写事项日期。");
        EvidenceFile file = evidence == null ? null : EvidenceFile.of(fileName, evidence);
        ScoreAdjustment a =
                new ScoreAdjustment(
                        unit.getId(),
                        in.kind(),
                        in.points(),
                        in.reason().strip(),
                        in.occurredOn(),
                        file,
                        caller.username());
        em.persist(a);
        audit.record(
                "adjustment.added",
                "evaluation_adjustment",
                a.getId(),
                "unit",
                unit.getName(),
                "kind",
                in.kind().name(),
                "points",
                in.points(),
                "reason",
                a.getReason(),
                "date",
                in.occurredOn(),
                "evidenceSha256",
                a.getEvidenceSha256());
        return a;
    }

    public void removeAdjustment(UUID id) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ScoreAdjustment a = adjustment(id);
        audit.record(
                "adjustment.removed",
                "evaluation_adjustment",
                a.getId(),
                "unit",
                a.getUnitId(),
                "kind",
                a.getKind().name(),
                "points",
                a.getPoints(),
                "reason",
                a.getReason());
        em.remove(a);
    }

    public ScoreAdjustment adjustment(UUID id) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        ScoreAdjustment a = id == null ? null : em.find(ScoreAdjustment.class, id);
        if (a == null) throw DubanException.notFound("adjustment.not-found", "加扣分事项不存在。");
        return a;
    }

    public List<ScoreAdjustment> adjustments(int year) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return em.createQuery(
                        "select a from ScoreAdjustment a where a.year = :y order by a.occurredOn desc, a.createdAt desc",
                        ScoreAdjustment.class)
                .setParameter("y", year)
                .getResultList();
    }
}
