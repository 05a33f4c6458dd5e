package cn.duban.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.platform.SheetRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AccountSheetTest {

    /** A workbook whose first sheet holds these rows of text (null = no cell). */
    static byte[] workbook(String[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("账号");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsRowsByHeaderNameBelowATitle() throws IOException {
        byte[] xlsx =
                workbook(
                        new String[] {"普陀区账号清单"},
                        new String[] {"登录名", "姓名", "手机号", "邮箱", "所属单位", "角色"},
                        new String[] {
                            "Zhang.San",
                            "张三",
                            "13800138000",
                            "zs@putuo.gov.cn",
                            "长寿路街道",
                            "联络员、单位负责人"
                        },
                        new String[] {},
                        new String[] {"li.si", "李四", null, null, null, "领导"});
        List<AccountSheet.Line> lines = AccountSheet.read(xlsx);
        assertThat(lines).hasSize(2);
        AccountSheet.Line first = lines.get(0);
        assertThat(first.rowNumber()).isEqualTo(3);
        assertThat(first.username()).isEqualTo("Zhang.San");
        assertThat(first.name()).isEqualTo("张三");
        assertThat(first.phone()).isEqualTo("13800138000");
        assertThat(first.unit()).isEqualTo("长寿路街道");
        assertThat(first.roles()).containsExactly("联络员", "单位负责人");
        assertThat(lines.get(1).rowNumber()).isEqualTo(5);
        assertThat(lines.get(1).unit()).isEmpty();
    }

    @Test
    void numericPhoneCellsKeepAllDigits() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            var h = sheet.createRow(0);
            h.createCell(0).setCellValue("姓名");
            h.createCell(1).setCellValue("登录名");
            h.createCell(2).setCellValue("手机");
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue("王五");
            r.createCell(1).setCellValue("wang.wu");
            r.createCell(2).setCellValue(13912345678d);
            wb.write(out);
            assertThat(AccountSheet.read(out.toByteArray()).get(0).phone())
                    .isEqualTo("13912345678");
        }
    }

    @Test
    void rolesSplitAtEveryUsualSeparator() {
        assertThat(SheetRows.items("联络员,领导；市级查看 / unit-head"))
                .containsExactly("联络员", "领导", "市级查看", "unit-head");
        assertThat(SheetRows.items("")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnAccountList() throws IOException {
        assertThatThrownBy(() -> AccountSheet.read("not a workbook".getBytes()))
                .isInstanceOfSatisfying(
                        SheetRows.Unreadable.class,
                        e -> assertThat(e.code()).isEqualTo("sheet.format"));
        assertThatThrownBy(
                        () ->
                                AccountSheet.read(
                                        workbook(
                                                new String[] {"名称", "类型"},
                                                new String[] {"区府办", "区府办"})))
                .isInstanceOfSatisfying(
                        SheetRows.Unreadable.class,
                        e -> assertThat(e.code()).isEqualTo("sheet.columns"));
        byte[] zipNotXlsx = new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0};
        assertThatThrownBy(() -> AccountSheet.read(zipNotXlsx))
                .isInstanceOf(SheetRows.Unreadable.class);
    }

    @Test
    void stopsAtTheRowLimitWithoutReadingTheRest() throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            var h = sheet.createRow(0);
            h.createCell(0).setCellValue("姓名");
            h.createCell(1).setCellValue("登录名");
            for (int i = 1; i <= 200_000; i++) {
                var r = sheet.createRow(i);
                r.createCell(0).setCellValue("人" + i);
                r.createCell(1).setCellValue("user" + i);
            }
            wb.write(out);
            wb.dispose();
            long start = System.nanoTime();
            assertThatThrownBy(() -> AccountSheet.read(out.toByteArray()))
                    .isInstanceOfSatisfying(
                            SheetRows.Unreadable.class,
                            e -> assertThat(e.code()).isEqualTo("sheet.too-many-rows"));
            // Stops at row 2,001 of 200,000 (a generous guard, not a benchmark).
            assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
        }
    }

    @Test
    void exportReadsBackAndKeepsFormulasAsText() {
        byte[] xlsx =
                AccountSheet.write(
                        List.of(
                                new AccountSheet.Out(
                                        "=HYPERLINK(\"http://x\")",
                                        "a.b",
                                        "13800138000",
                                        "a@b.cn",
                                        "长寿路街道",
                                        List.of("unit-reporter", "unit-head"),
                                        true),
                                new AccountSheet.Out(
                                        "李四",
                                        "li.si",
                                        null,
                                        null,
                                        null,
                                        List.of("leader"),
                                        false)));
        List<AccountSheet.Line> lines = AccountSheet.read(xlsx);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).name()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(lines.get(0).roles()).containsExactly("联络员", "单位负责人");
        assertThat(lines.get(1).roles()).containsExactly("领导");
    }
}
