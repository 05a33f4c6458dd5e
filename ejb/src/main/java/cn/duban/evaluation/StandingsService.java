package cn.duban.evaluation;

import cn.duban.ledger.LedgerClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.KeptResults;
import cn.duban.platform.replica.ReplicaReads;
import cn.duban.printing.ScoreBreakdown;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores and rankings (得分与排名): a period's standings (published once closed, else computed from the
 * ledger), one unit's breakdown on screen and as a PDF, and the year's monthly trend the leadership
 * dashboard draws.
 */
@Stateless
public class StandingsService {

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB SchemeService schemes;

    @EJB cn.duban.platform.Printing reports;

    /** Rankings, breakdowns, the trend and the dashboard may read from the replica. */
    @EJB ReplicaReads reads;

    /** Rankings, the trend and the dashboard answered from a kept result while still fresh. */
    @EJB KeptResults kept;

    /**
     * A period's standings: the published snapshot once the period is closed (unless live is asked
     * for), else computed now. Without detail, live lines carry no task titles and completion
     * schemes skip reading returned reports and checkpoints, which only deductions use.
     */
    public Standings standings(Period period, boolean live, boolean detailed) {
        Caller.requireDistrictPerson();
        return reads.read(
                this,
                em ->
                        detailed
                                ? standings(em, period, live, true)
                                : kept(
                                        em,
                                        List.of("standings", period.key(), live),
                                        () -> standings(em, period, live, false)));
    }

    /**
     * A result kept per tenant, key and day (the scores depend on today), see {@link KeptResults}.
     */
    private <T> T kept(EntityManager em, List<Object> key, java.util.function.Supplier<T> work) {
        String tenant = Caller.currentTenant().orElseThrow(DubanException::unauthorized);
        List<Object> k = new ArrayList<>(key);
        k.add(LedgerClock.today());
        return kept.get(em, tenant, k, work);
    }

    private Standings standings(EntityManager em, Period period, boolean live, boolean detailed) {
        ScoringInputs read = new ScoringInputs(em, units);
        Standings published = live ? null : read.published(period);
        if (published != null) return published;
        Scheme scheme = schemes.current(period.year());
        return ScoringInputs.compute(
                period, scheme, read.inputs(scheme, detailed), LedgerClock.today());
    }

    /** One unit's score with every line; a reporter may only ask for its own unit. */
    public UnitScore breakdown(Period period, UUID unitId, boolean live) {
        mayRead(unitId);
        return unitOf(reads.read(this, em -> standings(em, period, live, true)), unitId);
    }

    /** The same breakdown as a PDF, with the scheme and the unit's place in its group. */
    public byte[] breakdownPdf(Period period, UUID unitId) {
        mayRead(unitId);
        Standings standings = reads.read(this, em -> standings(em, period, false, true));
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
        Caller caller = Caller.requireDistrictPerson();
        if (!caller.isDistrictWide()
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

    // ---- a town's standings (issue 21): its scheme on its 下级单位, always live (never closed)

    /**
     * A town's standings for a period (town null: the district office's, as {@link #standings}):
     * the town's scheme scores its 下级单位 on the tasks it supervises. The district office and leaders
     * read it, the town's 单位管理员 too; anyone else, another town: not found.
     */
    public Standings standings(Period period, UUID town, boolean live, boolean detailed) {
        if (town == null) return standings(period, live, detailed);
        Scheme scheme = schemes.current(period.year(), town);
        return reads.read(this, em -> townStandings(em, scheme, period, detailed));
    }

    /** One 下级单位's score in its town's standings, with every line. */
    public UnitScore breakdown(Period period, UUID unitId, boolean live, UUID town) {
        if (town == null) return breakdown(period, unitId, live);
        return unitOf(standings(period, town, true, true), unitId);
    }

    private Standings townStandings(
            EntityManager em, Scheme scheme, Period period, boolean detailed) {
        return ScoringInputs.compute(
                period,
                scheme,
                new ScoringInputs(em, units).inputs(scheme, detailed),
                LedgerClock.today());
    }

    /**
     * Year-to-date scores at the end of each month so far: the trend the leadership dashboard
     * draws.
     */
    public Trend trend(int year) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        // The scheme is read inside the kept work: after the snapshot its freshness is checked by.
        return reads.read(
                this,
                em ->
                        kept(
                                em,
                                List.of("trend", year),
                                () -> {
                                    Scheme scheme = schemes.current(year);
                                    return trend(
                                            scheme,
                                            new ScoringInputs(em, units).inputs(scheme, false));
                                }));
    }

    /** The leadership dashboard's standings and trend, from one read of the ledger. */
    public Dashboard dashboard(Period period) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return reads.read(
                this,
                em ->
                        kept(
                                em,
                                List.of("dashboard", period.key()),
                                () -> dashboard(em, schemes.current(period.year()), period)));
    }

    private Dashboard dashboard(EntityManager em, Scheme scheme, Period period) {
        ScoringInputs read = new ScoringInputs(em, units);
        ScoringInputs.Inputs in = read.inputs(scheme, false);
        Standings published = read.published(period);
        return new Dashboard(
                published != null
                        ? published
                        : ScoringInputs.compute(period, scheme, in, LedgerClock.today()),
                trend(scheme, in));
    }

    public record Dashboard(Standings standings, Trend trend) {}

    private Trend trend(Scheme scheme, ScoringInputs.Inputs in) {
        int year = scheme.getYear();
        LocalDate today = LedgerClock.today();
        List<String> months = new ArrayList<>();
        Map<UUID, Trend.Series> series = new java.util.LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate monthEnd = Period.month(year, m).end();
            if (monthEnd.minusMonths(1).isAfter(today)) break;
            LocalDate asOf = monthEnd.isBefore(today) ? monthEnd.plusDays(1) : today;
            Scoreboard board = ScoringInputs.score(scheme, in, Period.yearToDate(year), asOf);
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
}
