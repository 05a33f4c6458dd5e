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

    /** A real workbook whose sheet XML is then padded with 64 MB of blanks (a few hundred KB compressed). */
    private static byte[] bomb() throws IOException {
        byte[] plain;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet().createRow(0);
            row.createCell(0).setCellValue("名称");
            wb.write(out);
            plain = out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().endsWith("sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
                .isInstanceOf(SheetRows.Unreadable.class);
    }

    @Test
    void headerNamesIgnoreBlanksAndFullWidthBrackets() {
        assertThat(SheetRows.headerName(" 简称／别名 ")).isEqualTo("简称/别名");
        assertThat(SheetRows.headerName("手机（必填）*")).isEqualTo("手机(必填)");
    }
}
