package cn.duban.ledger;

import cn.duban.plan.ReferenceKind;
import cn.duban.plan.UnitDirectory;
import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.DeadlineParser;
import cn.duban.platform.DubanException;
import cn.duban.platform.RowError;
import cn.duban.platform.SheetRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch of matters as a small table with a header row: pasted from a spreadsheet (tab-separated
 * lines) or an .xlsx read by {@link SheetRows} (the application's bounded reader). Columns by name:
 * 来源, 事项, 文号 / 批示人 / 会议名称 / 工单号 (or 依据, of the source's kind), 牵头单位, 配合单位, 完成时限, 重点. Units are
 * found by name or alias. Every bad row is reported, not only the first; nothing here writes. Plain
 * Java, linear in the input.
 */
public final class MatterSheet {

    /** Rows of one batch: more is refused before anything is read into matters. */
    public static final int MAX_ROWS = 500;

    /** Characters of a pasted table (a 500-row table is far less). */
    public static final int MAX_PASTED_CHARS = 1_000_000;

    public static final String SOURCE = "来源";
    public static final String TITLE = "事项";
    public static final String BASIS = "依据";
    public static final String LEAD = "牵头单位";
    public static final String CO = "配合单位";
    public static final String DEADLINE = "完成时限";
    public static final String KEY = "重点";

    private static final SheetRows.Columns SHEET =
            new SheetRows.Columns(
                    Map.ofEntries(
                            Map.entry("任务来源", SOURCE),
                            Map.entry("事项来源", SOURCE),
                            Map.entry("交办事项", TITLE),
                            Map.entry("事项名称", TITLE),
                            Map.entry("任务", TITLE),
                            Map.entry("标题", TITLE),
                            Map.entry("来源依据", BASIS),
                            Map.entry("责任单位", LEAD),
                            Map.entry("主办单位", LEAD),
                            Map.entry("协办单位", CO),
                            Map.entry("配合部门", CO),
                            Map.entry("期限", DEADLINE),
                            Map.entry("截止日期", DEADLINE),
                            Map.entry("办结时限", DEADLINE),
                            Map.entry("重点任务", KEY)));

    /** Reference columns by the kind their header names. */
    private static final Map<String, ReferenceKind> REFERENCE_COLUMNS = new LinkedHashMap<>();

    static {
        for (ReferenceKind k : ReferenceKind.values()) REFERENCE_COLUMNS.put(k.label(), k);
    }

    public record Read(
            List<MatterInput> matters, List<Integer> rowNumbers, List<RowError> errors) {}

    private MatterSheet() {}

    /** The header test of a matters table: it names the matter and its source. */
    static boolean isHeader(Map<String, Integer> header) {
        return SHEET.named(header, TITLE) && SHEET.named(header, SOURCE);
    }

    /** An .xlsx's rows: more than {@link #MAX_ROWS} is refused (413), as is a file too large. */
    public static List<SheetRows.Row> workbook(byte[] xlsx) {
        try {
            return SheetRows.read(xlsx, MAX_ROWS, MatterSheet::isHeader, "交办事项表");
        } catch (SheetRows.Unreadable e) {
            throw e.problem();
        }
    }

    /**
     * A pasted table's rows: the first line naming 事项 and 来源 is the header, cells split at tabs;
     * blank lines are skipped. Refused: more than {@link #MAX_PASTED_CHARS} characters or {@link
     * #MAX_ROWS} rows (413), or no header (400).
     */
    public static List<SheetRows.Row> pasted(String text) {
        if (text == null || text.isBlank())
            throw DubanException.badRequest("matter.batch-empty", "请粘贴带表头的交办事项表格（或上传 .xlsx 文件）。");
        if (text.length() > MAX_PASTED_CHARS)
            throw new DubanException(
                    413,
                    "matter.batch-too-large",
                    "粘贴的表格过大（最多 " + MAX_PASTED_CHARS / 10_000 + " 万字、" + MAX_ROWS + " 行），请分批录入。");
        List<SheetRows.Row> rows = new ArrayList<>();
        List<String> header = null;
        int line = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '\n') continue;
            line++;
            String l = text.substring(start, i);
            start = i + 1;
            if (l.endsWith("\r")) l = l.substring(0, l.length() - 1);
            if (l.isBlank()) continue;
            List<String> cells = split(l);
            if (header == null) {
                Map<String, Integer> named = new LinkedHashMap<>();
                for (int c = 0; c < cells.size(); c++)
                    named.putIfAbsent(SheetRows.headerName(cells.get(c)), c);
                if (isHeader(named)) {
                    header = new ArrayList<>();
                    for (String c : cells) header.add(SheetRows.headerName(c));
                } else if (line >= 10) {
                    break;
                }
                continue;
            }
            if (rows.size() == MAX_ROWS)
                throw new DubanException(
                        413, "matter.batch-too-large", "一次最多录入 " + MAX_ROWS + " 条交办事项，请分批录入。");
            Map<String, String> byName = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++)
                byName.putIfAbsent(header.get(c), cells.get(c).strip());
            rows.add(new SheetRows.Row(line, byName));
        }
        if (header == null)
            throw DubanException.badRequest(
                    "matter.batch-columns", "未找到表头：表格的第一行应有“来源”和“事项”等列名（以制表符分隔）。");
        return rows;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == '\t') {
                out.add(line.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * The rows as matters, units resolved in {@code units}; dates without a year take {@code year}.
     */
    public static Read read(List<SheetRows.Row> rows, UnitDirectory units, int year) {
        List<MatterInput> matters = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (SheetRows.Row r : rows) {
            int row = r.number();
            int before = errors.size();
            String source = SHEET.get(r, SOURCE);
            if (source.isEmpty())
                errors.add(RowError.of(row, SOURCE, "matter.row.source-missing", "缺少来源"));
            String title = SHEET.get(r, TITLE);
            if (title.isEmpty())
                errors.add(RowError.of(row, TITLE, "matter.row.title-missing", "缺少事项内容"));
            ReferenceKind kind = null;
            String reference = SHEET.get(r, BASIS);
            for (var e : REFERENCE_COLUMNS.entrySet()) {
                String v = r.get(e.getKey());
                if (!v.isEmpty()) {
                    kind = e.getValue();
                    reference = v;
                    break;
                }
            }
            UUID lead = null;
            String leadName = SHEET.get(r, LEAD);
            if (leadName.isEmpty())
                errors.add(RowError.of(row, LEAD, "matter.row.lead-missing", "缺少牵头单位"));
            else {
                lead = units.resolve(leadName).orElse(null);
                if (lead == null)
                    errors.add(
                            RowError.of(
                                    row,
                                    LEAD,
                                    "matter.row.unit-unknown",
                                    "找不到单位“" + leadName + "”",
                                    leadName));
            }
            List<UUID> co = new ArrayList<>();
            for (String name : SheetRows.items(SHEET.get(r, CO))) {
                UUID id = units.resolve(name).orElse(null);
                if (id == null)
                    errors.add(
                            RowError.of(
                                    row,
                                    CO,
                                    "matter.row.unit-unknown",
                                    "找不到单位“" + name + "”",
                                    name));
                else co.add(id);
            }
            LocalDate deadline = null;
            String due = SHEET.get(r, DEADLINE);
            if (due.isEmpty())
                errors.add(RowError.of(row, DEADLINE, "matter.row.deadline-missing", "缺少完成时限"));
            else {
                deadline = date(due, year);
                if (deadline == null)
                    errors.add(
                            RowError.of(
                                    row,
                                    DEADLINE,
                                    "matter.row.deadline-unreadable",
                                    "完成时限“" + due + "”无法识别，请写成 2026-06-30 或 2026年6月30日",
                                    due));
            }
            if (errors.size() > before) continue;
            matters.add(
                    new MatterInput(
                            source,
                            title,
                            null,
                            kind == null ? null : kind.name(),
                            reference,
                            lead,
                            co,
                            deadline,
                            yes(SHEET.get(r, KEY))));
            numbers.add(row);
        }
        return new Read(matters, numbers, errors);
    }

    /** A date as people write it: ISO, 2026/6/30, 2026年6月30日, 6月底 … (by the plan's rules). */
    static LocalDate date(String text, int year) {
        try {
            return LocalDate.parse(text.strip().replace('/', '-').replace('.', '-'), ISO_LENIENT);
        } catch (java.time.format.DateTimeParseException e) {
            var d = DeadlineParser.parse(text, year);
            // Only a phrase naming a day (6月底, 2026年6月30日); a vague one is not a deadline.
            return d.kind() == DeadlineKind.BY_DATE ? d.date() : null;
        }
    }

    private static final java.time.format.DateTimeFormatter ISO_LENIENT =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-M-d");

    static boolean yes(String v) {
        String t = v.strip();
        return t.equals("是")
                || t.equals("√")
                || t.equals("重点")
                || t.equalsIgnoreCase("y")
                || t.equalsIgnoreCase("yes")
                || t.equalsIgnoreCase("true")
                || t.equals("1");
    }
}
