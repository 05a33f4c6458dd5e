package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prose annotations the accuracy corpus read wrongly until 2026-11-30 (city-prose-nested-2025,
 * xianyang-city-2022, xunyang-district-2023, yuncheng-city-2017): a deadline among the names, an
 * unlabelled bracket of units at a point's end, traditional-script labels, a bare 责任单位 bracket
 * after a 牵头 one, units on their own line after the last sub-item.
 */
class ProseAnnotationsTest {

    private static List<Point> points(String text) {
        return new PlanParser().parse(text, ParseOptions.defaults()).sections().get(0).points();
    }

    private static Point first(String text) {
        return points(text).get(0);
    }

    @Test
    void aDeadlineAmongTheNamesIsTheDeadlineNotAUnit() {
        Point p = first("临江市2025年工作要点\n1.推行工业用地“标准地”出让。（市自然资源局牵头，各区县人民政府配合，2025年底前完成）\n");
        assertThat(p.units())
                .extracting(UnitRef::name, UnitRef::role)
                .containsExactly(
                        tuple("市自然资源局", UnitRole.LEAD), tuple("各区县人民政府", UnitRole.COOPERATING));
        assertThat(p.deadline().text()).isEqualTo("2025年底前完成");
        assertThat(p.deadline().date()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void aDeadlineAfterASemicolonInsideTheAnnotationIsRead() {
        Point p = first("1.推出集成服务事项10个。（市数据局牵头，市直各有关部门按职责分工负责；2025年6月底）\n");
        assertThat(p.deadline().date()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(p.units()).extracting(UnitRef::name).containsExactly("市数据局", "市直各有关部门");
    }

    @Test
    void anUnlabelledBracketOfUnitsAtTheEndNamesTheUnits() {
        List<Point> ps =
                points(
                        "1.梳理政策清单，9月底前公布。（市发展改革委）\n"
                                + "2.建设政策兑现平台。（市数据局（市政务服务中心）负责）\n"
                                + "3.盘活闲置土地1.5万亩。（市自然资源局，2025年11月）\n");
        assertThat(ps.get(0).units()).extracting(UnitRef::name).containsExactly("市发展改革委");
        assertThat(ps.get(1).units()).extracting(UnitRef::name).containsExactly("市数据局（市政务服务中心）");
        assertThat(ps.get(1).title()).isEqualTo("建设政策兑现平台");
        assertThat(ps.get(2).units()).extracting(UnitRef::name).containsExactly("市自然资源局");
        assertThat(ps.get(2).deadline().date()).isEqualTo(LocalDate.of(2025, 11, 30));
    }

    @Test
    void aBracketThatNamesNoBodyIsPartOfTheTitle() {
        List<Point> ps = points("1.制定政务公开工作规范（试行）\n2.编制专项规划（2025—2027年）\n3.开展专项行动（每季度）\n");
        assertThat(ps).allSatisfy(p -> assertThat(p.units()).isEmpty());
        assertThat(ps.get(0).title()).isEqualTo("制定政务公开工作规范（试行）");
    }

    @Test
    void traditionalScriptLabelsAreRead() {
        Point p =
                first(
                        "1.全面實施行政許可事項清單管理。(市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,"
                                + "市級各有關部門及各縣市區政府按職責分工負責)\n");
        assertThat(p.units())
                .extracting(UnitRef::name, UnitRef::role)
                .containsExactlyInAnyOrder(
                        tuple("市政府辦公室", UnitRole.LEAD),
                        tuple("市行政審批制度改革工作領導小組辦公室", UnitRole.LEAD),
                        tuple("市級各有關部門", UnitRole.COOPERATING),
                        tuple("各縣市區政府", UnitRole.COOPERATING));
        assertThat(p.title()).isEqualTo("全面實施行政許可事項清單管理");
    }

    @Test
    void aBareResponsibleUnitBracketAfterALeadBracketLeads() {
        Point p = first("(一)做好信息公开。推进产业升级(牵头单位:区发改委;责任单位:各街道)、" + "深化国有企业改革行动。(责任单位:区国资中心)\n");
        assertThat(p.units())
                .extracting(UnitRef::name, UnitRef::role)
                .containsExactly(
                        tuple("区发改委", UnitRole.LEAD),
                        tuple("各街道", UnitRole.COOPERATING),
                        tuple("区国资中心", UnitRole.LEAD));
    }

    @Test
    void unitsOnTheirOwnLineAfterTheLastSubItemBelongToThePoint() {
        Point p =
                first(
                        "1.完善应急预案体系\n"
                                + "(1)加强应急预案管理,规范应急预案编制。\n"
                                + "(2)推进应急预案“精编化”。\n"
                                + "(3)加强应急预案演练。\n"
                                + "(责任单位:市直各有关单位、各开发区管委会)\n");
        assertThat(p.units()).extracting(UnitRef::name).containsExactly("市直各有关单位", "各开发区管委会");
        assertThat(p.children()).allSatisfy(c -> assertThat(c.units()).isEmpty());
    }

    @Test
    void unitsOnTheirOwnLineStayWithASubItemWhenItsSiblingsHaveTheirOwn() {
        Point p =
                first(
                        "1.完善应急预案体系\n"
                                + "(1)加强应急预案管理。\n"
                                + "(责任单位:市应急局)\n"
                                + "(2)加强应急预案演练。\n"
                                + "(责任单位:市消防救援支队)\n");
        assertThat(p.units()).isEmpty();
        assertThat(p.children().get(1).units())
                .extracting(UnitRef::name)
                .containsExactly("市消防救援支队");
    }

    @Test
    void aYearMonthDeadlineInTheTextIsFound() {
        Point p = first("1.全面实施清单管理。依据国家清单，2022年10月底前编制并公布市、县两级清单。\n");
        assertThat(p.deadline().date()).isEqualTo(LocalDate.of(2022, 10, 31));
    }
}
