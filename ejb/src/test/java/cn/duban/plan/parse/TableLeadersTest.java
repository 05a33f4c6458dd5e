package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A 责任领导 / 分管领导 column holds people: kept on the point as leaders, never units. */
class TableLeadersTest {

    @Test
    void leadersOfATableRowAreKeptOnThePoint() {
        ParsedPlan plan =
                new PlanParser()
                        .parse(
                                """
                                序号\t重点工作\t分管领导\t责任单位\t完成时限
                                1\t推进千兆光网建设。\t王明、 李强\t区数据局、各街镇\t6月底前
                                2\t完善数据平台。\t\t区数据局\t全年
                                """,
                                ParseOptions.defaults());
        List<Point> points = plan.sections().get(0).points();
        assertThat(points.get(0).leaders()).containsExactly("王明", "李强");
        assertThat(points.get(0).units()).extracting(UnitRef::name).containsExactly("区数据局", "各街镇");
        assertThat(points.get(1).leaders()).isEmpty();
    }

    @Test
    void proseHasNoLeaders() {
        ParsedPlan plan =
                new PlanParser().parse("一、总体\n1.推进数字政府建设。（区数据局负责）\n", ParseOptions.defaults());
        assertThat(plan.sections().get(0).points().get(0).leaders()).isEmpty();
    }

    @Test
    void namesSplitAtEveryListMark() {
        assertThat(TableReader.people("张伟，李强/王芳；赵六　钱七、张伟"))
                .containsExactly("张伟", "李强", "王芳", "赵六", "钱七");
    }
}
