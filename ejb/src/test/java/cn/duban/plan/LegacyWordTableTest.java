package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.plan.parse.ParseOptions;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParser;
import cn.duban.plan.parse.Point;
import cn.duban.plan.parse.Section;
import cn.duban.plan.parse.UnitRef;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Word 97–2003 tables keep their structure as .docx tables do: cells merged down hold the value of
 * the cell they continue, a row of one cell across the table is a section heading.
 */
class LegacyWordTableTest {

    @Test
    void mergedCellsOfADocTableContinueAndRowsAcrossAreSections() throws IOException {
        String text =
                DocumentReader.read("plan.doc", resource("/documents/plan-doc-merged-2025.doc"));
        assertThat(text)
                .contains("序号\t工作任务\t具体要求\t责任单位\t完成时限\n")
                .contains("\n一、优化营商环境\n")
                .contains("1\t深化“一网通办”改革\t2.完善电子证照共享应用。\t区行政服务中心\t全年\n");
        ParsedPlan plan = new PlanParser().parse(text, ParseOptions.defaults());
        assertThat(plan.sections()).extracting(Section::title).containsExactly("优化营商环境", "加强政务公开");
        var first = plan.sections().get(0).points();
        assertThat(first).extracting(Point::number).containsExactly("1", "2");
        for (Point p : first)
            assertThat(p.units()).extracting(UnitRef::name).containsExactly("区行政服务中心");
        assertThat(first.get(1).deadline().text()).isEqualTo("全年");
        assertThat(plan.sections().get(1).points().get(0).units())
                .extracting(UnitRef::name)
                .containsExactly("区司法局", "各街道办事处");
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = LegacyWordTableTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
