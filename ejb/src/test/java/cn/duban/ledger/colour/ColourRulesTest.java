package cn.duban.ledger.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.ledger.TaskStatus;
import cn.duban.ledger.colour.ColourReading.Kind;
import cn.duban.ledger.colour.ColourReading.Reason;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColourRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final ColourRules RULES = ColourRules.DEFAULT;

    /** Published on 1 January, due 31 December, reported yesterday, 50 % approved. */
    static TaskSignals open() {
        return new TaskSignals(
                TaskStatus.IN_PROGRESS,
                LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 12, 31),
                50,
                LocalDate.of(2026, 1, 1),
                TODAY.minusDays(1),
                0,
                0,
                null);
    }

    static TaskSignals with(
            TaskSignals s,
            LocalDate deadline,
            LocalDate nextDue,
            int progress,
            LocalDate lastReport,
            int returns,
            int missed,
            LocalDate redSince) {
        return new TaskSignals(
                s.status(),
                deadline,
                nextDue,
                progress,
                s.startedOn(),
                lastReport,
                returns,
                missed,
                redSince);
    }

    @Test
    void aTaskOnScheduleIsGreen() {
        ColourReading r = RULES.read(open(), TODAY);
        assertThat(r.colour()).isEqualTo(Colour.GREEN);
        assertThat(r.reasons()).isEmpty();
        assertThat(r.caughtUp()).isTrue();
    }

    @Test
    void aCheckpointOrDeadlineWithinTheWindowTurnsAmber() {
        TaskSignals s = open();
        ColourReading r =
                RULES.read(with(s, s.deadline(), TODAY.plusDays(7), 50, TODAY, 0, 0, null), TODAY);
        assertThat(r.colour()).isEqualTo(Colour.AMBER);
        assertThat(r.reasons()).containsExactly(new Reason(Kind.DUE_SOON, 7));
        assertThat(
                        RULES.read(
                                        with(
                                                s,
                                                s.deadline(),
                                                TODAY.plusDays(8),
                                                50,
                                                TODAY,
                                                0,
                                                0,
                                                null),
                                        TODAY)
                                .colour())
                .isEqualTo(Colour.GREEN);
    }

    @Test
    void overdueIsRedFromTheDayTheRuleNames() {
        TaskSignals late =
                with(open(), TODAY.minusDays(2), TODAY.minusDays(2), 90, TODAY, 0, 0, null);
        assertThat(RULES.read(late, TODAY).reasons()).containsExactly(new Reason(Kind.OVERDUE, 2));
        assertThat(RULES.read(late, TODAY).colour()).isEqualTo(Colour.RED);
        ColourRules lenient = ColourRules.of(Map.of("redOverdueDays", 3), RULES);
        assertThat(lenient.read(late, TODAY).colour()).isEqualTo(Colour.AMBER);
        assertThat(lenient.read(late, TODAY.plusDays(1)).colour()).isEqualTo(Colour.RED);
    }

    @Test
    void missedCheckpointsTurnRedAtTheRulesCountAndAmberBelowIt() {
        TaskSignals s = open();
        TaskSignals missed = with(s, s.deadline(), TODAY.minusDays(3), 50, TODAY, 0, 1, null);
        assertThat(RULES.read(missed, TODAY).colour()).isEqualTo(Colour.RED);
        assertThat(RULES.read(missed, TODAY).reasons())
                .containsExactly(new Reason(Kind.MISSED_CHECKPOINTS, 1));
        ColourRules two = ColourRules.of(Map.of("redMissedCheckpoints", 2), RULES);
        assertThat(two.read(missed, TODAY).colour()).isEqualTo(Colour.AMBER);
    }

    @Test
    void returnsSinceTheLastApprovalCount() {
        TaskSignals s = open();
        assertThat(
                        RULES.read(with(s, s.deadline(), s.nextDue(), 50, TODAY, 1, 0, null), TODAY)
                                .colour())
                .isEqualTo(Colour.AMBER);
        ColourReading twice =
                RULES.read(with(s, s.deadline(), s.nextDue(), 50, TODAY, 2, 0, null), TODAY);
        assertThat(twice.colour()).isEqualTo(Colour.RED);
        assertThat(twice.reasons()).containsExactly(new Reason(Kind.RETURNED, 2));
        ColourRules off = ColourRules.of(Map.of("amberReturns", 0, "redReturns", 0), RULES);
        assertThat(
                        off.read(with(s, s.deadline(), s.nextDue(), 50, TODAY, 5, 0, null), TODAY)
                                .colour())
                .isEqualTo(Colour.GREEN);
    }

    @Test
    void daysWithoutAReportCountFromPublicationUntilTheFirst() {
        TaskSignals s = open();
        assertThat(
                        RULES.read(
                                        with(
                                                s,
                                                s.deadline(),
                                                s.nextDue(),
                                                50,
                                                TODAY.minusDays(30),
                                                0,
                                                0,
                                                null),
                                        TODAY)
                                .reasons())
                .containsExactly(new Reason(Kind.SILENT, 30));
        assertThat(
                        RULES.read(
                                        with(
                                                s,
                                                s.deadline(),
                                                s.nextDue(),
                                                50,
                                                TODAY.minusDays(60),
                                                0,
                                                0,
                                                null),
                                        TODAY)
                                .colour())
                .isEqualTo(Colour.RED);
        // Never reported: silent since 1 January (151 days).
        ColourReading never =
                RULES.read(with(s, s.deadline(), s.nextDue(), 50, null, 0, 0, null), TODAY);
        assertThat(never.reasons()).containsExactly(new Reason(Kind.SILENT, 151));
    }

    @Test
    void redReasonsComeFirst() {
        TaskSignals s = open();
        ColourReading r =
                RULES.read(
                        with(
                                s,
                                TODAY.minusDays(1),
                                TODAY.minusDays(1),
                                50,
                                TODAY.minusDays(40),
                                1,
                                0,
                                null),
                        TODAY);
        assertThat(r.reasons())
                .containsExactly(
                        new Reason(Kind.OVERDUE, 1),
                        new Reason(Kind.RETURNED, 1),
                        new Reason(Kind.SILENT, 40));
    }

    @Test
    void finishedIsBlueWhereTheOfficeUsesBlueAndCancelledHasNoColour() {
        TaskSignals s = open();
        TaskSignals done =
                new TaskSignals(
                        TaskStatus.APPROVED,
                        s.deadline(),
                        s.nextDue(),
                        100,
                        s.startedOn(),
                        TODAY,
                        0,
                        0,
                        null);
        assertThat(RULES.read(done, TODAY).colour()).isEqualTo(Colour.BLUE);
        assertThat(ColourRules.of(Map.of("blueForDone", false), RULES).read(done, TODAY).colour())
                .isEqualTo(Colour.GREEN);
        TaskSignals cancelled =
                new TaskSignals(
                        TaskStatus.CANCELLED,
                        TODAY.minusDays(9),
                        TODAY.minusDays(9),
                        0,
                        s.startedOn(),
                        null,
                        3,
                        2,
                        null);
        assertThat(RULES.read(cancelled, TODAY).colour()).isEqualTo(Colour.NONE);
    }

    /** The 瓯海 rule: back on track after red is amber until the approved % has caught up. */
    @Test
    void aTaskThatWasRedStaysAmberUntilItHasCaughtUp() {
        TaskSignals s = open();
        // 1 June is 151 of 364 days: the schedule asks for 41 %.
        assertThat(ColourRules.expectedProgress(s, TODAY)).isEqualTo(41);
        TaskSignals behind =
                with(s, s.deadline(), s.nextDue(), 30, TODAY, 0, 0, TODAY.minusDays(10));
        ColourReading r = RULES.read(behind, TODAY);
        assertThat(r.colour()).isEqualTo(Colour.AMBER);
        assertThat(r.reasons()).containsExactly(new Reason(Kind.RECOVERING, 41));
        assertThat(r.caughtUp()).isFalse();

        TaskSignals caught =
                with(s, s.deadline(), s.nextDue(), 41, TODAY, 0, 0, TODAY.minusDays(10));
        assertThat(RULES.read(caught, TODAY).colour()).isEqualTo(Colour.GREEN);
        assertThat(RULES.read(caught, TODAY).caughtUp()).isTrue();

        ColourRules without = ColourRules.of(Map.of("amberUntilCaughtUp", false), RULES);
        assertThat(without.read(behind, TODAY).colour()).isEqualTo(Colour.GREEN);
        // Never red: behind schedule alone is not a colour.
        assertThat(
                        RULES.read(with(s, s.deadline(), s.nextDue(), 30, TODAY, 0, 0, null), TODAY)
                                .colour())
                .isEqualTo(Colour.GREEN);
    }

    @Test
    void theScheduleRunsFromPublicationToTheDeadline() {
        TaskSignals s = open();
        assertThat(ColourRules.expectedProgress(s, LocalDate.of(2025, 12, 1))).isZero();
        assertThat(ColourRules.expectedProgress(s, LocalDate.of(2027, 1, 1))).isEqualTo(100);
        TaskSignals unknown =
                new TaskSignals(s.status(), s.deadline(), s.nextDue(), 0, null, null, 0, 0, null);
        assertThat(ColourRules.expectedProgress(unknown, TODAY)).isZero();
    }

    @Test
    void rulesOutOfRangeOrOutOfOrderAreNamed() {
        assertThat(RULES.problems()).isEmpty();
        assertThat(ColourRules.of(Map.of("dueSoonDays", -1), RULES).problems())
                .containsExactly("colour.problem.range:dueSoonDays");
        assertThat(ColourRules.of(Map.of("redSilentDays", 400), RULES).problems())
                .containsExactly("colour.problem.range:redSilentDays");
        assertThat(ColourRules.of(Map.of("redOverdueDays", 0), RULES).problems())
                .containsExactly("colour.problem.range:redOverdueDays");
        assertThat(ColourRules.of(Map.of("amberReturns", 3, "redReturns", 2), RULES).problems())
                .containsExactly("colour.problem.order:redReturns");
        assertThat(
                        ColourRules.of(Map.of("amberSilentDays", 30, "redSilentDays", 20), RULES)
                                .problems())
                .containsExactly("colour.problem.order:redSilentDays");
    }

    @Test
    void rulesReadByNameWithTheBaseForWhatIsMissing() {
        assertThat(ColourRules.of(RULES.values(), ColourRules.DEFAULT)).isEqualTo(RULES);
        assertThat(ColourRules.names())
                .startsWith("dueSoonDays")
                .endsWith("amberUntilCaughtUp")
                .hasSize(9);
        ColourRules changed = ColourRules.of(Map.of("dueSoonDays", 3), RULES);
        assertThat(changed.dueSoonDays()).isEqualTo(3);
        assertThat(changed.redSilentDays()).isEqualTo(60);
        assertThatThrownBy(() -> ColourRules.of(Map.of("dueSoonDays", "seven"), RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dueSoonDays");
        assertThatThrownBy(() -> ColourRules.of(Map.of("dueSoonDays", 2.5), RULES))
                .hasMessage("dueSoonDays");
        assertThatThrownBy(() -> ColourRules.of(Map.of("blueForDone", 1), RULES))
                .hasMessage("blueForDone");
    }
}
