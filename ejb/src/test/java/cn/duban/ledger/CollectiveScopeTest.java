package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A collective narrowed by a qualifier names some units of a kind: a person picks them. */
class CollectiveScopeTest {

    @Test
    void qualifiedCollectivesAreLeftForAPersonToChoose() {
        assertThat(CollectiveScope.of("各行政执法部门"))
                .as("not all 22 departments")
                .isEqualTo(CollectiveScope.CHOOSE);
        assertThat(CollectiveScope.of("各窗口单位")).isEqualTo(CollectiveScope.CHOOSE);
        assertThat(CollectiveScope.of("各涉农街镇")).isEqualTo(CollectiveScope.CHOOSE);
        assertThat(CollectiveScope.of("各成员单位")).isEqualTo(CollectiveScope.CHOOSE);
        assertThat(CollectiveScope.of("各行政执法部门、各街镇")).isEqualTo(CollectiveScope.CHOOSE);
    }

    @Test
    void wholeKindsStillExpand() {
        assertThat(CollectiveScope.of("各部门")).isEqualTo(CollectiveScope.DEPARTMENTS);
        assertThat(CollectiveScope.of("各区级部门")).isEqualTo(CollectiveScope.DEPARTMENTS);
        assertThat(CollectiveScope.of("区各委办局")).isEqualTo(CollectiveScope.DEPARTMENTS);
        assertThat(CollectiveScope.of("各街镇")).isEqualTo(CollectiveScope.TOWNS);
        assertThat(CollectiveScope.of("各街道（镇）")).isEqualTo(CollectiveScope.TOWNS);
        assertThat(CollectiveScope.of("各镇")).isEqualTo(CollectiveScope.TOWNS);
        assertThat(CollectiveScope.of("各部门、各街镇")).isEqualTo(CollectiveScope.ALL_UNITS);
        assertThat(CollectiveScope.of("各单位")).isEqualTo(CollectiveScope.ALL_UNITS);
    }
}
