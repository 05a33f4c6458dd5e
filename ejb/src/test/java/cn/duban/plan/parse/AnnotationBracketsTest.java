package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Annotations in square and tortoise-shell brackets, as real plans write them (xialu-district-2020,
 * ganzhou-city-2023, nanchang-devzone-2023 of the accuracy corpus): the closing bracket is not part
 * of the last unit's name.
 */
class AnnotationBracketsTest {

    private static List<UnitRef> units(String line) {
        ParsedPlan plan = new PlanParser().parse(line, ParseOptions.defaults());
        return plan.sections().get(0).points().get(0).units();
    }

    @Test
    void squareBracketsEncloseTheAnnotation() {
        List<UnitRef> units = units("1、切实提高政治站位。[牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)]\n");
        assertThat(units)
                .extracting(UnitRef::name)
                .containsExactly("区卫健局", "区疫情防控指挥部成员单位", "各街办(新区)");
        assertThat(units.get(0).role()).isEqualTo(UnitRole.LEAD);
    }

    @Test
    void tortoiseShellBracketsEncloseTheAnnotationWithBracketsInside() {
        List<UnitRef> units = units("1.强化重大战略部署落实情况信息公开。〔责任单位:市政府各部门,各县(市、区)人民政府〕\n");
        assertThat(units).extracting(UnitRef::name).containsExactly("市政府各部门", "各县(市、区)人民政府");
    }

    @Test
    void aDocNumberInTortoiseShellBracketsIsNoAnnotation() {
        ParsedPlan plan =
                new PlanParser().parse("1.落实〔2023〕5号文件要求。(责任单位:区府办)\n", ParseOptions.defaults());
        Point p = plan.sections().get(0).points().get(0);
        assertThat(p.units()).extracting(UnitRef::name).containsExactly("区府办");
        assertThat(p.title()).startsWith("落实〔2023〕5号文件要求");
    }
}
