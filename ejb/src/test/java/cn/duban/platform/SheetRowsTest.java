package cn.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetRowsTest {

    /**
     * A real workbook whose sheet XML is then padded with 64 MB of blanks (a few hundred KB
     * compressed).
     */
    private static byte[] bomb() throws IOException {
        byte[] plain;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet().createRow(0);
            row.createCell(0).setCellValue("名称");
            wb.write(out);
            plain = out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().endsWith("sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(
                            xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 64; i++) zip.write(blanks);
                    zip.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aSheetThatInflatesWithoutEndIsRefused() throws IOException {
        byte[] bomb = bomb();
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        assertThatThrownBy(() -> SheetRows.read(bomb, 10, c -> c.containsKey("名称"), "单位表"))
                .isInstanceOfSatisfying(
                        SheetRows.Unreadable.class,
                        e -> {
                            // SheetStream's bound on the text between cells stops it long before
                            // the 64 MB are inflated.
                            assertThat(e.problem().status()).isEqualTo(400);
                            assertThat(e.code()).isEqualTo("sheet.format");
                            assertThat(e.getMessage()).startsWith("单位表：");
                        });
    }

    /** 100,000 rows (about 1 MB): reading stops at the first row past the limit, 413. */
    @Test
    void aHundredThousandRowsAreRefusedAtTheLimit() throws IOException {
        byte[] sheet;
        try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var s = wb.createSheet();
            s.createRow(0).createCell(0).setCellValue("名称");
            for (int i = 1; i <= 100_000; i++) s.createRow(i).createCell(0).setCellValue("单位" + i);
            wb.write(out);
            wb.dispose();
            sheet = out.toByteArray();
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> SheetRows.read(sheet, 2_000, c -> c.containsKey("名称"), "单位表"))
                .isInstanceOfSatisfying(
                        SheetRows.Unreadable.class,
                        e -> {
                            assertThat(e.problem().status()).isEqualTo(413);
                            assertThat(e.code()).isEqualTo("sheet.too-many-rows");
                        });
        // A guard, not a benchmark: stopping early must not read all 100,000 rows slowly.
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
    }

    @Test
    void rowsAreFoundByHeaderBelowATitle() throws IOException {
        byte[] sheet;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var s = wb.createSheet();
            s.createRow(0).createCell(0).setCellValue("某区单位名单");
            var header = s.createRow(2);
            header.createCell(1).setCellValue(" 名 称 ");
            header.createCell(2).setCellValue("类型");
            var row = s.createRow(3);
            row.createCell(0).setCellValue("无表头的列");
            row.createCell(1).setCellValue("安亭镇");
            row.createCell(2).setCellValue("街镇");
            s.createRow(5).createCell(1).setCellValue("南翔镇");
            wb.write(out);
            sheet = out.toByteArray();
        }
        var rows = SheetRows.read(sheet, 10, c -> c.containsKey("名称"), "单位表");
        assertThat(rows).extracting(SheetRows.Row::number).containsExactly(4, 6);
        assertThat(rows.get(0).cells()).containsOnlyKeys("名称", "类型").containsEntry("名称", "安亭镇");
        assertThat(rows.get(1).get("类型")).isEmpty();
    }

    @Test
    void headerNamesIgnoreBlanksAndFullWidthBrackets() {
        assertThat(SheetRows.headerName(" 简称／别名 ")).isEqualTo("简称/别名");
        assertThat(SheetRows.headerName("手机（必填）*")).isEqualTo("手机(必填)");
    }
}
