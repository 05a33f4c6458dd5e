package cn.duban.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class UnitSheetTest {

    private static byte[] workbook(String[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("单位");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++)
                    if (rows[r][c] != null) row.createCell(c).setCellValue(rows[r][c]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void unitsGetCodesFromTheirKind() throws IOException {
        UnitSheet.Read read =
                UnitSheet.read(
                        workbook(
                                new String[] {"名称", "简称/别名", "类型", "排名分组"},
                                new String[] {"宝山区人民政府办公室", "区府办", "区府办", null},
                                new String[] {"区发展和改革委员会", "区发改委、发改委", "部门", "部门组"},
                                new String[] {"区数据局", null, "部门", "部门组"},
                                new String[] {"罗店镇", null, "镇", "街镇组"},
                                new String[] {"友谊路街道", "友谊路", "街道", "街镇组"}));
        assertThat(read.errors()).isEmpty();
        assertThat(read.units())
                .extracting(UnitInput::code)
                .containsExactly("qfb", "bm01", "bm02", "jz01", "jz02");
        assertThat(read.units())
                .extracting(UnitInput::kind)
                .containsExactly(
                        UnitKind.DISTRICT_OFFICE,
                        UnitKind.DEPARTMENT,
                        UnitKind.DEPARTMENT,
                        UnitKind.TOWN,
                        UnitKind.TOWN);
        assertThat(read.units().get(1).aliases()).containsExactly("区发改委", "发改委");
        assertThat(read.units().get(3).rankingGroup()).isEqualTo("街镇组");
    }

    @Test
    void givenCodesAreKeptAndGeneratedOnesAvoidThem() throws IOException {
        UnitSheet.Read read =
                UnitSheet.read(
                        workbook(
                                new String[] {"代码", "名称", "类型"},
                                new String[] {"bm01", "区财政局", "部门"},
                                new String[] {null, "区民政局", "部门"}));
        assertThat(read.units()).extracting(UnitInput::code).containsExactly("bm01", "bm02");
    }

    @Test
    void everyBadRowIsReported() throws IOException {
        UnitSheet.Read read =
                UnitSheet.read(
                        workbook(
                                new String[] {"名称", "简称", "类型"},
                                new String[] {"区财政局", "财政局", "委员会"},
                                new String[] {null, "x", "部门"},
                                new String[] {"财政局", null, "部门"},
                                new String[] {"区民政局", null, null}));
        assertThat(read.units()).isEmpty();
        assertThat(read.errors())
                .extracting(cn.duban.platform.RowError::rowNumber)
                .containsExactly(2, 3, 4, 5);
        assertThat(read.errors().get(0).message()).contains("委员会");
        assertThat(read.errors().get(2).message()).contains("与第2行重复");
    }
}
