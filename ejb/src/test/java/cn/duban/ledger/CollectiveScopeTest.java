package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.plan.CollectiveScope;
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

    @Test
    void aTownsPlanNamesItsSubUnitsByKind() {
        assertThat(CollectiveScope.of("各居委会")).isEqualTo(CollectiveScope.COMMUNITIES);
        assertThat(CollectiveScope.of("各居民区")).isEqualTo(CollectiveScope.COMMUNITIES);
        assertThat(CollectiveScope.of("各社区")).isEqualTo(CollectiveScope.COMMUNITIES);
        assertThat(CollectiveScope.of("各村")).isEqualTo(CollectiveScope.VILLAGES);
        assertThat(CollectiveScope.of("各村委会")).isEqualTo(CollectiveScope.VILLAGES);
        assertThat(CollectiveScope.of("各居村委")).isEqualTo(CollectiveScope.NEIGHBOURHOODS);
        assertThat(CollectiveScope.of("各村（居）委会")).isEqualTo(CollectiveScope.NEIGHBOURHOODS);
        assertThat(CollectiveScope.of("各科室")).isEqualTo(CollectiveScope.OFFICES);
        assertThat(CollectiveScope.of("相关居委会")).isEqualTo(CollectiveScope.CHOOSE);
    }

    @Test
    void kindsFitByWhoseCandidatesTheyAre() {
        // A district plan: 各部门 are departments, 各单位 departments and towns, never a 居委.
        assertThat(
                        Publishing.fits(
                                CollectiveScope.DEPARTMENTS,
                                cn.duban.tenant.UnitKind.DEPARTMENT,
                                false))
                .isTrue();
        assertThat(Publishing.fits(CollectiveScope.ALL_UNITS, cn.duban.tenant.UnitKind.TOWN, false))
                .isTrue();
        assertThat(
                        Publishing.fits(
                                CollectiveScope.ALL_UNITS,
                                cn.duban.tenant.UnitKind.COMMUNITY,
                                false))
                .isFalse();
        // A town's plan: 各部门 are its offices, 各单位 its 下级单位 but not the town, 各街镇 nobody.
        assertThat(
                        Publishing.fits(
                                CollectiveScope.DEPARTMENTS, cn.duban.tenant.UnitKind.OFFICE, true))
                .isTrue();
        assertThat(
                        Publishing.fits(
                                CollectiveScope.DEPARTMENTS,
                                cn.duban.tenant.UnitKind.DEPARTMENT,
                                true))
                .isFalse();
        assertThat(
                        Publishing.fits(
                                CollectiveScope.ALL_UNITS, cn.duban.tenant.UnitKind.VILLAGE, true))
                .isTrue();
        assertThat(Publishing.fits(CollectiveScope.ALL_UNITS, cn.duban.tenant.UnitKind.TOWN, true))
                .isFalse();
        assertThat(Publishing.fits(CollectiveScope.TOWNS, cn.duban.tenant.UnitKind.TOWN, true))
                .isFalse();
        assertThat(
                        Publishing.fits(
                                CollectiveScope.NEIGHBOURHOODS,
                                cn.duban.tenant.UnitKind.COMMUNITY,
                                true))
                .isTrue();
        assertThat(
                        Publishing.fits(
                                CollectiveScope.NEIGHBOURHOODS,
                                cn.duban.tenant.UnitKind.OFFICE,
                                true))
                .isFalse();
    }
}
