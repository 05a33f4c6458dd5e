package cn.duban.printing;

import static cn.duban.printing.PdfChecks.assertAllFontsEmbedded;
import static cn.duban.printing.PdfChecks.assertNoMissingGlyphs;
import static cn.duban.printing.PdfChecks.squash;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class CircularDocumentTest {

    private static final DocumentRenderer RENDERER = new DocumentRenderer();
    private static final Pattern TABLE_DATE = Pattern.compile("2026-\\d\\d-\\d\\d");
    private static final Pattern PERCENT = Pattern.compile("\\d+\\.\\d%");

    @Test
    void pdfCarriesTheChineseTextAndFigures() throws IOException {
        Circular circular = SampleDocuments.smallCircular();

        try (PDDocument doc = PdfChecks.load(RENDERER.circular(circular, Format.PDF))) {
            String text = PdfChecks.squashedText(doc);
            assertThat(text)
                    .contains(
                            "上海市普陀区人民政府办公室",
                            "普府办通〔2026〕3号",
                            squash(circular.title()),
                            "各街道办事处、镇人民政府，区政府各委、办、局：",
                            "一、总体情况",
                            "二、考核排名",
                            "三、表扬单位",
                            "四、逾期任务点名",
                            "五、下一步工作要求",
                            "2026年第三季度，纳入督办的工作任务共412项，已完成377项（其中按时完成351项），逾期35项，任务完成率91.5%。截至2026年10月15日，在办任务亮红灯7项、黄灯12项、绿灯16项。",
                            "（一）街镇组",
                            "（二）部门组",
                            "长寿路街道",
                            "宜川路街道",
                            "区数据局",
                            "区财政局",
                            "区人力资源社会保障局",
                            "98.75",
                            "98.38",
                            "100.0%",
                            "以下单位本期任务全部按时完成且质量较高，予以通报表扬：长寿路街道、宜川路街道、区数据局、区财政局。",
                            "以下6项任务已超过完成时限仍未完成",
                            "整改到位。经逐级督办仍未办结，予以点名通报：长寿路街道“3推进老旧小区加装电梯”（督办单普府办督〔2026〕3号，已逾期30天）。",
                            "完成政府信息公开工作年度报告编制并按时发布",
                            "2026-09-30",
                            "一要压实工作责任。",
                            "三要强化结果运用。",
                            "2026年10月15日");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(circular.title());
            assertAllFontsEmbedded(doc);
            assertNoMissingGlyphs(doc);
        }
    }

    @Test
    void quietPeriodWithoutRecipientsPraiseOrOverdueTasks() throws IOException {
        Circular full = SampleDocuments.smallCircular();
        Circular quiet =
                new Circular(
                        full.issuingOffice(),
                        full.docNumber(),
                        full.issueDate(),
                        full.title(),
                        null,
                        full.periodLabel(),
                        full.summary(),
                        full.rankingGroups(),
                        new Circular.PraisedUnits(List.of(), full.praisedUnits().reason()),
                        List.of(),
                        "继续做好政务公开各项工作。",
                        full.signature(),
                        null,
                        null,
                        null);

        try (PDDocument doc = PdfChecks.load(RENDERER.circular(quiet, Format.PDF))) {
            String text = PdfChecks.squashedText(doc);
            assertThat(text)
                    .contains("三、表扬单位本期无符合表扬条件的单位。", "四、逾期任务点名本期无逾期任务。五、下一步工作要求")
                    .doesNotContain("各街道办事处", "逾期天数", "逐级督办");
        }
    }

    @Test
    void everyCharacterOfTheInputHasAGlyphInTheBundledFonts() throws IOException {
        List<String> strings = PdfChecks.inputStrings(SampleDocuments.largeCircular());

        assertThat(PdfChecks.charactersMissingFromFonts(strings)).isEmpty();
    }

    @Test
    void largeCircularPaginatesWithRepeatedTableHeadersAndPageNumbers() throws IOException {
        Circular circular = SampleDocuments.largeCircular();

        try (PDDocument doc = PdfChecks.load(RENDERER.circular(circular, Format.PDF))) {
            List<String> pages = PdfChecks.pageTexts(doc);
            int total = pages.size();
            assertThat(total).isGreaterThanOrEqualTo(6);

            int rankingPages = 0;
            int overduePages = 0;
            int overdueRows = 0;
            for (int i = 0; i < total; i++) {
                String page = squash(pages.get(i));
                assertThat(page)
                        .as("page %d footer", i + 1)
                        .contains("第" + (i + 1) + "页共" + total + "页");
                // Rates (96.5%) appear only in the ranking tables and the summary on page 1.
                if (PERCENT.matcher(page).find()) {
                    rankingPages++;
                    assertThat(page)
                            .as("ranking header on page %d", i + 1)
                            .contains("排名单位综合得分完成率按时完成率逾期任务数");
                }
                // Deadline cells (2026-09-30) appear only in the overdue table.
                long rowsOnPage = TABLE_DATE.matcher(page).results().count();
                if (rowsOnPage > 0) {
                    overduePages++;
                    overdueRows += rowsOnPage;
                    assertThat(page)
                            .as("overdue header on page %d", i + 1)
                            .contains("序号责任单位逾期任务完成时限逾期天数");
                }
            }
            assertThat(rankingPages).as("pages with ranking rows").isGreaterThanOrEqualTo(2);
            assertThat(overduePages).as("pages with overdue rows").isGreaterThanOrEqualTo(4);
            assertThat(overdueRows).isEqualTo(200);

            String text = PdfChecks.squashedText(doc);
            Stream.concat(SampleDocuments.STREETS.stream(), SampleDocuments.DEPARTMENTS.stream())
                    .forEach(unit -> assertThat(text).contains(unit));
            assertThat(text).contains("以下200项任务已超过完成时限仍未完成", "80.62");
            assertAllFontsEmbedded(doc);
            assertNoMissingGlyphs(doc);
        }
    }

    @Test
    void anIssuedCircularPrintsTheAuditChainHeadOnEveryPage() throws IOException {
        Circular c = SampleDocuments.largeCircular();
        Circular issued =
                new Circular(
                        c.issuingOffice(),
                        c.docNumber(),
                        c.issueDate(),
                        c.title(),
                        c.recipients(),
                        c.periodLabel(),
                        c.summary(),
                        c.rankingGroups(),
                        c.praisedUnits(),
                        c.overdueRows(),
                        c.nextSteps(),
                        c.signature(),
                        new Circular.AuditAnchor(1234567, "3f2a9c0d1e4b5a6f"),
                        c.colours(),
                        c.supervised());

        try (PDDocument doc = PdfChecks.load(RENDERER.circular(issued, Format.PDF))) {
            List<String> pages = PdfChecks.pageTexts(doc);
            assertThat(pages).hasSizeGreaterThanOrEqualTo(6);
            for (int i = 0; i < pages.size(); i++) {
                assertThat(squash(pages.get(i)))
                        .as("page %d footer", i + 1)
                        .contains(
                                "留痕链头：第1234567条·3f2a9c0d1e4b5a6f",
                                "第" + (i + 1) + "页共" + pages.size() + "页");
            }
            assertNoMissingGlyphs(doc);
        }
        try (XWPFDocument docx =
                        new XWPFDocument(
                                new ByteArrayInputStream(RENDERER.circular(issued, Format.DOCX)));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            assertThat(squash(extractor.getText())).contains("3f2a9c0d1e4b5a6f");
        }
        try (PDDocument draft = PdfChecks.load(RENDERER.circular(c, Format.PDF))) {
            assertThat(PdfChecks.squashedText(draft)).doesNotContain("留痕链头");
        }
    }

    @Test
    void xlsxHoldsUnitNamesAsTextAndScoresAsNumbers() throws IOException {
        Circular circular = SampleDocuments.largeCircular();

        try (XSSFWorkbook workbook =
                new XSSFWorkbook(
                        new ByteArrayInputStream(RENDERER.circular(circular, Format.XLSX)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("工作通报");
            List<String> texts = new ArrayList<>();
            List<Double> numbers = new ArrayList<>();
            DataFormatter formatter = new DataFormatter();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC) {
                        numbers.add(cell.getNumericCellValue());
                    }
                    texts.add(formatter.formatCellValue(cell));
                }
            }
            assertThat(texts)
                    .contains(
                            "上海市普陀区人民政府办公室",
                            "普府办通〔2026〕3号",
                            circular.title(),
                            "长寿路街道",
                            "宜川路街道",
                            "区数据局",
                            "区财政局",
                            "区大数据中心");
            assertThat(numbers).contains(98.75, 80.62);
            assertThat(texts).noneMatch(t -> t.startsWith("第 1 页"));
        }
    }

    @Test
    void docxHoldsTitleAndUnitNames() throws IOException {
        Circular circular = SampleDocuments.smallCircular();

        try (XWPFDocument docx =
                        new XWPFDocument(
                                new ByteArrayInputStream(
                                        RENDERER.circular(circular, Format.DOCX)));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            String text = squash(extractor.getText());
            assertThat(text)
                    .contains(
                            squash(circular.title()),
                            "普府办通〔2026〕3号",
                            "五、下一步工作要求",
                            "长寿路街道",
                            "区人力资源社会保障局",
                            "2026年10月15日");
        }
    }

    @Test
    void rendersConcurrentlyFromOneSharedRenderer() throws Exception {
        Circular circular = SampleDocuments.smallCircular();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Format format = i % 2 == 0 ? Format.PDF : Format.DOCX;
                results.add(pool.submit(() -> RENDERER.circular(circular, format)));
            }
            for (int i = 0; i < results.size(); i += 2) {
                try (PDDocument doc = PdfChecks.load(results.get(i).get())) {
                    assertThat(PdfChecks.squashedText(doc)).contains("普府办通〔2026〕3号", "区人力资源社会保障局");
                }
                assertThat(results.get(i + 1).get()).startsWith((byte) 'P', (byte) 'K');
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
