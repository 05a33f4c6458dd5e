package cn.duban.tenant;

import cn.duban.platform.RowError;
import cn.duban.platform.SheetRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A district's list of units as a workbook: 名称, 简称/别名, 类型 (区府办、部门 or 街镇), 排名分组 and, optionally, 代码.
 * Columns are found by header name. Units without a code get one from their kind (qfb for the
 * district office, bm01… for departments, jz01… for towns), since the code is what accounts and
 * tokens carry. Every bad row is reported, not just the first.
 */
public final class UnitSheet {

    public static final int MAX_ROWS = 2_000;
    public static final String NAME = "名称";
    public static final String ALIASES = "简称/别名";
    public static final String KIND = "类型";
    public static final String GROUP = "排名分组";
    public static final String CODE = "代码";
    private static final Pattern CODE_PATTERN = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");
    private static final SheetRows.Columns SHEET =
            new SheetRows.Columns(
                    Map.of(
                            "单位名称", NAME, "简称", ALIASES, "别名", ALIASES, "简称/别称", ALIASES, "单位类型",
                            KIND, "分组", GROUP, "单位代码", CODE));

    public record Read(List<UnitInput> units, List<RowError> errors) {}

    private UnitSheet() {}

    public static Read read(byte[] xlsx) {
        List<SheetRows.Row> rows = SheetRows.read(xlsx, MAX_ROWS, c -> SHEET.named(c, NAME), "单位表");
        List<RowError> errors = new ArrayList<>();
        List<String[]> accepted = new ArrayList<>(); // name, aliases, kind, group, code, row
        Map<String, Integer> names = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (SheetRows.Row r : rows) {
            int row = r.number();
            String name = SHEET.get(r, NAME);
            if (name.isEmpty()) {
                errors.add(RowError.of(row, NAME, "unit-sheet.name-missing", "缺少单位名称"));
                continue;
            }
            if (name.length() > 100)
                errors.add(RowError.of(row, NAME, "unit-sheet.name-too-long", "单位名称不能超过100字", 100));
            UnitKind kind = kind(SHEET.get(r, KIND));
            if (kind == null) {
                String written = SHEET.get(r, KIND);
                errors.add(
                        written.isEmpty()
                                ? RowError.of(
                                        row, KIND, "unit-sheet.kind-missing", "缺少单位类型（区府办、部门或街镇）")
                                : RowError.of(
                                        row,
                                        KIND,
                                        "unit-sheet.kind-invalid",
                                        "单位类型“" + written + "”无效，应为区府办、部门或街镇",
                                        written));
            }
            List<String> aliases = SheetRows.items(SHEET.get(r, ALIASES));
            for (String n : withName(name, aliases)) {
                Integer first = names.putIfAbsent(n, row);
                if (first != null && first != row)
                    errors.add(
                            RowError.of(
                                    row,
                                    NAME,
                                    "unit-sheet.name-repeated",
                                    "名称或别名“" + n + "”与第" + first + "行重复",
                                    n,
                                    first));
            }
            String code = SHEET.get(r, CODE).toLowerCase(java.util.Locale.ROOT);
            if (!code.isEmpty()) {
                if (!CODE_PATTERN.matcher(code).matches()) {
                    errors.add(
                            RowError.of(
                                    row,
                                    CODE,
                                    "unit-sheet.code-invalid",
                                    "单位代码“" + code + "”无效：应以小写字母开头，只含小写字母、数字和连字符",
                                    code));
                } else if (!codes.add(code)) {
                    errors.add(
                            RowError.of(
                                    row,
                                    CODE,
                                    "unit-sheet.code-repeated",
                                    "单位代码“" + code + "”重复",
                                    code));
                }
            }
            String group = SHEET.get(r, GROUP);
            if (group.length() > 40)
                errors.add(RowError.of(row, GROUP, "unit-sheet.group-too-long", "排名分组不能超过40字", 40));
            accepted.add(
                    new String[] {
                        name,
                        String.join("、", aliases),
                        kind == null ? null : kind.name(),
                        group,
                        code
                    });
        }
        if (rows.isEmpty()) errors.add(RowError.of(0, NAME, "unit-sheet.empty", "单位表中没有数据行"));
        if (!errors.isEmpty()) return new Read(List.of(), errors);
        Map<UnitKind, Integer> next = new HashMap<>();
        List<UnitInput> units = new ArrayList<>();
        for (String[] a : accepted) {
            UnitKind kind = UnitKind.valueOf(a[2]);
            String code = a[4].isEmpty() ? generatedCode(kind, codes, next) : a[4];
            units.add(new UnitInput(code, a[0], kind, a[3], SheetRows.items(a[1]), null, null));
        }
        return new Read(units, List.of());
    }

    /** 区府办 / 部门 / 街镇 (also 街道, 镇, 乡 and the English names); null for anything else. */
    static UnitKind kind(String written) {
        String w = written.strip();
        return switch (w) {
            case "区府办", "区政府办", "区政府办公室", "DISTRICT_OFFICE" -> UnitKind.DISTRICT_OFFICE;
            case "部门", "委办局", "DEPARTMENT" -> UnitKind.DEPARTMENT;
            case "街镇", "街道", "镇", "乡", "乡镇", "TOWN" -> UnitKind.TOWN;
            default -> null;
        };
    }

    private static String generatedCode(
            UnitKind kind, Set<String> taken, Map<UnitKind, Integer> next) {
        String prefix =
                switch (kind) {
                    case DISTRICT_OFFICE -> "qfb";
                    case DEPARTMENT -> "bm";
                    case TOWN -> "jz";
                    // The sheet reads district-level kinds only; 下级单位 are added by their town.
                    case OFFICE, COMMUNITY, VILLAGE -> "xj";
                };
        while (true) {
            int n = next.merge(kind, 1, Integer::sum);
            String code =
                    kind == UnitKind.DISTRICT_OFFICE && n == 1
                            ? prefix
                            : prefix + (n < 10 ? "0" + n : String.valueOf(n));
            if (taken.add(code)) return code;
        }
    }

    private static List<String> withName(String name, List<String> aliases) {
        Set<String> all = new java.util.LinkedHashSet<>(aliases);
        all.add(name);
        return new ArrayList<>(all);
    }
}
