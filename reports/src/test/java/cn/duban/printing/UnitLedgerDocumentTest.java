package cn.duban.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

class UnitLedgerDocumentTest {

    private static final DocumentRenderer RENDERER = new DocumentRenderer();

    @Test
    void landscapePdfListsTheUnitsTasks() throws IOException {
        UnitLedger ledger = SampleDocuments.ledger();

        try (PDDocument doc = PdfChecks.load(RENDERER.unitLedger(ledger))) {
            for (PDPage page : doc.getPages()) {
                // OpenPDF writes landscape as a rotated portrait page; either way it must display
                // wider than tall.
                boolean rotated = page.getRotation() % 180 != 0;
                boolean wide = page.getMediaBox().getWidth() > page.getMediaBox().getHeight();
                assertThat(rotated != wide).as("page displays landscape").isTrue();
            }
            List<String> pages = PdfChecks.pageTexts(doc);
            assertThat(pages).hasSizeGreaterThan(1);
            for (int i = 0; i < pages.size(); i++) {
                assertThat(PdfChecks.squash(pages.get(i)))
                        .contains(
                                "序号工作要点具体任务牵头/配合完成时限进展情况状态",
                                "第" + (i + 1) + "页共" + pages.size() + "页");
            }
            String text = PdfChecks.squashedText(doc);
            assertThat(text)
                    .contains(
                            "2026年政务公开工作要点任务台账",
                            "单位：宜川路街道",
                            "导出日期：2026年10月16日",
                            "（一）深化重点领域信息公开",
                            "更新重点领域基础信息清单",
                            "长期坚持",
                            "2026年12月底前",
                            "牵头",
                            "配合",
                            "已完成",
                            "推进中",
                            "已逾期",
                            "第24批材料已报送区政府办公室审核。",
                            "共24项任务。");
            PdfChecks.assertAllFontsEmbedded(doc);
            PdfChecks.assertNoMissingGlyphs(doc);
        }
        assertThat(PdfChecks.charactersMissingFromFonts(PdfChecks.inputStrings(ledger))).isEmpty();
    }

    @Test
    void emptyLedgerStillRenders() throws IOException {
        UnitLedger empty =
                new UnitLedger("2026年政务公开工作要点任务台账", "区数据局", LocalDate.of(2026, 10, 16), List.of());

        try (PDDocument doc = PdfChecks.load(RENDERER.unitLedger(empty))) {
            assertThat(PdfChecks.squashedText(doc)).contains("单位：区数据局", "暂无任务。");
        }
    }
}
