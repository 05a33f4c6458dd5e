package cn.duban.ledger.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.platform.DubanException;
import cn.duban.platform.office.OfficeFile;
import cn.duban.platform.office.SheetStream;
import cn.duban.platform.office.Workbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The limits of a ledger import, and that a normal ledger still reads as it did. */
class LedgerSheetLimitsTest {

    @Test
    void tooManyRowsIs413AndTheRowsUpToTheLimitAreFine() {
        LedgerSheet.Read ok = LedgerSheet.read(ledger(LedgerSheet.MAX_ROWS));
        assertThat(ok.rows()).hasSize(LedgerSheet.MAX_ROWS);
        assertThatThrownBy(() -> LedgerSheet.read(ledger(LedgerSheet.MAX_ROWS + 1)))
                .isInstanceOfSatisfying(
                        LedgerSheet.Unreadable.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(413);
                            assertThat(e.code()).isEqualTo("ledger.import.too-many-rows");
                        });
    }

    @Test
    void blankRowsDoNotCountButCostLittle() {
        UUID id = UUID.randomUUID();
        byte[] xlsx =
                Workbooks.workbook(
                        new String[] {"任务编号", "进展情况", id.toString(), "已完成"},
                        out -> {
                            out.write(
                                    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>");
                            for (int r = 2; r < 200_000; r++)
                                out.write(
                                        "<row r=\"" + r + "\"><c r=\"A" + r + "\" s=\"0\"/></row>");
                            out.write(
                                    "<row r=\"200000\"><c r=\"A200000\" t=\"s\"><v>2</v></c><c r=\"B200000\" t=\"s\"><v>3</v></c></row>");
                        });
        LedgerSheet.Read read = LedgerSheet.read(xlsx);
        assertThat(read.errors()).isEmpty();
        assertThat(read.rows()).containsExactly(new LedgerSheet.Filled(200_000, id, "已完成", null));
    }

    @Test
    void aZipBombIs400() throws IOException {
        // 60 MB of one repeated row: deflate shrinks it over 1,000 times.
        byte[] xlsx =
                Workbooks.workbook(
                        new String[] {"任务编号", "进展情况"},
                        out -> {
                            out.write(
                                    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>");
                            String blank = "<row><c t=\"inlineStr\"><is><t>  </t></is></c></row>";
                            for (int i = 0; i < 60_000_000 / blank.length(); i++) out.write(blank);
                        });
        assertThat(xlsx.length).isLessThan(200_000);
        assertThatThrownBy(() -> LedgerSheet.read(xlsx))
                .isInstanceOfSatisfying(
                        LedgerSheet.Unreadable.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.code()).isEqualTo("ledger.import.format");
                            assertThat(e.getMessage()).contains("压缩比异常");
                        });
    }

    @Test
    void aCellLongerThanExcelAllowsIs400() {
        String huge = "进".repeat(SheetStream.MAX_CELL_CHARS + 1);
        byte[] inline =
                Workbooks.workbook(
                        null,
                        out ->
                                out.write(
                                        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                                                + huge
                                                + "</t></is></c></row>"));
        byte[] shared =
                Workbooks.workbook(
                        new String[] {huge},
                        out -> out.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"));
        for (byte[] xlsx : List.of(inline, shared)) {
            assertThatThrownBy(() -> LedgerSheet.read(xlsx))
                    .isInstanceOfSatisfying(
                            LedgerSheet.Unreadable.class,
                            e -> {
                                assertThat(e.status()).isEqualTo(400);
                                assertThat(e.code()).isEqualTo("ledger.import.format");
                                assertThat(e.getMessage()).contains("32767");
                            });
        }
    }

    @Test
    void aDeclaredStringCountDoesNotSizeAnything() {
        // Read as POI's read-only table does, uniqueCount sized an ArrayList up front: 2 billion of
        // them.
        UUID id = UUID.randomUUID();
        byte[] xlsx =
                Workbooks.workbook(
                        new String[] {"任务编号", "进展情况", id.toString(), "推进中"},
                        out ->
                                out.write(
                                        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                                                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>"));
        byte[] declared =
                replaceEntry(
                        xlsx,
                        "xl/sharedStrings.xml",
                        "<sst xmlns=\"" + Workbooks.MAIN + "\"",
                        "<sst xmlns=\""
                                + Workbooks.MAIN
                                + "\" count=\"2000000000\" uniqueCount=\"2000000000\"");
        assertThat(LedgerSheet.read(declared).rows())
                .containsExactly(new LedgerSheet.Filled(2, id, "推进中", null));
    }

    @Test
    void aPartThatExpandsPastItsLimitIsRefusedWhileItIsRead() {
        byte[] xlsx = ledger(2_000);
        OfficeFile.Limits small =
                new OfficeFile.Limits(100, 64L << 20, 1 << 20, Map.of("xl/worksheets/", 50_000L));
        assertThatThrownBy(
                        () -> {
                            try (OfficeFile file = OfficeFile.open(xlsx, small)) {
                                SheetStream.read(
                                        file,
                                        true,
                                        new SheetStream.Formatter(),
                                        (row, col, text, number, format) -> {});
                            }
                        })
                .isInstanceOfSatisfying(
                        OfficeFile.Refused.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(OfficeFile.Kind.TOO_LARGE);
                            assertThat(e.getMessage()).contains("xl/worksheets/sheet1.xml");
                        });
        OfficeFile.Limits fewEntries = new OfficeFile.Limits(3, 64L << 20, 1 << 20, Map.of());
        assertThatThrownBy(() -> OfficeFile.open(xlsx, fewEntries).close())
                .isInstanceOfSatisfying(
                        OfficeFile.Refused.class,
                        e -> assertThat(e.kind()).isEqualTo(OfficeFile.Kind.MALFORMED));
    }

    @Test
    void atMostTwoFilesAreExpandedAtOnce() {
        byte[] xlsx = ledger(3);
        OfficeFile first = OfficeFile.open(xlsx, OfficeFile.Limits.XLSX);
        OfficeFile second = OfficeFile.open(xlsx, OfficeFile.Limits.XLSX);
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> LedgerSheet.read(xlsx))
                    .isInstanceOfSatisfying(
                            DubanException.class,
                            e -> {
                                assertThat(e.status()).isEqualTo(503);
                                assertThat(e.code()).isEqualTo("import.busy");
                            });
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .isGreaterThanOrEqualTo(OfficeFile.WAIT_SECONDS * 1000L - 50);
        } finally {
            first.close();
        }
        assertThat(LedgerSheet.read(xlsx).rows()).hasSize(3);
        second.close();
        second.close(); // twice is harmless: the permit is given back once
        assertThat(LedgerSheet.read(xlsx).rows()).hasSize(3);
    }

    @Test
    void aNormalLedgerReadsAsBefore() throws IOException {
        // Cells as people leave them: title rows, styled empty cells, numbers as text, formulas, a
        // percentage format.
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("台账");
            wb.createSheet("说明")
                    .createRow(0)
                    .createCell(0)
                    .setCellValue(UUID.randomUUID().toString()); // never read
            s.createRow(0).createCell(3).setCellValue("2025年任务台账");
            XSSFRow h = s.createRow(1);
            String[] heads = {"序号", "任务编号", "进展情况", "完成进度%"};
            for (int i = 0; i < heads.length; i++) h.createCell(i + 1).setCellValue(heads[i]);
            var pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            var border = wb.createCellStyle();
            border.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            XSSFRow r1 = s.createRow(2);
            r1.createCell(1).setCellValue(1);
            r1.createCell(2).setCellValue(a.toString());
            r1.createCell(3).setCellValue("  第一季度完成  ");
            r1.createCell(4).setCellFormula("40+5");
            r1.createCell(9).setCellStyle(border);
            XSSFRow blank = s.createRow(3);
            blank.createCell(2).setCellStyle(border);
            blank.createCell(3).setCellValue("   ");
            XSSFRow r2 = s.createRow(5);
            r2.createCell(2).setCellValue(b.toString());
            XSSFCell p2 = r2.createCell(4);
            p2.setCellValue(0.6);
            p2.setCellStyle(pct);
            XSSFRow r3 = s.createRow(6);
            r3.createCell(2).setCellValue(c.toString());
            r3.createCell(3).setCellValue("全部完成\n共12项");
            r3.createCell(4).setCellValue("１００％");
            wb.setForceFormulaRecalculation(false);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            xlsx = out.toByteArray();
        }
        LedgerSheet.Read read = LedgerSheet.read(xlsx);
        assertThat(read.errors()).isEmpty();
        assertThat(read.rows())
                .containsExactly(
                        new LedgerSheet.Filled(3, a, "第一季度完成", 45),
                        new LedgerSheet.Filled(6, b, null, 60),
                        new LedgerSheet.Filled(7, c, "全部完成\n共12项", 100));
    }

    @Test
    void theExportedLedgerOfTheLargestImportReadsBack() {
        List<LedgerRow> rows = new ArrayList<>();
        for (int i = 0; i < LedgerSheet.MAX_ROWS; i++)
            rows.add(LedgerSheetTest.row(i, UUID.randomUUID(), "进展" + i, i % 101));
        LedgerSheet.Read read = LedgerSheet.read(LedgerSheet.write("台账", "", rows));
        assertThat(read.errors()).isEmpty();
        assertThat(read.rows()).hasSize(LedgerSheet.MAX_ROWS);
        assertThat(read.rows().get(19_999))
                .isEqualTo(
                        new LedgerSheet.Filled(
                                20_003, rows.get(19_999).taskId(), "进展19999", 19_999 % 101));
    }

    /** A ledger of n rows with the three import columns. */
    private static byte[] ledger(int n) {
        return Workbooks.workbook(
                new String[] {"任务编号", "进展情况", "完成进度(%)"},
                out -> {
                    out.write(
                            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>");
                    for (int r = 2; r <= n + 1; r++) {
                        out.write(
                                "<row r=\""
                                        + r
                                        + "\"><c r=\"A"
                                        + r
                                        + "\" t=\"inlineStr\"><is><t>"
                                        + new UUID(7, r)
                                        + "</t></is></c>"
                                        + "<c r=\"B"
                                        + r
                                        + "\" t=\"inlineStr\"><is><t>进展"
                                        + r
                                        + "</t></is></c><c r=\"C"
                                        + r
                                        + "\"><v>50</v></c></row>");
                    }
                });
    }

    private static byte[] replaceEntry(byte[] zip, String name, String from, String to) {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    byte[] data = in.readAllBytes();
                    if (e.getName().equals(name)) {
                        data =
                                new String(data, java.nio.charset.StandardCharsets.UTF_8)
                                        .replace(from, to)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(data);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
