package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Web tables pasted one cell per line, in the shapes the unseen documents of the accuracy corpus
 * showed (corpus/unseen): the {@code |} on a line of its own, a group column before an unnamed
 * number column, header cells that are not column words, rows a cell short.
 */
class WebTableCopiesTest {

    private static ParsedPlan parse(String text) {
        return new PlanParser().parse(text, new ParseOptions(2024, null));
    }

    private static List<Point> points(ParsedPlan plan) {
        return plan.sections().stream().flatMap(s -> s.points().stream()).toList();
    }

    @Test
    void aGroupColumnBeforeTheNumberWithBarsOnTheirOwnLines() {
        ParsedPlan plan =
                parse(
                        """
                        工作任务
                        |
                        具体要求
                        |
                        责任科室
                        |
                        时限要求
                        |
                        强化行政规范性文件集中规范公开
                        |
                        1
                        |
                        对行政规范性文件进行全面清理。
                        |
                        办公室
                        |
                        年底前
                        |
                        做好主动公开基础工作
                        |
                        2
                        |
                        严格规范政府信息公开专栏。
                        |
                        各科室
                        |
                        持续推进
                        |
                        3
                        |
                        规范做好政府信息公开工作年度报告编制发布工作。
                        |
                        办公室
                        |
                        9月底前
                        |
                        """);
        assertThat(plan.sections())
                .extracting(Section::title)
                .containsExactly("强化行政规范性文件集中规范公开", "做好主动公开基础工作");
        assertThat(plan.sections().get(1).points())
                .extracting(Point::number)
                .containsExactly("2", "3");
        Point third = plan.sections().get(1).points().get(1);
        assertThat(third.title()).startsWith("规范做好政府信息公开工作年度报告");
        assertThat(third.units()).extracting(UnitRef::name).containsExactly("办公室");
        assertThat(third.deadline().date()).hasToString("2024-09-30");
    }

    @Test
    void headerCellsBeyondTheColumnWordsBelongToTheHeader() {
        ParsedPlan plan =
                parse(
                        """
                        2025年主要任务落实情况
                        序号 |
                        主要任务 |
                        牵头单位 |
                        落实情况 |
                        145 |
                        严格执行城市公共空间规划建设治理导则。 |
                        市城管局 |
                        扎实开展道路、游园等城市基础设施建设工作。 |
                        249 |
                        支持志愿服务等事业发展。 |
                        市委社会工作部 |
                        上半年完成接待任务175批次。 |
                        """);
        assertThat(points(plan)).extracting(Point::number).containsExactly("145", "249");
        assertThat(points(plan).get(0).title()).startsWith("严格执行城市公共空间规划建设治理导则");
        assertThat(points(plan).get(1).units())
                .extracting(UnitRef::name)
                .containsExactly("市委社会工作部");
    }

    @Test
    void rowsACellShortAreRealignedByTheLeadersName() {
        ParsedPlan plan =
                parse(
                        """
                        2023年区政府重点民生实事项目推进情况
                        序号 |
                        主要任务 |
                        全年目标任务 |
                        分管 领导 |
                        牵头 单位 |
                        责任主体与协同单位 |
                        1-10月推进情况 |
                        是否达序 |
                        说明 |
                        24 |
                        优化提升50条背街后巷交通组织。 |
                        徐国江 |
                        城管局 |
                        市政局、相关街道 |
                        已进场施工,完成30%。 |
                        是 |
                        ||
                        25 |
                        新增四分类达标小区210个。 |
                        徐国江 |
                        城管局 |
                        市政局、各街道 |
                        在46个小区建成38个厢房。 |
                        否 |
                        项目于9月28才签订合同。 |
                        |
                        26 |
                        新建建筑垃圾中转站8个。 |
                        徐国江 |
                        城管局 |
                        相关街道 |
                        已建成中转站7个。 |
                        是 |
                        """);
        List<Point> points = points(plan);
        assertThat(points).extracting(Point::number).containsExactly("24", "25", "26");
        for (Point p : points) {
            assertThat(p.leaders()).containsExactly("徐国江");
            assertThat(p.units())
                    .filteredOn(u -> u.role() == UnitRole.LEAD)
                    .extracting(UnitRef::name)
                    .containsExactly("城管局");
        }
        assertThat(points.get(1).units())
                .filteredOn(u -> u.role() == UnitRole.COOPERATING)
                .extracting(UnitRef::name)
                .containsExactly("市政局", "各街道");
    }

    @Test
    void aLoneBarClosesTheLineBeforeIt() {
        assertThat(Tables.barLinesJoined(List.of("工作任务", "|", "是 |", "||", "说明 |", "|")))
                .containsExactly("工作任务|", "是 |", "||", "说明 |", "|");
    }

    @Test
    void aPersonsNameIsNotAUnit() {
        assertThat(Tables.looksLikeName("徐国江")).isTrue();
        assertThat(Tables.looksLikeName("城管局")).isFalse();
        assertThat(Tables.looksLikeName("相关街道")).isFalse();
        assertThat(Tables.looksLikeName("是")).isFalse();
    }
}
