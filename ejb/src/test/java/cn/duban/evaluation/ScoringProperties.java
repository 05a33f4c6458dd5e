package cn.duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.evaluation.Scoring.UnitRef;
import cn.duban.ledger.Rating;
import cn.duban.ledger.TaskStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties every scheme must keep, over random ledgers. */
class ScoringProperties {

    static final UUID P1 = UUID.randomUUID(), P2 = UUID.randomUUID();
    static final List<Indicator> INDICATORS =
            List.of(
                    new Indicator("甲", new BigDecimal("70"), Set.of(P1)),
                    new Indicator("乙", new BigDecimal("30"), Set.of(P2)));
    static final UnitRef UNIT = new UnitRef(UUID.randomUUID(), "长寿路街道", "街镇组");
    static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);

    /**
     * An open task: deadline day of year, progress, returns and missed checkpoints (days of year).
     */
    record OpenTask(
            int deadlineDay,
            int progress,
            List<Integer> returned,
            List<Integer> missed,
            boolean second) {
        TaskFacts facts() {
            return new TaskFacts(
                    UUID.randomUUID(),
                    UNIT.id(),
                    second ? P2 : P1,
                    "任务",
                    JAN1.plusDays(deadlineDay),
                    TaskStatus.IN_PROGRESS,
                    progress,
                    null,
                    null,
                    returned.stream().map(JAN1::plusDays).toList(),
                    missed.stream().map(JAN1::plusDays).toList());
        }
    }

    @Provide
    Arbitrary<List<OpenTask>> ledgers() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 364);
        Arbitrary<OpenTask> task =
                Combinators.combine(
                                day,
                                Arbitraries.integers().between(0, 100),
                                day.list().ofMaxSize(3),
                                day.list().ofMaxSize(3),
                                Arbitraries.of(true, false))
                        .as(OpenTask::new);
        return task.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<ScoringRules> rules() {
        ScoringRules base = ScoringRules.defaults(SchemeType.COMPLETION);
        Arbitrary<ScoringRules> completion =
                Combinators.combine(
                                Arbitraries.integers().between(0, 20),
                                Arbitraries.of(ScoringRules.LateUnit.values()),
                                Arbitraries.integers().between(0, 100),
                                Arbitraries.of(true, false),
                                Arbitraries.integers().between(0, 50))
                        .as(
                                (late, unit, cap, partial, rate) ->
                                        new ScoringRules(
                                                SchemeType.COMPLETION,
                                                BigDecimal.valueOf(late),
                                                unit,
                                                BigDecimal.valueOf(cap),
                                                partial,
                                                BigDecimal.valueOf(rate, 2),
                                                base.quality(),
                                                null,
                                                null,
                                                null,
                                                null,
                                                new BigDecimal("5"),
                                                new BigDecimal("10"),
                                                ScoringRules.defaults(SchemeType.COMPLETION)
                                                        .sourceWeights()));
        Arbitrary<ScoringRules> deduction =
                Combinators.combine(
                                Arbitraries.integers().between(0, 20),
                                Arbitraries.integers().between(0, 20),
                                Arbitraries.integers().between(0, 10),
                                Arbitraries.integers().between(0, 10))
                        .as(
                                (overdue, late, missed, ret) ->
                                        new ScoringRules(
                                                SchemeType.DEDUCTION,
                                                null,
                                                null,
                                                null,
                                                false,
                                                null,
                                                null,
                                                BigDecimal.valueOf(Math.max(overdue, late)),
                                                BigDecimal.valueOf(Math.min(overdue, late)),
                                                BigDecimal.valueOf(missed),
                                                BigDecimal.valueOf(ret),
                                                new BigDecimal("5"),
                                                new BigDecimal("10"),
                                                ScoringRules.defaults(SchemeType.COMPLETION)
                                                        .sourceWeights()));
        return Arbitraries.oneOf(completion, deduction);
    }

    @Property(tries = 2000)
    void approvingATaskNeverLowersItsUnitsScore(
            @ForAll("rules") ScoringRules rules,
            @ForAll("ledgers") List<OpenTask> ledger,
            @ForAll @IntRange(min = 0, max = 7) int which,
            @ForAll @IntRange(min = 1, max = 400) int todayDay,
            @ForAll @IntRange(min = 0, max = 400) int submittedDaysAgo,
            @ForAll Rating rating) {
        assertThat(rules.problems(INDICATORS)).isEmpty();
        LocalDate today = JAN1.plusDays(todayDay);
        List<TaskFacts> before = ledger.stream().map(OpenTask::facts).toList();
        TaskFacts t = before.get(which % before.size());
        LocalDate submitted = today.minusDays(submittedDaysAgo % (todayDay + 1));
        // Approval marks the task's unreported checkpoints as done on the submission date.
        TaskFacts approved =
                new TaskFacts(
                        t.taskId(),
                        t.unitId(),
                        t.pointId(),
                        t.title(),
                        t.deadline(),
                        TaskStatus.APPROVED,
                        100,
                        submitted,
                        rating,
                        t.returnedOn(),
                        t.missedDue().stream().filter(d -> d.isBefore(submitted)).toList());
        List<TaskFacts> after = new ArrayList<>(before);
        after.set(after.indexOf(t), approved);
        for (Period period :
                List.of(
                        Period.yearToDate(2026),
                        Period.year(2026),
                        Period.quarter(2026, 1 + Math.min(3, todayDay / 92)))) {
            BigDecimal s0 = score(rules, before, period, today),
                    s1 = score(rules, after, period, today);
            if (s0 != null)
                assertThat(s1)
                        .as("%s %s", period.key(), rules.type())
                        .isNotNull()
                        .isGreaterThanOrEqualTo(s0);
        }
    }

    @Property(tries = 500)
    void linesAddUpToTheScore(
            @ForAll("rules") ScoringRules rules,
            @ForAll("ledgers") List<OpenTask> ledger,
            @ForAll @IntRange(min = 1, max = 400) int todayDay) {
        Scoreboard board =
                Scoring.score(
                        rules,
                        new BigDecimal("5"),
                        INDICATORS,
                        List.of(UNIT),
                        ledger.stream().map(OpenTask::facts).toList(),
                        List.of(),
                        Period.yearToDate(2026),
                        JAN1.plusDays(todayDay));
        UnitScore u = board.unit(UNIT.id()).orElseThrow();
        if (u.score() == null) return;
        BigDecimal lines =
                u.lines().stream()
                        .map(UnitScore.ScoreLine::points)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected =
                rules.type() == SchemeType.COMPLETION
                        ? u.score()
                        : u.score().subtract(new BigDecimal(100));
        // Each line is rounded to cents on its own.
        assertThat(lines.subtract(expected).abs())
                .isLessThanOrEqualTo(
                        new BigDecimal("0.01").multiply(BigDecimal.valueOf(u.lines().size())));
        assertThat(u.score()).isBetween(BigDecimal.ZERO, new BigDecimal(100));
    }

    /**
     * Rankings and the dashboard score without lines (no words written); their figures must be the
     * figures of the detailed scoring, which writes every line.
     */
    @Property(tries = 1000)
    void scoringWithoutLinesGivesTheSameFigures(
            @ForAll("rules") ScoringRules rules,
            @ForAll("ledgers") List<OpenTask> ledger,
            @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 400) Integer> approvedDaysAgo,
            @ForAll @Size(max = 8) List<Boolean> flags,
            @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 364) Integer> adjustmentDays,
            @ForAll @IntRange(min = 1, max = 400) int todayDay) {
        LocalDate today = JAN1.plusDays(todayDay);
        List<TaskFacts> tasks = new ArrayList<>();
        for (int i = 0; i < ledger.size(); i++) {
            TaskFacts t = ledger.get(i).facts();
            boolean flag = i < flags.size() && flags.get(i);
            boolean approved = i < approvedDaysAgo.size();
            LocalDate submitted =
                    approved ? today.minusDays(approvedDaysAgo.get(i) % (todayDay + 1)) : null;
            tasks.add(
                    new TaskFacts(
                            t.taskId(),
                            t.unitId(),
                            t.pointId(),
                            t.title(),
                            t.deadline(),
                            approved ? TaskStatus.APPROVED : t.status(),
                            approved ? 100 : t.progress(),
                            submitted,
                            approved ? Rating.values()[i % Rating.values().length] : null,
                            t.returnedOn(),
                            t.missedDue(),
                            i % 3 == 2
                                    ? cn.duban.plan.TaskSource.LEADER_INSTRUCTION
                                    : cn.duban.plan.TaskSource.PLAN,
                            flag && i % 2 == 0,
                            submitted,
                            flag && i % 2 == 1));
        }
        List<Adjustment> adjustments = new ArrayList<>();
        for (int i = 0; i < adjustmentDays.size(); i++)
            adjustments.add(
                    new Adjustment(
                            UUID.randomUUID(),
                            UNIT.id(),
                            i % 2 == 0 ? Adjustment.Kind.BONUS : Adjustment.Kind.DEDUCTION,
                            BigDecimal.valueOf(3 + i * 4),
                            "事项" + i,
                            JAN1.plusDays(adjustmentDays.get(i))));
        for (Period period : List.of(Period.yearToDate(2026), Period.quarter(2026, 2))) {
            Scoreboard detailed =
                    Scoring.score(
                            rules,
                            new BigDecimal("5"),
                            INDICATORS,
                            List.of(UNIT),
                            tasks,
                            adjustments,
                            period,
                            today,
                            true);
            Scoreboard figures =
                    Scoring.score(
                            rules,
                            new BigDecimal("5"),
                            INDICATORS,
                            List.of(UNIT),
                            tasks,
                            adjustments,
                            period,
                            today,
                            false);
            assertThat(figures.units())
                    .isEqualTo(detailed.units().stream().map(UnitScore::withoutLines).toList());
            assertThat(figures.asOf()).isEqualTo(detailed.asOf());
        }
    }

    @Property(tries = 1000)
    void indicatorPointsMustSumToOneHundred(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 60) Integer> points) {
        List<Indicator> indicators = new ArrayList<>();
        for (Integer p : points)
            indicators.add(
                    new Indicator(
                            "指标" + indicators.size(),
                            BigDecimal.valueOf(p),
                            Set.of(UUID.randomUUID())));
        boolean valid = ScoringRules.defaults(SchemeType.COMPLETION).problems(indicators).isEmpty();
        assertThat(valid).isEqualTo(points.stream().mapToInt(Integer::intValue).sum() == 100);
    }

    static BigDecimal score(
            ScoringRules rules, List<TaskFacts> tasks, Period period, LocalDate today) {
        return Scoring.score(
                        rules,
                        new BigDecimal("5"),
                        INDICATORS,
                        List.of(UNIT),
                        tasks,
                        List.of(),
                        period,
                        today)
                .unit(UNIT.id())
                .orElseThrow()
                .score();
    }
}
