package cn.duban.account;

import cn.duban.platform.Role;
import cn.duban.platform.SheetRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The account list as a workbook: columns 姓名, 登录名, 手机, 邮箱, 单位, 角色 (an export adds 状态), found by
 * header name when imported, so columns may move and a title row may sit above. Roles are written
 * by their Chinese labels (联络员、单位负责人 …) or names, several separated by 、 , ; or blanks.
 */
public final class AccountSheet {

    public static final int MAX_ROWS = 2_000;
    public static final String NAME = "姓名";
    public static final String USERNAME = "登录名";
    public static final String PHONE = "手机";
    public static final String EMAIL = "邮箱";
    public static final String UNIT = "单位";
    public static final String ROLES = "角色";
    public static final String STATE = "状态";
    static final List<String> COLUMNS = List.of(NAME, USERNAME, PHONE, EMAIL, UNIT, ROLES);
    private static final SheetRows.Columns SHEET =
            new SheetRows.Columns(
                    Map.of(
                            "手机号", PHONE, "手机号码", PHONE, "电子邮箱", EMAIL, "所属单位", UNIT, "账号",
                            USERNAME, "用户名", USERNAME, "电子邮件", EMAIL));

    /** A row as written, before units and roles are resolved. */
    public record Line(
            int rowNumber,
            String name,
            String username,
            String phone,
            String email,
            String unit,
            List<String> roles) {}

    /** A row of an exported list. */
    public record Out(
            String name,
            String username,
            String phone,
            String email,
            String unit,
            List<String> roles,
            boolean enabled) {}

    private AccountSheet() {}

    public static List<Line> read(byte[] xlsx) {
        List<SheetRows.Row> rows = SheetRows.read(xlsx, MAX_ROWS, AccountSheet::isHeader, "账号表");
        List<Line> out = new ArrayList<>(rows.size());
        for (SheetRows.Row r : rows) {
            out.add(
                    new Line(
                            r.number(),
                            SHEET.get(r, NAME),
                            SHEET.get(r, USERNAME),
                            SHEET.get(r, PHONE),
                            SHEET.get(r, EMAIL),
                            SHEET.get(r, UNIT),
                            SheetRows.items(SHEET.get(r, ROLES))));
        }
        return out;
    }

    private static boolean isHeader(Map<String, Integer> columns) {
        return SHEET.named(columns, USERNAME) && SHEET.named(columns, NAME);
    }

    /**
     * The list as .xlsx, in the import's column order plus 状态, so it can be edited and sent back.
     */
    public static byte[] write(List<Out> accounts) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("账号");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> headers = new ArrayList<>(COLUMNS);
            headers.add(STATE);
            var header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                var c = header.createCell(i);
                c.setCellValue(headers.get(i));
                c.setCellStyle(bold);
                sheet.setColumnWidth(i, (i == 3 ? 28 : i == 4 || i == 5 ? 22 : 14) * 256);
            }
            int r = 1;
            for (Out a : accounts) {
                var row = sheet.createRow(r++);
                String roles = String.join("、", a.roles().stream().map(Role::label).toList());
                String[] values = {
                    a.name(),
                    a.username(),
                    a.phone(),
                    a.email(),
                    a.unit(),
                    roles,
                    a.enabled() ? "启用" : "停用"
                };
                // Text cells only: a name such as "=HYPERLINK(…)" stays text and is never a
                // formula.
                for (int i = 0; i < values.length; i++)
                    row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
            }
            sheet.createFreezePane(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
