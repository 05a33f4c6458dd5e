package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.plan.CollectiveScope;
import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.Milestone;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkpoints, traffic lights and collectives: the publishing and urgency rules. */
class LedgerRulesTest {

    static final LocalDate YEAR_END = LocalDate.of(2025, 12, 31);

    @Test
    void quarterlyRulesGiveThreeCheckpointsBeforeTheYearEndDeadline() {
        assertThat(Checkpoints.of(DeadlineKind.RECURRING, "QUARTERLY", YEAR_END, List.of()))
                .extracting(Checkpoints.Planned::due)
                .containsExactly(
                        LocalDate.of(2025, 3, 31),
                        LocalDate.of(2025, 6, 30),
                        LocalDate.of(2025, 9, 30));
        assertThat(Checkpoints.of(DeadlineKind.RECURRING, "HALF_YEARLY", YEAR_END, List.of()))
                .extracting(Checkpoints.Planned::label)
                .containsExactly("上半年进展报送");
        assertThat(Checkpoints.of(DeadlineKind.RECURRING, "MONTHLY", YEAR_END, List.of()))
                .hasSize(11);
        assertThat(Checkpoints.of(DeadlineKind.RECURRING, "WEEKLY", YEAR_END, List.of())).isEmpty();
    }

    @Test
    void atLeastNTimesAYearIsSpreadEvenly() {
        assertThat(
                        Checkpoints.of(
                                DeadlineKind.FREQUENCY, "AT_LEAST_1_PER_YEAR", YEAR_END, List.of()))
                .isEmpty();
        assertThat(
                        Checkpoints.of(
                                DeadlineKind.FREQUENCY, "AT_LEAST_2_PER_YEAR", YEAR_END, List.of()))
                .extracting(Checkpoints.Planned::due)
                .containsExactly(LocalDate.of(2025, 6, 30));
        assertThat(
                        Checkpoints.of(
                                DeadlineKind.FREQUENCY, "AT_LEAST_3_PER_YEAR", YEAR_END, List.of()))
                .extracting(Checkpoints.Planned::due)
                .containsExactly(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 8, 31));
    }

    @Test
    void milestonesBeforeTheDeadlineBecomeCheckpointsInDateOrder() {
        List<Milestone> ms =
                List.of(
                        new Milestone("9月底前完成验收", LocalDate.of(2025, 9, 30)),
                        new Milestone("6月底前制定方案", LocalDate.of(2025, 6, 30)),
                        new Milestone("年底前全面完成", YEAR_END));
        assertThat(Checkpoints.of(DeadlineKind.BY_DATE, null, YEAR_END, ms))
                .extracting(Checkpoints.Planned::label)
                .containsExactly("6月底前制定方案", "9月底前完成验收");
        // A milestone and a quarterly date on the same day are one checkpoint (the milestone's
        // words win).
        assertThat(Checkpoints.of(DeadlineKind.RECURRING, "QUARTERLY", YEAR_END, ms))
                .extracting(Checkpoints.Planned::label)
                .containsExactly("第一季度进展报送", "6月底前制定方案", "9月底前完成验收");
    }

    @Test
    void collectivesExpandToTheRightUnits() {
        assertThat(CollectiveScope.of("各街镇")).isEqualTo(CollectiveScope.TOWNS);
        assertThat(CollectiveScope.of("各街道（镇）")).isEqualTo(CollectiveScope.TOWNS);
        assertThat(CollectiveScope.of("各镇")).isEqualTo(CollectiveScope.TOWNS);
        assertThat(CollectiveScope.of("各部门")).isEqualTo(CollectiveScope.DEPARTMENTS);
        assertThat(CollectiveScope.of("区各委办局")).isEqualTo(CollectiveScope.DEPARTMENTS);
        assertThat(CollectiveScope.of("各部门、各街镇")).isEqualTo(CollectiveScope.ALL_UNITS);
        assertThat(CollectiveScope.of("各单位")).isEqualTo(CollectiveScope.ALL_UNITS);
        assertThat(CollectiveScope.of("相关部门")).isEqualTo(CollectiveScope.CHOOSE);
        assertThat(CollectiveScope.of("有关单位")).isEqualTo(CollectiveScope.CHOOSE);
        assertThat(CollectiveScope.of("其他成员单位")).isEqualTo(CollectiveScope.CHOOSE);
    }
}
