package cn.duban.ledger.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class LedgerSheetTest {

    static LedgerRow row(int n, UUID id, String progress, Integer percent) {
        return new LedgerRow(
                String.valueOf(n),
                "一、深化重点领域信息公开",
                n + ". 做好财政预决算公开",
                "区财政局",
                "各街镇",
                "2025-06-30",
                progress,
                "推进中",
                "长寿路街道",
                percent,
                id);
    }

    @Test
    void aWrittenLedgerReadsBack() throws IOException {
        List<LedgerRow> rows =
                List.of(
                        row(1, UUID.randomUUID(), "已完成方案。", 40),
                        row(2, UUID.randomUUID(), "", null),
                        row(3, UUID.randomUUID(), "全部完成\n共公开12项", 100));
        byte[] xlsx = LedgerSheet.write("2025年普陀区政务公开工作要点任务台账", "导出时间：2025-06-30", rows);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("2025年普陀区政务公开工作要点任务台账");
            List<String> headers = new ArrayList<>();
            sheet.getRow(2).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactlyElementsOf(LedgerSheet.HEADERS);
            assertThat(headers.subList(0, 8))
                    .containsExactly("序号", "工作要点", "具体任务", "牵头单位", "配合单位", "完成时限", "进展情况", "状态");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                    .isEqualTo((short) 3);
            assertThat(sheet.getCTWorksheet().getAutoFilter()).isNotNull();
        }
        LedgerSheet.Read read = LedgerSheet.read(xlsx);
        assertThat(read.errors()).isEmpty();
        assertThat(read.rows())
                .extracting(LedgerSheet.Filled::taskId)
                .containsExactly(rows.get(0).taskId(), rows.get(1).taskId(), rows.get(2).taskId());
        assertThat(read.rows().get(0).progress()).isEqualTo("已完成方案。");
        assertThat(read.rows().get(0).percent()).isEqualTo(40);
        assertThat(read.rows().get(0).rowNumber()).isEqualTo(4);
        assertThat(read.rows().get(1).progress()).isNull();
        assertThat(read.rows().get(2).progress()).isEqualTo("全部完成\n共公开12项");

        // Streaming zip readers must accept the file too (no forced Zip64 data descriptors).
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; entries++) {
                zip.readAllBytes();
            }
        }
        assertThat(entries).isGreaterThan(3);
    }

    @Test
    void aHandMadeLedgerIsReadByHeaderNamesAndEveryBadRowIsReported() throws IOException {
        UUID a = UUID.randomUUID(),
                b = UUID.randomUUID(),
                c = UUID.randomUUID(),
                d = UUID.randomUUID();
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet();
            s.createRow(0).createCell(0).setCellValue("某街道填报");
            s.createRow(1).createCell(0).setCellValue("（2025年上半年）");
            XSSFRow h = s.createRow(2);
            String[] heads = {"任务编号", "完成进度（%）", "进 展 情 况"};
            for (int i = 0; i < heads.length; i++) h.createCell(i).setCellValue(heads[i]);
            Object[][] data = {
                {a.toString(), "80%", "完成八成"}, // row 4
                {b.toString(), "８０", "全角数字"}, // row 5
                {c.toString(), 0.5, "百分比格式"}, // row 6, percent-formatted
                {d.toString(), "abc", "坏的进度"}, // row 7
                {null, null, null}, // row 8 blank
                {"not-a-uuid", "10", "坏编号"}, // row 9
                {a.toString(), "20", "重复"}, // row 10
                {"", "", "没有编号"}
            }; // row 11
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0%"));
            for (int r = 0; r < data.length; r++) {
                XSSFRow row = s.createRow(3 + r);
                for (int col = 0; col < 3; col++) {
                    Object v = data[r][col];
                    if (v instanceof String str) row.createCell(col).setCellValue(str);
                    else if (v instanceof Double n) {
                        row.createCell(col).setCellValue(n);
                        row.getCell(col).setCellStyle(pct);
                    }
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        LedgerSheet.Read read = LedgerSheet.read(xlsx);
        assertThat(read.rows())
                .extracting(LedgerSheet.Filled::percent)
                .containsExactly(80, 80, 50, null);
        assertThat(read.errors())
                .extracting(cn.duban.platform.RowError::rowNumber)
                .containsExactly(7, 9, 10, 11);
        assertThat(read.errors().get(0).column()).isEqualTo(LedgerSheet.PERCENT);
        assertThat(read.errors().get(2).message()).contains("与第4行相同");
        assertThat(read.errors().get(3).message()).isEqualTo("缺少任务编号");
        assertThat(read.ok()).isFalse();
    }

    @Test
    void wholeFileProblemsHaveCodes() throws IOException {
        assertThatThrownBy(() -> LedgerSheet.read("序号,进展情况\n1,x".getBytes()))
                .isInstanceOfSatisfying(
                        LedgerSheet.Unreadable.class,
                        e -> assertThat(e.code()).isEqualTo("ledger.import.format"));
        assertThatThrownBy(
                        () ->
                                LedgerSheet.read(
                                        new byte[] {
                                            (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0
                                        }))
                .hasMessageContaining(".xls");
        assertThatThrownBy(() -> LedgerSheet.read(new byte[] {'P', 'K', 3, 4, 9, 9, 9}))
                .isInstanceOfSatisfying(
                        LedgerSheet.Unreadable.class,
                        e -> assertThat(e.code()).isEqualTo("ledger.import.format"));
        byte[] noHeader;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet().createRow(0).createCell(0).setCellValue("序号");
            wb.write(out);
            noHeader = out.toByteArray();
        }
        assertThatThrownBy(() -> LedgerSheet.read(noHeader))
                .isInstanceOfSatisfying(
                        LedgerSheet.Unreadable.class,
                        e -> assertThat(e.code()).isEqualTo("ledger.import.columns"));
    }

    @Test
    void aLargeLedgerRoundTrips() {
        List<LedgerRow> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) rows.add(row(i, UUID.randomUUID(), "进展" + i, i % 101));
        LedgerSheet.Read read = LedgerSheet.read(LedgerSheet.write("台账", "", rows));
        assertThat(read.rows()).hasSize(5_000);
        assertThat(read.rows().get(4_999).percent()).isEqualTo(4_999 % 101);
    }
}
