package cn.duban.evaluation;

import cn.duban.evaluation.ScoringRules.LateUnit;
import cn.duban.evaluation.UnitScore.ScoreLine;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Computes a period's scores from the ledger's facts: plain arithmetic, no container.
 *
 * <p>A task counts in a period when its deadline falls in the period and has passed (up to
 * yesterday while the period runs). Whether it counts never depends on its review, so approving a
 * task can only raise its unit's score. Completion is judged by the unit's submission date, as of
 * the period's end (or today).
 */
public final class Scoring {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /** The words of a task whose overdue mark an accepted appeal removed. */
    static final String EXCUSED = "申诉采纳，不计逾期";

    private Scoring() {}

    /** A unit as scoring sees it. */
    public record UnitRef(UUID id, String name, String group) {}

    public static Scoreboard score(
            ScoringRules rules,
            BigDecimal planWeight,
            List<Indicator> indicators,
            List<UnitRef> units,
            List<TaskFacts> tasks,
            List<Adjustment> adjustments,
            Period period,
            LocalDate today) {
        return score(rules, planWeight, indicators, units, tasks, adjustments, period, today, true);
    }

    /**
     * The same scores; without lines, no unit carries its per-task lines and their words are never
     * written (rankings, the dashboard and its trend only show the figures).
     */
    public static Scoreboard score(
            ScoringRules rules,
            BigDecimal planWeight,
            List<Indicator> indicators,
            List<UnitRef> units,
            List<TaskFacts> tasks,
            List<Adjustment> adjustments,
            Period period,
            LocalDate today,
            boolean withLines) {
        return score(
                group(rules, indicators, units, tasks),
                planWeight,
                adjustments,
                period,
                today,
                withLines);
    }

    /**
     * The tasks as a scheme counts them, each unit's per indicator. They do not depend on the
     * period or the day, so the dashboard's monthly trend groups them once for all its months.
     */
    public record Grouped(
            ScoringRules rules,
            List<Indicator> indicators,
            List<UnitRef> units,
            Map<UUID, Map<Indicator, List<TaskFacts>>> covered) {}

    public static Grouped group(
            ScoringRules rules,
            List<Indicator> indicators,
            List<UnitRef> units,
            List<TaskFacts> tasks) {
        Map<UUID, List<TaskFacts>> byUnit = new HashMap<>();
        // Co-operating units' tasks as the scheme counts them (CooperatingScoring).
        for (TaskFacts t : rules.cooperating().apply(tasks)) {
            // A source weighed 0 by the scheme is not counted at all (交办事项 outside the evaluation).
            if (t.status() != cn.duban.ledger.TaskStatus.CANCELLED
                    && rules.weight(t.source()).signum() > 0)
                byUnit.computeIfAbsent(t.unitId(), u -> new ArrayList<>()).add(t);
        }
        Map<UUID, Map<Indicator, List<TaskFacts>>> covered = new HashMap<>();
        for (UnitRef unit : units) {
            List<TaskFacts> mine = byUnit.getOrDefault(unit.id(), List.of());
            // Tasks per indicator (a task belongs to at most one: schemes may not overlap).
            Map<Indicator, List<TaskFacts>> byIndicator = new LinkedHashMap<>();
            for (Indicator ind : indicators) {
                List<TaskFacts> list = mine.stream().filter(ind::covers).toList();
                if (!list.isEmpty()) byIndicator.put(ind, list);
            }
            covered.put(unit.id(), byIndicator);
        }
        return new Grouped(rules, indicators, units, covered);
    }

    /** A period's scores as of a day from grouped tasks, with or without lines. */
    public static Scoreboard score(
            Grouped grouped,
            BigDecimal planWeight,
            List<Adjustment> adjustments,
            Period period,
            LocalDate today,
            boolean withLines) {
        LocalDate asOf = period.asOf(today);
        // While the period runs, a task due today is not yet late: count deadlines up to yesterday.
        LocalDate dueBy = period.end().isBefore(today) ? period.end() : today.minusDays(1);
        Map<UUID, List<Adjustment>> adjByUnit = new HashMap<>();
        for (Adjustment a : adjustments) {
            if (!a.occurredOn().isBefore(period.start()) && !a.occurredOn().isAfter(asOf)) {
                adjByUnit.computeIfAbsent(a.unitId(), u -> new ArrayList<>()).add(a);
            }
        }
        Context c = new Context(grouped.rules(), period, asOf, dueBy, withLines);
        List<UnitScore> scored = new ArrayList<>();
        for (UnitRef unit : grouped.units()) {
            scored.add(
                    c.unit(
                            unit,
                            grouped.indicators(),
                            grouped.covered().get(unit.id()),
                            adjByUnit.getOrDefault(unit.id(), List.of()),
                            planWeight));
        }
        return new Scoreboard(period, asOf, rank(scored));
    }

    /**
     * Competition ranking within each group: equal scores share a rank, and the next rank skips (1,
     * 2, 2, 4).
     */
    static List<UnitScore> rank(List<UnitScore> scores) {
        Map<String, List<UnitScore>> groups = new LinkedHashMap<>();
        scores.stream()
                .sorted(Comparator.comparing(UnitScore::group))
                .forEach(u -> groups.computeIfAbsent(u.group(), g -> new ArrayList<>()).add(u));
        List<UnitScore> out = new ArrayList<>();
        for (List<UnitScore> group : groups.values()) {
            List<UnitScore> ranked =
                    group.stream()
                            .filter(u -> u.score() != null)
                            .sorted(
                                    Comparator.comparing(UnitScore::score)
                                            .reversed()
                                            .thenComparing(UnitScore::unitName))
                            .toList();
            for (int i = 0; i < ranked.size(); i++) {
                UnitScore u = ranked.get(i);
                int rank =
                        i > 0 && ranked.get(i - 1).score().compareTo(u.score()) == 0
                                ? out.get(out.size() - 1).rank()
                                : i + 1;
                out.add(u.ranked(rank));
            }
            group.stream()
                    .filter(u -> u.score() == null)
                    .sorted(Comparator.comparing(UnitScore::unitName))
                    .forEach(out::add);
        }
        return out;
    }

    /** One scoring's settings; lateness is the same for the same days, so it is kept by days. */
    private record Context(
            ScoringRules rules,
            Period period,
            LocalDate asOf,
            LocalDate dueBy,
            boolean withLines,
            Map<Long, Lateness> latenessByDays) {

        Context(
                ScoringRules rules,
                Period period,
                LocalDate asOf,
                LocalDate dueBy,
                boolean withLines) {
            this(rules, period, asOf, dueBy, withLines, new HashMap<>());
        }

        boolean due(LocalDate date) {
            return !date.isBefore(period.start()) && !date.isAfter(dueBy);
        }

        UnitScore unit(
                UnitRef unit,
                List<Indicator> indicators,
                Map<Indicator, List<TaskFacts>> covered,
                List<Adjustment> adjustments,
                BigDecimal planWeight) {
            String group =
                    unit.group() == null || unit.group().isBlank()
                            ? Scoreboard.NO_GROUP
                            : unit.group();
            int counted = 0, completed = 0, onTime = 0, overdue = 0;
            for (List<TaskFacts> list : covered.values()) {
                for (TaskFacts t : list) {
                    if (!due(t.deadline())) continue;
                    counted++;
                    if (t.completedBy(asOf)) {
                        completed++;
                        if (t.daysLate(t.completedOn()) == 0) onTime++;
                    } else {
                        overdue++;
                    }
                }
            }
            List<ScoreLine> lines = new ArrayList<>();
            BigDecimal core =
                    rules.type() == SchemeType.COMPLETION
                            ? completion(covered, lines)
                            : deduction(indicators, covered, lines);
            if (core == null) {
                return new UnitScore(
                        unit.id(),
                        unit.name(),
                        group,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        counted,
                        completed,
                        onTime,
                        overdue,
                        lines);
            }
            BigDecimal bonus = adjust(adjustments, Adjustment.Kind.BONUS, rules.bonusCap(), lines);
            BigDecimal deduction =
                    adjust(adjustments, Adjustment.Kind.DEDUCTION, rules.deductionCap(), lines);
            BigDecimal score =
                    core.add(bonus)
                            .subtract(deduction)
                            .max(BigDecimal.ZERO)
                            .setScale(2, RoundingMode.HALF_UP);
            BigDecimal weighted =
                    score.multiply(planWeight).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            return new UnitScore(
                    unit.id(),
                    unit.name(),
                    group,
                    score,
                    core.setScale(2, RoundingMode.HALF_UP),
                    bonus,
                    deduction,
                    weighted,
                    null,
                    counted,
                    completed,
                    onTime,
                    overdue,
                    lines);
        }

        /**
         * Each indicator's points shared among its due tasks by their credit; indicators without
         * due tasks drop out and the rest scale to 100.
         */
        BigDecimal completion(Map<Indicator, List<TaskFacts>> covered, List<ScoreLine> lines) {
            Map<Indicator, List<TaskFacts>> due = new LinkedHashMap<>();
            covered.forEach(
                    (ind, list) -> {
                        List<TaskFacts> d = list.stream().filter(t -> due(t.deadline())).toList();
                        if (!d.isEmpty()) due.put(ind, d);
                    });
            if (due.isEmpty()) return null;
            BigDecimal present =
                    due.keySet().stream()
                            .map(Indicator::points)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<Indicator, List<TaskFacts>> e : due.entrySet()) {
                BigDecimal share = e.getKey().points().multiply(HUNDRED).divide(present, MC);
                // Tasks share their indicator by their sources' weights (all 1: equal shares).
                BigDecimal weights =
                        e.getValue().stream()
                                .map(t -> rules.weight(t.source()))
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                Map<BigDecimal, BigDecimal> eachByWeight = new HashMap<>(4);
                for (TaskFacts t : e.getValue()) {
                    // The same for every task of a weight: divided once, not once a task.
                    BigDecimal each =
                            eachByWeight.computeIfAbsent(
                                    rules.weight(t.source()),
                                    w -> share.multiply(w, MC).divide(weights, MC));
                    Credit credit = weighed(credit(t), t);
                    BigDecimal points = each.multiply(credit.factor(), MC);
                    total = total.add(points);
                    if (withLines)
                        lines.add(
                                new ScoreLine(
                                        t.taskId(),
                                        e.getKey().name(),
                                        t.title(),
                                        credit.rule().get(),
                                        points.setScale(2, RoundingMode.HALF_UP),
                                        each.setScale(2, RoundingMode.HALF_UP)));
                }
            }
            return total;
        }

        /** A task's credit and its words, written only when a line shows them. */
        private record Credit(BigDecimal factor, Supplier<String> rule) {}

        /** The credit's words with the source's weight, when it is not the usual 1. */
        Credit weighed(Credit c, TaskFacts t) {
            BigDecimal w = rules.weight(t.source());
            if (w.compareTo(BigDecimal.ONE) == 0) return c;
            return new Credit(
                    c.factor(), () -> c.rule().get() + "；" + t.source().label() + "权重×" + plain(w));
        }

        /** A deduction of a task, times its source's weight. */
        BigDecimal weighed(BigDecimal points, TaskFacts t) {
            return points.multiply(rules.weight(t.source()), MC);
        }

        /** A co-unit scored on its contribution (LEAD_CARRIES): sent on time, late, or not. */
        boolean contribution(TaskFacts t) {
            return t.cooperating() && rules.cooperating() == CooperatingScoring.LEAD_CARRIES;
        }

        Credit contributionCredit(TaskFacts t) {
            if (!t.completedBy(asOf)) return new Credit(BigDecimal.ZERO, () -> "未向牵头单位报送配合情况，不得分");
            long late = t.daysLate(t.completedOn());
            if (late <= 0) return new Credit(BigDecimal.ONE, () -> onTime(t, "向牵头单位报送配合情况"));
            Lateness l = lateness(late);
            return new Credit(l.factor(), () -> "逾期" + late + "天报送配合情况（" + l.rule().get() + "）");
        }

        Credit credit(TaskFacts t) {
            if (contribution(t)) return contributionCredit(t);
            if (t.completedBy(asOf)) {
                long late = t.daysLate(t.completedOn());
                BigDecimal q = rules.multiplier(t.rating());
                Supplier<String> quality =
                        () ->
                                t.rating() == null
                                        ? "未评质量"
                                        : "质量"
                                                + t.rating().label()
                                                + "（×"
                                                + q.stripTrailingZeros().toPlainString()
                                                + "）";
                if (late <= 0) return new Credit(q, () -> onTime(t, "办结") + "，" + quality.get());
                Lateness l = lateness(late);
                return new Credit(
                        l.factor().multiply(q, MC),
                        () -> "逾期" + late + "天办结（" + l.rule().get() + "），" + quality.get());
            }
            if (!asOf.isBefore(LocalDate.of(period.year(), 12, 31))) {
                return new Credit(BigDecimal.ZERO, () -> "年底未办结，不得分");
            }
            long late = t.daysLate(asOf);
            Supplier<String> open =
                    () ->
                            late > 0
                                    ? "逾期" + late + "天未办结"
                                    : t.lateExcused() ? "到期未办结（" + EXCUSED + "）" : "到期未办结";
            if (!rules.partialCredit())
                return new Credit(BigDecimal.ZERO, () -> open.get() + "，不得分");
            Lateness l = lateness(late);
            BigDecimal factor =
                    BigDecimal.valueOf(t.progress())
                            .divide(HUNDRED, MC)
                            .multiply(rules.partialRate(), MC)
                            .multiply(l.factor(), MC);
            return new Credit(
                    factor,
                    () ->
                            open.get()
                                    + "，按进度"
                                    + t.progress()
                                    + "%×"
                                    + rules.partialRate().stripTrailingZeros().toPlainString()
                                    + "计分（"
                                    + l.rule().get()
                                    + "）");
        }

        /** On time, or late but excused by an accepted appeal. */
        private static String onTime(TaskFacts t, String what) {
            return t.lateExcused() && t.completedOn().isAfter(t.deadline())
                    ? what + "（" + EXCUSED + "）"
                    : "按期" + what;
        }

        /** What lateness leaves of a task's credit, and the words for it. */
        private record Lateness(BigDecimal factor, Supplier<String> rule) {}

        /** Percent taken for lateness: per day or per started week, up to the cap. */
        Lateness lateness(long days) {
            return latenessByDays.computeIfAbsent(days, this::latenessOf);
        }

        private Lateness latenessOf(long days) {
            long units = rules.lateUnit() == LateUnit.WEEK ? (days + 6) / 7 : days;
            BigDecimal cut =
                    rules.lateDeductionPercent()
                            .multiply(BigDecimal.valueOf(units))
                            .min(rules.lateCapPercent());
            Supplier<String> rule =
                    () ->
                            "每"
                                    + rules.lateUnit().label()
                                    + "扣"
                                    + plain(rules.lateDeductionPercent())
                                    + "%，"
                                    + units
                                    + rules.lateUnit().label()
                                    + "共扣"
                                    + plain(cut)
                                    + "%"
                                    + (cut.compareTo(rules.lateCapPercent()) == 0 ? "（已达上限）" : "");
            return new Lateness(BigDecimal.ONE.subtract(cut.divide(HUNDRED, MC)), rule);
        }

        /**
         * Each indicator starts at its points and loses fixed amounts per event, down to zero; an
         * indicator none of whose tasks are the unit's keeps its points (nothing to deduct).
         */
        BigDecimal deduction(
                List<Indicator> indicators,
                Map<Indicator, List<TaskFacts>> covered,
                List<ScoreLine> lines) {
            if (covered.isEmpty()) return null;
            BigDecimal total = BigDecimal.ZERO;
            for (Indicator ind : indicators) {
                List<TaskFacts> tasks = covered.getOrDefault(ind, List.of());
                BigDecimal lost = BigDecimal.ZERO;
                for (TaskFacts t : tasks) {
                    if (due(t.deadline())) {
                        if (!t.completedBy(asOf) && t.lateExcused()) {
                            // An accepted appeal: the task is not counted late (申诉采纳).
                        } else if (!t.completedBy(asOf)) {
                            lost =
                                    lost.add(
                                            line(
                                                    lines,
                                                    t,
                                                    ind,
                                                    () ->
                                                            (contribution(t) ? "未报送配合情况" : "逾期未办结")
                                                                    + "，每件扣"
                                                                    + plain(rules.perOverdueTask())
                                                                    + "分",
                                                    weighed(rules.perOverdueTask(), t)));
                        } else if (t.daysLate(t.completedOn()) > 0) {
                            lost =
                                    lost.add(
                                            line(
                                                    lines,
                                                    t,
                                                    ind,
                                                    () ->
                                                            "逾期"
                                                                    + ChronoUnit.DAYS.between(
                                                                            t.deadline(),
                                                                            t.completedOn())
                                                                    + (contribution(t)
                                                                            ? "天报送配合情况"
                                                                            : "天办结")
                                                                    + "，每件扣"
                                                                    + plain(rules.perLateTask())
                                                                    + "分",
                                                    weighed(rules.perLateTask(), t)));
                        }
                    }
                    for (LocalDate missed : t.missedDue()) {
                        if (due(missed)) {
                            lost =
                                    lost.add(
                                            line(
                                                    lines,
                                                    t,
                                                    ind,
                                                    () ->
                                                            "未按期报送进展（节点"
                                                                    + missed
                                                                    + "），每次扣"
                                                                    + plain(rules.perMissedReport())
                                                                    + "分",
                                                    weighed(rules.perMissedReport(), t)));
                        }
                    }
                    for (LocalDate returned : t.returnedOn()) {
                        if (!returned.isBefore(period.start()) && !returned.isAfter(asOf)) {
                            lost =
                                    lost.add(
                                            line(
                                                    lines,
                                                    t,
                                                    ind,
                                                    () ->
                                                            "报送被退回（"
                                                                    + returned
                                                                    + "），每次扣"
                                                                    + plain(rules.perReturn())
                                                                    + "分",
                                                    weighed(rules.perReturn(), t)));
                        }
                    }
                }
                if (lost.compareTo(ind.points()) > 0) {
                    if (withLines)
                        lines.add(
                                new ScoreLine(
                                        null,
                                        ind.name(),
                                        null,
                                        "本项" + plain(ind.points()) + "分扣完为止",
                                        lost.subtract(ind.points()),
                                        null));
                    lost = ind.points();
                }
                total = total.add(ind.points().subtract(lost));
            }
            return total;
        }

        private BigDecimal line(
                List<ScoreLine> lines,
                TaskFacts t,
                Indicator ind,
                Supplier<String> rule,
                BigDecimal points) {
            if (points.signum() == 0) return BigDecimal.ZERO;
            if (withLines)
                lines.add(
                        new ScoreLine(
                                t.taskId(),
                                ind.name(),
                                t.title(),
                                rule.get(),
                                points.negate(),
                                null));
            return points;
        }

        /** Bonus or deduction items of the period, summed and capped; each item is a line. */
        BigDecimal adjust(
                List<Adjustment> items,
                Adjustment.Kind kind,
                BigDecimal cap,
                List<ScoreLine> lines) {
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal sign =
                    kind == Adjustment.Kind.BONUS ? BigDecimal.ONE : BigDecimal.ONE.negate();
            for (Adjustment a : items) {
                if (a.kind() != kind) continue;
                sum = sum.add(a.points());
                if (withLines)
                    lines.add(
                            new ScoreLine(
                                    null,
                                    kind.label(),
                                    null,
                                    a.reason() + "（" + a.occurredOn() + "）",
                                    a.points().multiply(sign),
                                    null));
            }
            if (sum.compareTo(cap) > 0) {
                if (withLines)
                    lines.add(
                            new ScoreLine(
                                    null,
                                    kind.label(),
                                    null,
                                    kind.label()
                                            + "累计"
                                            + plain(sum)
                                            + "分，超过上限"
                                            + plain(cap)
                                            + "分，按上限计",
                                    sum.subtract(cap).multiply(sign).negate(),
                                    null));
                sum = cap;
            }
            return sum.setScale(2, RoundingMode.HALF_UP);
        }
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
