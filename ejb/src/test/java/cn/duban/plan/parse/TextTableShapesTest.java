package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text tables of issue 17 item 1: grouped by tab, traditional headers, a classifying column. */
class TextTableShapesTest {

    private static ParsedPlan parse(String text) {
        return new PlanParser().parse(text, ParseOptions.defaults());
    }

    @Test
    void aTabRowWhoseMergedGroupCellIsEmptyKeepsItsColumns() {
        ParsedPlan plan =
                parse(
                        """
                        2025年某镇重点工作任务
                        类别\t序号\t工作任务\t责任领导\t牵头单位\t完成时限
                        产业发展\t1\t新引进亿元以上项目5个。\t张伟\t经济发展办\t2025年12月31日
                        \t2\t完成规上工业产值50亿元。\t张伟\t经济发展办\t全年
                        乡村振兴\t3\t建成高标准农田2000亩。\t刘洋\t农业农村办\t10月底
                        """);
        assertThat(plan.sections()).extracting(Section::title).containsExactly("产业发展", "乡村振兴");
        List<Point> first = plan.sections().get(0).points();
        assertThat(first).extracting(Point::number).containsExactly("1", "2");
        assertThat(first.get(1).title()).startsWith("完成规上工业产值50亿元");
        // the 责任领导 name is a person: neither a point nor a unit
        assertThat(first.get(1).units()).extracting(UnitRef::name).containsExactly("经济发展办");
        assertThat(plan.sections().get(1).points()).extracting(Point::number).containsExactly("3");
    }

    @Test
    void anIndentedProseLineIsNotATableRow() {
        ParsedPlan plan = parse("\t一、总体要求\n\t1.推进数字政府建设。\n");
        assertThat(plan.sections().get(0).points().get(0).title()).startsWith("推进数字政府建设");
    }

    @Test
    void aHeaderInTraditionalCharactersIsRead() {
        ParsedPlan plan =
                parse(
                        """
                        二、重點工作任務分解
                        重點任務 | 工作內容 | 負責科室 |
                        政策解讀 | 對政策文件進行全面解讀。 | 綜合科 |
                        迴應關切 | 及時迴應社會熱點。 | 各業務科室 |
                        """);
        List<Point> points = plan.sections().get(0).points();
        assertThat(points).extracting(Point::title).containsExactly("政策解讀", "迴應關切");
        assertThat(points.get(0).units()).extracting(UnitRef::name).containsExactly("綜合科");
    }

    @Test
    void aTypeColumnAfterTheTaskClassifiesRowsWithoutGroupingThem() {
        ParsedPlan plan =
                parse(
                        """
                        序号 | 任务名称 | 指标要求 | 牵头部门 | 目标类型 |
                        1 | 地区生产总值 | 增长5.5% | 区发改局 | A类 |
                        2 | 固定资产投资 | 增长6% | 区发改局 | B类 |
                        """);
        assertThat(plan.sections()).hasSize(1);
        assertThat(plan.sections().get(0).number()).isEmpty();
        assertThat(plan.sections().get(0).points())
                .extracting(Point::number)
                .containsExactly("1", "2");
    }
}
