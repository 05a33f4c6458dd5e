package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.plan.parse.ParseOptions;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParser;
import cn.duban.plan.parse.Point;
import cn.duban.plan.parse.UnitRef;
import cn.duban.plan.parse.UnitRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Word tables keep their structure: cells merged down continue their value, a row of one cell
 * across the table is a section heading, a group column beside numbered items groups them.
 */
class WordTableTest {

    /** Rows of cells; "" under a merged cell is a vMerge continuation, one cell spans the table. */
    private static byte[] docx(int columns, int mergedColumns, String[]... rows)
            throws IOException {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("2025年重点工作任务分解表");
            XWPFTable table = doc.createTable(rows.length, columns);
            for (int r = 0; r < rows.length; r++) {
                XWPFTableRow row = table.getRow(r);
                if (rows[r].length == 1) {
                    while (row.getTableCells().size() > 1) row.removeCell(1);
                    row.getCell(0).setText(rows[r][0]);
                    pr(row.getCell(0)).addNewGridSpan().setVal(BigInteger.valueOf(columns));
                    continue;
                }
                for (int c = 0; c < columns; c++) {
                    XWPFTableCell cell = row.getCell(c);
                    if (!rows[r][c].isEmpty()) cell.setText(rows[r][c]);
                    if (c < mergedColumns && r > 0)
                        pr(cell).addNewVMerge()
                                .setVal(rows[r][c].isEmpty() ? STMerge.CONTINUE : STMerge.RESTART);
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static CTTcPr pr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }

    private static ParsedPlan parse(byte[] docx) {
        return new PlanParser().parse(DocumentReader.read("t.docx", docx), ParseOptions.defaults());
    }

    @Test
    void aCellMergedDownContinuesItsValueAndCellsDoNotShift() throws IOException {
        String text =
                DocumentReader.read(
                        "t.docx",
                        docx(
                                4,
                                1,
                                new String[] {"类别", "序号", "重点工作", "责任单位"},
                                new String[] {"招商引资", "1", "引进项目3个。", "经发办"},
                                new String[] {"", "2", "新增规上企业5家。", "经发办"}));
        assertThat(text).contains("招商引资\t2\t新增规上企业5家。\t经发办\n");
    }

    @Test
    void aRowSpanningTheTableIsASectionNotAPoint() throws IOException {
        ParsedPlan plan =
                parse(
                        docx(
                                4,
                                0,
                                new String[] {"序号", "重点工作", "责任单位", "完成时限"},
                                new String[] {"一、2025年经济社会发展的主要预期目标"},
                                new String[] {"1", "地区生产总值增长6%。", "区发改局", "全年"},
                                new String[] {"2", "城镇新增就业5000人。", "区人社局", "11月"},
                                new String[] {"二、重点工作"},
                                new String[] {"3", "建成5G基站200个。", "区数据局", "6月底前"}));
        assertThat(plan.sections()).hasSize(2);
        assertThat(plan.sections().get(0).title()).startsWith("2025年经济社会发展的主要预期目标");
        assertThat(plan.sections().get(0).points())
                .extracting(Point::number)
                .containsExactly("1", "2");
        assertThat(plan.sections().get(1).points().get(0).title()).startsWith("建成5G基站200个");
    }

    @Test
    void aGroupColumnBesideNumberedItemsIsTheSectionAndTheItemsThePoints() throws IOException {
        ParsedPlan plan =
                parse(
                        docx(
                                5,
                                2,
                                new String[] {"序号", "工作任务", "具体要求", "责任单位", "完成时限"},
                                new String[] {"1", "提升政务服务效能", "1.推行一件事集成办。", "县数据局", "持续推进"},
                                new String[] {"", "", "2.企业开办1日办结。", "县市场监管局", "6月底前"},
                                new String[] {"2", "优化法治环境", "3.开展执法检查。", "县司法局", "第三季度"}));
        assertThat(plan.sections())
                .extracting(s -> s.title())
                .containsExactly("提升政务服务效能", "优化法治环境");
        Point first = plan.sections().get(0).points().get(0);
        assertThat(first.number()).isEqualTo("1");
        assertThat(first.title()).startsWith("推行一件事集成办");
        // 持续推进 is the deadline column's, never a unit
        assertThat(first.units()).containsExactly(new UnitRef("县数据局", false, UnitRole.LEAD));
        assertThat(plan.sections().get(0).points().get(1).number()).isEqualTo("2");
        assertThat(plan.sections().get(1).points()).extracting(Point::number).containsExactly("3");
    }

    @Test
    void aGroupRowInsideATableOutranksACategoryColumn() throws IOException {
        ParsedPlan plan =
                parse(
                        docx(
                                4,
                                1,
                                new String[] {"类别", "序号", "重点工作", "责任单位"},
                                new String[] {"一、经济发展"},
                                new String[] {"招商引资", "1", "引进项目3个。", "经发办"},
                                new String[] {"", "2", "新增规上企业5家。", "经发办"}));
        assertThat(plan.sections()).hasSize(1);
        assertThat(plan.sections().get(0).number()).isEqualTo("一");
        assertThat(plan.sections().get(0).points())
                .extracting(Point::number)
                .containsExactly("1", "2");
    }
}
