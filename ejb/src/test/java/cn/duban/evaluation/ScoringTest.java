package cn.duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.evaluation.Scoring.UnitRef;
import cn.duban.ledger.Rating;
import cn.duban.ledger.TaskStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hand-computed scores for a small ledger, one scenario per scheme type. */
class ScoringTest {

    static final UUID P1 = UUID.randomUUID(), P2 = UUID.randomUUID(), P3 = UUID.randomUUID();
    static final List<Indicator> INDICATORS =
            List.of(
                    new Indicator("信息公开", new BigDecimal("60"), Set.of(P1, P2)),
                    new Indicator("政策解读", new BigDecimal("40"), Set.of(P3)));
    static final UnitRef CSL = new UnitRef(UUID.randomUUID(), "长寿路街道", "街镇组");
    static final UnitRef YCL = new UnitRef(UUID.randomUUID(), "宜川路街道", "街镇组");
    static final UnitRef TAOPU = new UnitRef(UUID.randomUUID(), "桃浦镇", "街镇组");
    static final UnitRef CZJ = new UnitRef(UUID.randomUUID(), "区财政局", "部门组");
    static final UnitRef SJJ = new UnitRef(UUID.randomUUID(), "区数据局", "部门组");
    static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

    static TaskFacts done(
            UnitRef unit, UUID point, String deadline, String completed, Rating rating) {
        return new TaskFacts(
                UUID.randomUUID(),
                unit.id(),
                point,
                unit.name() + "的任务",
                LocalDate.parse(deadline),
                TaskStatus.APPROVED,
                100,
                LocalDate.parse(completed),
                rating,
                List.of(),
                List.of());
    }

    static TaskFacts open(
            UnitRef unit,
            UUID point,
            String deadline,
            int progress,
            List<String> returned,
            List<String> missed) {
        return new TaskFacts(
                UUID.randomUUID(),
                unit.id(),
                point,
                unit.name() + "的任务",
                LocalDate.parse(deadline),
                TaskStatus.IN_PROGRESS,
                progress,
                null,
                null,
                returned.stream().map(LocalDate::parse).toList(),
                missed.stream().map(LocalDate::parse).toList());
    }

    static Adjustment adj(UnitRef unit, Adjustment.Kind kind, String points, String on) {
        return new Adjustment(
                UUID.randomUUID(),
                unit.id(),
                kind,
                new BigDecimal(points),
                "事项" + points,
                LocalDate.parse(on));
    }

    static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    @Test
    void completionSchemeByHand() {
        List<TaskFacts> tasks =
                List.of(
                        done(
                                CSL,
                                P1,
                                "2026-03-31",
                                "2026-03-20",
                                Rating.EXCELLENT), // I1: 30 × 1.00 = 30
                        done(
                                CSL,
                                P2,
                                "2026-02-28",
                                "2026-03-10",
                                Rating.GOOD), // I1: 10 days late = 2 weeks = 10%: 30 × 0.9 × 0.9
                        // = 24.3
                        open(
                                CSL,
                                P3,
                                "2026-03-15",
                                60,
                                List.of(),
                                List.of()), // I2: 40 × 0 (no partial credit)
                        open(CSL, P3, "2026-06-30", 0, List.of(), List.of()), // not due in Q1
                        done(
                                YCL,
                                P1,
                                "2026-03-31",
                                "2026-03-31",
                                Rating.FAIR), // only I1 present → 100 × 0.75 = 75
                        done(
                                TAOPU,
                                P2,
                                "2026-01-31",
                                "2026-01-31",
                                Rating.FAIR), // 75, ties with 宜川路 after items
                        done(CZJ, P2, "2026-01-31", "2026-01-20", Rating.EXCELLENT), // I1 60 × 1
                        done(CZJ, P3, "2026-03-31", "2026-03-31", Rating.POOR)); // I2 40 × 0.5 = 20
        List<Adjustment> items =
                List.of(
                        adj(CSL, Adjustment.Kind.BONUS, "3", "2026-03-01"),
                        adj(YCL, Adjustment.Kind.BONUS, "4", "2026-02-01"),
                        adj(YCL, Adjustment.Kind.BONUS, "3", "2026-03-01"), // 7, capped at 5
                        adj(YCL, Adjustment.Kind.DEDUCTION, "2", "2026-03-02"),
                        adj(TAOPU, Adjustment.Kind.BONUS, "3", "2026-02-02"),
                        adj(
                                CZJ,
                                Adjustment.Kind.BONUS,
                                "5",
                                "2026-04-02")); // next quarter: not counted
        Scoreboard board =
                Scoring.score(
                        ScoringRules.defaults(SchemeType.COMPLETION),
                        dec("5"),
                        INDICATORS,
                        List.of(CSL, YCL, TAOPU, CZJ, SJJ),
                        tasks,
                        items,
                        Period.quarter(2026, 1),
                        JUNE);

        UnitScore csl = board.unit(CSL.id()).orElseThrow();
        assertThat(csl.core()).isEqualByComparingTo("54.30");
        assertThat(csl.score()).isEqualByComparingTo("57.30");
        assertThat(csl.weighted()).isEqualByComparingTo("2.87");
        assertThat(csl.tasks()).isEqualTo(3);
        assertThat(csl.completed()).isEqualTo(2);
        assertThat(csl.onTime()).isEqualTo(1);
        assertThat(csl.overdue()).isEqualTo(1);
        assertThat(csl.lines())
                .extracting(UnitScore.ScoreLine::points)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("30"), dec("24.3"), dec("0"), dec("3"));
        assertThat(csl.lines().get(1).rule()).isEqualTo("逾期10天办结（每周扣5%，2周共扣10%），质量良（×0.9）");
        assertThat(csl.lines().get(2).rule()).isEqualTo("逾期16天未办结，不得分");
        assertThat(csl.lines().get(2).possible()).isEqualByComparingTo("40");

        assertThat(board.unit(YCL.id()).orElseThrow().score())
                .isEqualByComparingTo("78.00"); // 75 + 5 (capped) − 2
        assertThat(board.unit(YCL.id()).orElseThrow().lines())
                .anyMatch(l -> l.rule().contains("超过上限5分"));
        assertThat(board.unit(TAOPU.id()).orElseThrow().score()).isEqualByComparingTo("78.00");
        assertThat(board.unit(CZJ.id()).orElseThrow().score()).isEqualByComparingTo("80.00");
        assertThat(board.unit(SJJ.id()).orElseThrow().score()).isNull();

        // Equal scores share a rank and the next rank skips; a unit without tasks is listed
        // unranked.
        assertThat(board.groups().get("街镇组"))
                .extracting(UnitScore::unitName, UnitScore::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("宜川路街道", 1),
                        org.assertj.core.groups.Tuple.tuple("桃浦镇", 1),
                        org.assertj.core.groups.Tuple.tuple("长寿路街道", 3));
        assertThat(board.groups().get("部门组"))
                .extracting(UnitScore::unitName, UnitScore::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("区财政局", 1),
                        org.assertj.core.groups.Tuple.tuple("区数据局", null));
    }

    @Test
    void partialCreditAndYearEnd() {
        ScoringRules base = ScoringRules.defaults(SchemeType.COMPLETION);
        ScoringRules partial =
                new ScoringRules(
                        SchemeType.COMPLETION,
                        dec("2"),
                        ScoringRules.LateUnit.DAY,
                        dec("30"),
                        true,
                        dec("0.5"),
                        base.quality(),
                        null,
                        null,
                        null,
                        null,
                        dec("5"),
                        dec("10"),
                        ScoringRules.defaults(SchemeType.COMPLETION).sourceWeights());
        List<TaskFacts> tasks = List.of(open(CSL, P1, "2026-05-20", 80, List.of(), List.of()));
        // 12 days overdue on 1 June: 80% × 0.5 × (1 − 24%) = 0.304 of 100 points.
        Scoreboard june =
                Scoring.score(
                        partial,
                        dec("5"),
                        INDICATORS,
                        List.of(CSL),
                        tasks,
                        List.of(),
                        Period.yearToDate(2026),
                        JUNE);
        assertThat(june.unit(CSL.id()).orElseThrow().score()).isEqualByComparingTo("30.40");
        assertThat(june.unit(CSL.id()).orElseThrow().lines().get(0).rule())
                .isEqualTo("逾期12天未办结，按进度80%×0.5计分（每日扣2%，12日共扣24%）");
        // Not done by the year's end: nothing.
        Scoreboard year =
                Scoring.score(
                        partial,
                        dec("5"),
                        INDICATORS,
                        List.of(CSL),
                        tasks,
                        List.of(),
                        Period.year(2026),
                        LocalDate.of(2027, 1, 5));
        assertThat(year.unit(CSL.id()).orElseThrow().score()).isEqualByComparingTo("0");
        assertThat(year.unit(CSL.id()).orElseThrow().lines().get(0).rule()).isEqualTo("年底未办结，不得分");
    }

    @Test
    void deductionSchemeByHand() {
        List<TaskFacts> tasks =
                List.of(
                        new TaskFacts(
                                UUID.randomUUID(),
                                CSL.id(),
                                P1,
                                "财政预决算公开",
                                LocalDate.parse("2026-03-31"),
                                TaskStatus.APPROVED,
                                100,
                                LocalDate.parse("2026-03-20"),
                                Rating.GOOD,
                                List.of(
                                        LocalDate.parse("2026-03-05"),
                                        LocalDate.parse("2026-04-02")),
                                List.of(LocalDate.parse("2026-02-28"))), // −2 (one return in Q1) −5
                        // (missed)
                        done(CSL, P2, "2026-02-28", "2026-03-10", Rating.GOOD), // late: −5
                        open(
                                CSL,
                                P3,
                                "2026-03-15",
                                50,
                                List.of(),
                                List.of("2026-01-31", "2026-02-28")), // overdue −10, missed 2 × −5
                        open(
                                CSL,
                                P3,
                                "2026-06-30",
                                0,
                                List.of(),
                                List.of("2026-03-31")), // not due, but a Q1 checkpoint missed: −5
                        open(
                                YCL,
                                P3,
                                "2026-03-31",
                                0,
                                List.of(
                                        "2026-03-01",
                                        "2026-03-02",
                                        "2026-03-03",
                                        "2026-03-04",
                                        "2026-03-05",
                                        "2026-03-06"),
                                List.of(
                                        "2026-01-31",
                                        "2026-02-28",
                                        "2026-03-15",
                                        "2026-03-31"))); // −10 −12 −20 = −42, floored at 40
        Scoreboard board =
                Scoring.score(
                        ScoringRules.defaults(SchemeType.DEDUCTION),
                        dec("5"),
                        INDICATORS,
                        List.of(CSL, YCL, CZJ),
                        tasks,
                        List.of(),
                        Period.quarter(2026, 1),
                        JUNE);

        UnitScore csl = board.unit(CSL.id()).orElseThrow();
        assertThat(csl.score()).isEqualByComparingTo("63.00"); // 信息公开 60 − 12, 政策解读 40 − 25
        assertThat(csl.lines())
                .extracting(UnitScore.ScoreLine::rule)
                .contains(
                        "逾期未办结，每件扣10分",
                        "逾期10天办结，每件扣5分",
                        "未按期报送进展（节点2026-02-28），每次扣5分",
                        "报送被退回（2026-03-05），每次扣2分");
        assertThat(
                        csl.lines().stream()
                                .map(UnitScore.ScoreLine::points)
                                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("-37");

        UnitScore ycl = board.unit(YCL.id()).orElseThrow();
        assertThat(ycl.score()).isEqualByComparingTo("60.00"); // 信息公开 untouched, 政策解读 down to 0
        assertThat(ycl.lines())
                .anyMatch(l -> l.rule().equals("本项40分扣完为止") && l.points().compareTo(dec("2")) == 0);
        assertThat(board.unit(CZJ.id()).orElseThrow().score()).isNull();
        assertThat(board.groups().get("街镇组")).extracting(UnitScore::rank).containsExactly(1, 2);
    }

    @Test
    void aRunningPeriodCountsDeadlinesUpToYesterday() {
        List<TaskFacts> tasks =
                List.of(
                        open(CSL, P1, "2026-06-01", 0, List.of(), List.of()),
                        done(CSL, P2, "2026-05-31", "2026-05-30", null));
        Scoreboard board =
                Scoring.score(
                        ScoringRules.defaults(SchemeType.COMPLETION),
                        dec("5"),
                        INDICATORS,
                        List.of(CSL),
                        tasks,
                        List.of(),
                        Period.month(2026, 6),
                        JUNE);
        assertThat(board.unit(CSL.id()).orElseThrow().score())
                .isNull(); // due today: not yet counted
        Scoreboard may =
                Scoring.score(
                        ScoringRules.defaults(SchemeType.COMPLETION),
                        dec("5"),
                        INDICATORS,
                        List.of(CSL),
                        tasks,
                        List.of(),
                        Period.month(2026, 5),
                        JUNE);
        assertThat(may.unit(CSL.id()).orElseThrow().score()).isEqualByComparingTo("100");
        assertThat(may.unit(CSL.id()).orElseThrow().lines().get(0).rule()).isEqualTo("按期办结，未评质量");
    }

    @Test
    void periods() {
        assertThat(Period.parse("2026-03")).isEqualTo(Period.month(2026, 3));
        assertThat(Period.parse("2026-q3").label()).isEqualTo("2026年第三季度");
        assertThat(Period.parse("2026-Q3").end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(Period.parse("2026-YTD").key()).isEqualTo("2026-YTD");
        assertThat(Period.parse("2026").start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Period.month(2026, 2).end()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Period.month(2026, 5).endedBy(JUNE)).isTrue();
        assertThat(Period.month(2026, 6).endedBy(JUNE)).isFalse();
        assertThat(Period.yearToDate(2025).endedBy(JUNE)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Period.parse("2026-13"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Period.parse("去年"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemeProblemsAreNamed() {
        ScoringRules rules = ScoringRules.defaults(SchemeType.COMPLETION);
        assertThat(rules.problems(INDICATORS)).isEmpty();
        List<Indicator> ninety =
                List.of(
                        new Indicator("信息公开", dec("50"), Set.of(P1)),
                        new Indicator("政策解读", dec("40"), Set.of(P3)));
        assertThat(rules.problems(ninety))
                .extracting(ScoringRules.Problem::message)
                .containsExactly("各项指标分值合计应为100分，当前为90分。");
        List<Indicator> overlapping =
                List.of(
                        new Indicator("信息公开", dec("50"), Set.of(P1, P2)),
                        new Indicator("重点", dec("50"), Set.of(P2)));
        assertThat(rules.problems(overlapping))
                .extracting(ScoringRules.Problem::field)
                .containsExactly("indicators[1].target");
        ScoringRules generous =
                new ScoringRules(
                        SchemeType.COMPLETION,
                        dec("5"),
                        ScoringRules.LateUnit.WEEK,
                        dec("50"),
                        true,
                        dec("0.8"),
                        rules.quality(),
                        null,
                        null,
                        null,
                        null,
                        dec("5"),
                        dec("10"),
                        ScoringRules.defaults(SchemeType.COMPLETION).sourceWeights());
        assertThat(generous.problems(INDICATORS))
                .extracting(ScoringRules.Problem::field)
                .containsExactly("partialRate");
        ScoringRules backwards =
                new ScoringRules(
                        SchemeType.DEDUCTION,
                        null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        dec("5"),
                        dec("10"),
                        dec("5"),
                        dec("2"),
                        dec("5"),
                        dec("10"),
                        ScoringRules.defaults(SchemeType.COMPLETION).sourceWeights());
        assertThat(backwards.problems(INDICATORS))
                .extracting(ScoringRules.Problem::field)
                .containsExactly("perLateTask");
    }
}
