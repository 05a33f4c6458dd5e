package cn.duban.evaluation.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.evaluation.Adjustment;
import cn.duban.evaluation.Period;
import cn.duban.ledger.TaskStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AppealRulesTest {

    static final LocalDate PUBLISHED = LocalDate.of(2026, 4, 2);

    @Test
    void scoreLinesAndItemsAreOpenForTheWindowAfterTheFirstPublication() {
        AppealRules.Window w = AppealRules.window(Appeal.Kind.SCORE_LINE, PUBLISHED, null, 7);
        assertThat(w.opens()).isEqualTo(PUBLISHED);
        assertThat(w.closes()).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(w.contains(PUBLISHED)).isTrue();
        assertThat(w.contains(LocalDate.of(2026, 4, 9))).isTrue();
        assertThat(w.contains(LocalDate.of(2026, 4, 10))).isFalse();
        assertThat(w.contains(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(AppealRules.window(Appeal.Kind.ADJUSTMENT, PUBLISHED, null, 3).closes())
                .isEqualTo(LocalDate.of(2026, 4, 5));
        // Nothing published: nothing to appeal yet.
        assertThat(AppealRules.window(Appeal.Kind.SCORE_LINE, null, null, 7)).isNull();
        assertThat(AppealRules.window(Appeal.Kind.ADJUSTMENT, null, null, 7)).isNull();
    }

    @Test
    void anOverdueMarkCountsFromTheLaterOfItsDeadlineAndThePublication() {
        LocalDate deadline = LocalDate.of(2026, 3, 31);
        // Published after the deadline: the window runs from the publication.
        AppealRules.Window w = AppealRules.window(Appeal.Kind.OVERDUE, PUBLISHED, deadline, 7);
        assertThat(w.opens()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(w.closes()).isEqualTo(LocalDate.of(2026, 4, 9));
        // Not published yet: from the deadline.
        w = AppealRules.window(Appeal.Kind.OVERDUE, null, deadline, 7);
        assertThat(w.closes()).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(w.contains(deadline)).as("not late on its deadline").isFalse();
        // A deadline after the publication (a month's task in a published quarter? no: a later
        // deadline) runs from the deadline.
        w = AppealRules.window(Appeal.Kind.OVERDUE, PUBLISHED, LocalDate.of(2026, 5, 10), 7);
        assertThat(w.closes()).isEqualTo(LocalDate.of(2026, 5, 17));
        assertThat(AppealRules.window(Appeal.Kind.OVERDUE, PUBLISHED, null, 7)).isNull();
    }

    @Test
    void aTaskIsCountedLateUnlessApprovedOnASubmissionByItsDeadline() {
        LocalDate deadline = LocalDate.of(2026, 3, 31), today = LocalDate.of(2026, 4, 5);
        assertThat(AppealRules.countedLate(deadline, TaskStatus.IN_PROGRESS, null, today)).isTrue();
        assertThat(
                        AppealRules.countedLate(
                                deadline, TaskStatus.APPROVED, LocalDate.of(2026, 4, 2), today))
                .isTrue();
        assertThat(AppealRules.countedLate(deadline, TaskStatus.APPROVED, deadline, today))
                .isFalse();
        // Submitted on time but not yet approved: scoring counts it late until approved.
        assertThat(AppealRules.countedLate(deadline, TaskStatus.SUBMITTED, deadline, today))
                .isTrue();
        // Due today or later: not late yet.
        assertThat(AppealRules.countedLate(today, TaskStatus.IN_PROGRESS, null, today)).isFalse();
        assertThat(AppealRules.countedLate(deadline, TaskStatus.CANCELLED, null, today)).isFalse();
        assertThat(AppealRules.countedLate(null, TaskStatus.IN_PROGRESS, null, today)).isFalse();
    }

    @Test
    void onlyDeductionItemsOfThePeriodAndIndicatorLinesCanBeAppealed() {
        Period q1 = Period.quarter(2026, 1);
        assertThat(
                        AppealRules.appealableItem(
                                Adjustment.Kind.DEDUCTION, LocalDate.of(2026, 3, 31), q1))
                .isTrue();
        assertThat(AppealRules.appealableItem(Adjustment.Kind.BONUS, LocalDate.of(2026, 3, 1), q1))
                .isFalse();
        assertThat(
                        AppealRules.appealableItem(
                                Adjustment.Kind.DEDUCTION, LocalDate.of(2026, 4, 1), q1))
                .isFalse();
        assertThat(AppealRules.appealableLine("信息公开")).isTrue();
        assertThat(AppealRules.appealableLine("扣分")).isFalse();
        assertThat(AppealRules.appealableLine("加分")).isFalse();
        assertThat(AppealRules.appealableLine(" ")).isFalse();
        assertThat(AppealRules.appealableLine(null)).isFalse();
    }
}
