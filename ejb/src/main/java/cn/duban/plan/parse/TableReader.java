package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Task tables (tab-separated as Word/Excel export them, or markdown pipes): a header row naming 序号,
 * 工作任务, 牵头单位, 配合单位, 责任单位, 完成时限 … and one point per row.
 */
final class TableReader {

    /** The cells of one table line. */
    record Row(List<String> cells) {}

    private int number = -1;
    private int task = -1;
    private int lead = -1;
    private int cooperating = -1;
    private int responsible = -1;
    private int deadline = -1;
    private int category = -1;
    private int leaders = -1;
    private int counter;
    private String group;
    private boolean groupRows;

    /**
     * The task column holds numbered items (具体要求 beside a 工作任务 group column): their numbers number
     * the points.
     */
    private boolean itemNumbered;

    // Compiled once: String.matches/replaceAll compile their pattern on every call, and a line may
    // have a million cells.
    private static final Pattern SPACE = Pattern.compile("\\s");
    private static final Pattern RULE_CELL = Pattern.compile("[-:\\s]*");
    private static final String[] CATEGORY_WORDS = {"类别", "板块", "领域", "类型", "项目名称", "任务类别"};
    private static final String[] TASK_WORDS = {"任务", "要点", "内容", "措施", "事项", "工作"};
    private static final String[] HEADER_WORDS = {
        "序号", "牵头", "配合", "责任单位", "责任科室", "责任部门", "负责", "完成时限", "时间节点", "完成时间", "时限要求", "责任领导",
        "分管领导"
    };
    private static final String[] HEADER_TASK_WORDS = {
        "任务", "要点", "内容", "措施", "事项", "重点工作", "具体要求"
    };

    /**
     * Detail columns: beside an earlier task column (工作任务, 重点工作 …) they hold the points and the
     * earlier column groups them.
     */
    private static final String[] DETAIL_WORDS = {"具体要求", "具体任务", "具体措施", "工作措施", "主要措施"};

    /** Traditional characters of the header words, read as their simplified forms. */
    private static final String TRADITIONAL = "務責內點領導單門時間號標協頭節項體負類別總們與關";

    private static final String SIMPLIFIED = "务责内点领导单门时间号标协头节项体负类别总们与关";

    TableReader(Row header) {
        List<String> cells = header.cells();
        for (int i = 0; i < cells.size(); i++) {
            String c = simplified(withoutSpaces(cells.get(i)));
            if (c.matches("序号|编号|序")) number = i;
            else if (task >= 0 && category < 0 && mentions(c, DETAIL_WORDS)) {
                category = task;
                task = i;
                itemNumbered = true;
            } else if (c.endsWith("领导")) leaders = i; // people, never units nor the task
            else if (c.contains("牵头")) lead = i;
            else if (c.contains("配合") || c.contains("协办") || c.contains("协同") || c.contains("参与"))
                cooperating = i;
            else if ((c.contains("责任") || c.contains("负责"))
                    && (c.contains("单位")
                            || c.contains("科室")
                            || c.contains("部门")
                            || c.contains("主体"))) responsible = i;
            else if (c.contains("时限") || c.contains("时间") || c.contains("节点")) deadline = i;
            else if (mentions(c, CATEGORY_WORDS)) category = i;
            else if (task < 0 && mentions(c, TASK_WORDS)) task = i;
        }
        // A 类别/类型 column after the task classifies rows (A类, B类), it does not group them.
        if (category > task && task >= 0) category = -1;
        columns = cells.size();
    }

    /** The header's columns. */
    private int columns;

    /** The meaning of each header column as this reader reads it. */
    List<ColumnMeaning> meanings() {
        List<ColumnMeaning> out = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            ColumnMeaning m = ColumnMeaning.IGNORED;
            if (i == number) m = ColumnMeaning.NUMBER;
            else if (i == task) m = ColumnMeaning.TITLE;
            else if (i == category) m = ColumnMeaning.SECTION;
            else if (i == responsible) m = ColumnMeaning.UNITS;
            else if (i == lead) m = ColumnMeaning.LEAD;
            else if (i == cooperating) m = ColumnMeaning.COOPERATING;
            else if (i == leaders) m = ColumnMeaning.LEADERS;
            else if (i == deadline) m = ColumnMeaning.DEADLINE;
            out.add(m);
        }
        return out;
    }

    /**
     * Reads the columns as {@code meanings} say (a checked reading of this header's width) instead
     * of by their words. The title's own number (1. 2.) numbers the points only where the automatic
     * reading found the same group and item columns.
     */
    void use(List<ColumnMeaning> meanings) {
        int autoTask = task;
        int autoCategory = category;
        number = task = lead = cooperating = responsible = deadline = category = leaders = -1;
        for (int i = 0; i < meanings.size(); i++) {
            switch (meanings.get(i)) {
                case NUMBER -> number = i;
                case SECTION -> category = i;
                case TITLE -> task = i;
                case UNITS -> responsible = i;
                case LEAD -> lead = i;
                case COOPERATING -> cooperating = i;
                case LEADERS -> leaders = i;
                case DEADLINE -> deadline = i;
                case IGNORED -> {}
            }
        }
        itemNumbered = itemNumbered && task == autoTask && category == autoCategory;
    }

    /** Header words in traditional characters (任務, 負責科室) read as simplified. */
    private static String simplified(String cell) {
        StringBuilder s = null;
        for (int i = 0; i < cell.length(); i++) {
            int k = TRADITIONAL.indexOf(cell.charAt(i));
            if (k < 0) continue;
            if (s == null) s = new StringBuilder(cell);
            s.setCharAt(i, SIMPLIFIED.charAt(k));
        }
        return s == null ? cell : s.toString();
    }

    /** A group row (一、…) came inside the table: the rows' sections come from those rows. */
    void groupRows() {
        groupRows = true;
    }

    boolean hasGroupRows() {
        return groupRows;
    }

    static Row split(String line) {
        List<String> cells;
        if (line.indexOf('\t') >= 0) {
            cells = Arrays.stream(line.split("\t", -1)).map(String::strip).toList();
        } else if (pipes(line) >= 2
                || line.startsWith("|") && line.endsWith("|") && line.length() > 2) {
            // Pipe rows with or without the outer pipes ("1 | 推进… | 区数据局").
            int from = line.startsWith("|") ? 1 : 0;
            int to = line.endsWith("|") && line.length() > from ? line.length() - 1 : line.length();
            cells =
                    Arrays.stream(line.substring(from, Math.max(from, to)).split("\\|", -1))
                            .map(String::strip)
                            .toList();
        } else {
            return null;
        }
        if (cells.stream().allMatch(c -> RULE_CELL.matcher(c).matches()))
            return new Row(List.of()); // markdown rule line
        return cells.size() >= 2 ? new Row(cells) : null;
    }

    private static int pipes(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) == '|') n++;
        return n;
    }

    static boolean isHeader(Row row) {
        int hits = 0;
        boolean hasTask = false;
        for (String c : row.cells()) {
            String s = simplified(withoutSpaces(c));
            if (s.length() > 12) continue;
            if (mentions(s, HEADER_WORDS)) hits++;
            if (mentions(s, HEADER_TASK_WORDS)) hasTask = true;
        }
        return hasTask && hits >= 1;
    }

    /** The category cell of the last row, which groups rows into sections. */
    String group() {
        return group;
    }

    /**
     * The row as a point, or null for a row without a task (blank, a rule line, a repeated header).
     */
    OutlineNode point(Row row) {
        List<String> c = row.cells();
        if (c.isEmpty() || isHeader(row)) return null;
        String text = cell(c, task);
        if (text == null && task < 0) {
            // No task column named: the longest cell is the task.
            text = c.stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
        }
        if (text == null || text.isBlank()) return null;
        String cat = cell(c, category);
        if (cat != null && !cat.isBlank()) group = cat;
        counter++;
        String no = cell(c, number);
        String display = no != null && no.matches("\\d{1,4}") ? no : String.valueOf(counter);
        if (itemNumbered) {
            // The 具体要求 item's own number (1. 2. …) numbers the point; 序号 belongs to the group.
            Numbering.Match m = Numbering.match(text);
            if (m != null && m.style() == Numbering.ARABIC) {
                display = m.number();
                text = m.rest();
            }
        }
        OutlineNode node =
                new OutlineNode(Numbering.ARABIC, display, Integer.parseInt(display), text);
        List<UnitRef> units = new ArrayList<>();
        String leadCell = cell(c, lead);
        String coopCell = cell(c, cooperating);
        String respCell = cell(c, responsible);
        if (leadCell != null) UnitAnnotations.readCell(leadCell, UnitRole.LEAD, units);
        if (respCell != null)
            UnitAnnotations.read(UnitAnnotations.spacesAsSeparators(respCell), units);
        if (coopCell != null) UnitAnnotations.readCell(coopCell, UnitRole.COOPERATING, units);
        node.tableUnits = units;
        node.tableDeadline = cell(c, deadline);
        String leadersCell = cell(c, leaders);
        if (leadersCell != null) node.tableLeaders = people(leadersCell);
        return node;
    }

    /** Names in a 责任领导 cell: split at 、，,；; / and runs of spaces. */
    static List<String> people(String cell) {
        List<String> out = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i <= cell.length(); i++) {
            char ch = i < cell.length() ? cell.charAt(i) : '、';
            if ("、，,；;/／".indexOf(ch) >= 0 || Scan.isSpace(ch) || ch == '\u3000') {
                String n = name.toString().strip();
                if (!n.isEmpty() && !out.contains(n)) out.add(n);
                name.setLength(0);
            } else {
                name.append(ch);
            }
        }
        return out;
    }

    /**
     * {@code cell.matches(".*(word|…).*")}: one of the words and no line break ({@code .} stops at
     * one). The regex tried every occurrence of a word against the rest of a cell with a line break
     * in it (quadratic).
     */
    static boolean mentions(String cell, String[] words) {
        if (Scan.hasLineBreak(cell)) return false;
        for (String w : words) if (cell.contains(w)) return true;
        return false;
    }

    /**
     * {@code cell.replaceAll("\\s", "")}, without a Matcher for the many cells that have no space.
     */
    private static String withoutSpaces(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            if (Scan.isSpace(cell.charAt(i))) return SPACE.matcher(cell).replaceAll("");
        }
        return cell;
    }

    private static String cell(List<String> cells, int index) {
        return index >= 0 && index < cells.size() && !cells.get(index).isBlank()
                ? cells.get(index)
                : null;
    }
}
