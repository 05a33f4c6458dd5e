package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A unit cell copied from a web table separates units by single spaces as well as by 、
 * (huainan-affairs-bureau-2025 of the accuracy corpus); a space inside a name broken by the copy
 * does not separate.
 */
class UnitCellSpacesTest {

    @Test
    void singleSpacesBetweenUnitNamesInACellSeparateThem() {
        ParsedPlan plan =
                new PlanParser()
                        .parse(
                                """
                                序号\t主要任务\t牵头单位\t责任单位
                                1\t严格执行城市公共空间规划建设治理导则。\t市自规局、市城管局 市商务局\t市委社会工作部 市广播电视台
                                """,
                                ParseOptions.defaults());
        Point p = plan.sections().get(0).points().get(0);
        assertThat(p.units())
                .filteredOn(u -> u.role() == UnitRole.LEAD)
                .extracting(UnitRef::name)
                .containsExactly("市自规局", "市城管局", "市商务局");
        assertThat(p.units())
                .filteredOn(u -> u.role() == UnitRole.COOPERATING)
                .extracting(UnitRef::name)
                .containsExactly("市委社会工作部", "市广播电视台");
    }

    @Test
    void aNameBrokenByASpaceStaysOneName() {
        assertThat(UnitAnnotations.spacesAsSeparators("区发改 委")).isEqualTo("区发改 委");
        assertThat(UnitAnnotations.spacesAsSeparators("各乡镇 街道")).isEqualTo("各乡镇 街道");
        assertThat(UnitAnnotations.spacesAsSeparators("市档案局 市气象局\u3000市地震局"))
                .isEqualTo("市档案局、市气象局、市地震局");
    }
}
