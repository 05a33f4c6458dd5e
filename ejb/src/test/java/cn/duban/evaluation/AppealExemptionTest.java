package cn.duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ledger.Rating;
import cn.duban.ledger.TaskStatus;
import cn.duban.plan.TaskSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An accepted appeal against an overdue mark (申诉采纳，不计逾期) as scoring reads it. */
class AppealExemptionTest {

    static TaskFacts lateBy10Days(boolean excused, TaskStatus status) {
        TaskFacts t =
                ScoringTest.done(
                        ScoringTest.CSL, ScoringTest.P2, "2026-02-28", "2026-03-10", Rating.GOOD);
        return new TaskFacts(
                t.taskId(),
                t.unitId(),
                t.pointId(),
                t.title(),
                t.deadline(),
                status,
                status == TaskStatus.APPROVED ? 100 : 50,
                status == TaskStatus.APPROVED ? t.completedOn() : null,
                status == TaskStatus.APPROVED ? Rating.GOOD : null,
                List.of(),
                List.of(),
                TaskSource.PLAN,
                false,
                null,
                excused);
    }

    static UnitScore score(SchemeType type, TaskFacts t) {
        return Scoring.score(
                        ScoringRules.defaults(type),
                        new java.math.BigDecimal("5"),
                        ScoringTest.INDICATORS,
                        List.of(ScoringTest.CSL),
                        List.of(t),
                        List.of(),
                        Period.quarter(2026, 1),
                        LocalDate.of(2026, 6, 1))
                .unit(ScoringTest.CSL.id())
                .orElseThrow();
    }

    @Test
    void anExcusedLateCompletionScoresAsOnTime() {
        UnitScore late = score(SchemeType.COMPLETION, lateBy10Days(false, TaskStatus.APPROVED));
        UnitScore excused = score(SchemeType.COMPLETION, lateBy10Days(true, TaskStatus.APPROVED));
        // Only 信息公开 is present: 100 × 0.9 (良) × 0.9 (2 weeks late) = 81; excused: 100 × 0.9.
        assertThat(late.score()).isEqualByComparingTo("81.00");
        assertThat(excused.score()).isEqualByComparingTo("90.00");
        assertThat(late.onTime()).isZero();
        assertThat(excused.onTime()).isEqualTo(1);
        assertThat(excused.lines().get(0).rule()).isEqualTo("办结（申诉采纳，不计逾期），质量良（×0.9）");
    }

    @Test
    void anExcusedTaskLosesNoOverduePointsInADeductionScheme() {
        UnitScore late = score(SchemeType.DEDUCTION, lateBy10Days(false, TaskStatus.IN_PROGRESS));
        UnitScore excused = score(SchemeType.DEDUCTION, lateBy10Days(true, TaskStatus.IN_PROGRESS));
        assertThat(late.lines()).anyMatch(l -> l.rule().startsWith("逾期未办结"));
        assertThat(excused.lines()).noneMatch(l -> l.rule().startsWith("逾期"));
        assertThat(excused.score()).isGreaterThan(late.score());
        UnitScore lateDone = score(SchemeType.DEDUCTION, lateBy10Days(false, TaskStatus.APPROVED));
        UnitScore excusedDone =
                score(SchemeType.DEDUCTION, lateBy10Days(true, TaskStatus.APPROVED));
        assertThat(lateDone.lines()).anyMatch(l -> l.rule().startsWith("逾期10天办结"));
        assertThat(excusedDone.lines()).isEmpty();
    }
}
