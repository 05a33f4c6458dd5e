package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * "X、Y分别负责落实" names units that each answer for their own share: every one leads, as with 按职责分工负责
 * (GOLD.md; web-scrape-district-2024, broken-lines-district-2025 of the corpus).
 */
class EachResponsibleTest {

    private static Point point(String text) {
        return new PlanParser()
                .parse(text, ParseOptions.defaults())
                .sections()
                .get(0)
                .points()
                .get(0);
    }

    @Test
    void everyUnitNamedBeforeFenbieFuzeLeads() {
        Point p = point("2、推进行政执法公示。（区委组织部、区司法局分别负责落实）\n");
        assertThat(p.units())
                .extracting(UnitRef::name, UnitRef::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("区委组织部", UnitRole.LEAD),
                        org.assertj.core.groups.Tuple.tuple("区司法局", UnitRole.LEAD));
    }

    @Test
    void withADeadlineLabelAfterIt() {
        Point p = point("2、完善城运平台。（区城运中心、各街镇分别负责落实，完成时限：11月）\n");
        assertThat(p.units()).allMatch(u -> u.role() == UnitRole.LEAD);
        assertThat(p.units()).extracting(UnitRef::name).containsExactly("区城运中心", "各街镇");
    }

    @Test
    void aLeadNamedWithQiantouStillLeadsAlone() {
        Point p = point("2、推进公开。（区司法局牵头，各部门分别负责落实）\n");
        assertThat(p.units())
                .filteredOn(u -> u.role() == UnitRole.LEAD)
                .extracting(UnitRef::name)
                .containsExactly("区司法局");
    }
}
