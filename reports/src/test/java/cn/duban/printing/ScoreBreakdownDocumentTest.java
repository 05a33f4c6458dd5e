package cn.duban.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class ScoreBreakdownDocumentTest {

    private static final DocumentRenderer RENDERER = new DocumentRenderer();

    @Test
    void pdfShowsLinesAdjustmentsAndTotal() throws IOException {
        ScoreBreakdown breakdown = SampleDocuments.breakdown();

        try (PDDocument doc = PdfChecks.load(RENDERER.scoreBreakdown(breakdown))) {
            String text = PdfChecks.squashedText(doc);
            assertThat(text)
                    .contains(
                            "长寿路街道考核得分明细",
                            "考核方案：2026年度政务公开工作考核方案",
                            "考核周期：2026年第三季度",
                            "综合得分：91.35",
                            "排名：街镇组第3名",
                            "序号考核指标任务计分规则分值",
                            "任务完成率",
                            "逾期完成，每逾期1天扣0.5分",
                            "+30.00",
                            "+26.50",
                            "+15.35",
                            "指标得分小计+90.85",
                            "加分经验做法被市政府办公厅简报刊发+2.00",
                            "扣分政府信箱1件来信超期答复-1.50",
                            "综合得分91.35");
            PdfChecks.assertAllFontsEmbedded(doc);
            PdfChecks.assertNoMissingGlyphs(doc);
        }
        assertThat(PdfChecks.charactersMissingFromFonts(PdfChecks.inputStrings(breakdown)))
                .isEmpty();
    }

    @Test
    void noAdjustmentsSaysSo() throws IOException {
        ScoreBreakdown plain =
                new ScoreBreakdown(
                        "区财政局",
                        "2026年度政务公开工作考核方案",
                        "2026年第三季度",
                        new BigDecimal("30.00"),
                        12,
                        "部门组",
                        List.of(
                                new ScoreBreakdown.Line(
                                        "任务完成率",
                                        "更新重点领域基础信息清单",
                                        "按时完成得满分",
                                        new BigDecimal("30.00"))),
                        List.of());

        try (PDDocument doc = PdfChecks.load(RENDERER.scoreBreakdown(plain))) {
            assertThat(PdfChecks.squashedText(doc)).contains("加分、扣分事项无。", "排名：部门组第12名");
        }
    }
}
