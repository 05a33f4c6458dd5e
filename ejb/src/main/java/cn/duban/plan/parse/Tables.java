package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds task tables that arrive without tabs into tab-separated rows, before the lines are read:
 *
 * <ul>
 *   <li>one cell per line, as a web-page table copies (序号 / 重点工作 / 责任领导 / …, each on its own line,
 *       with or without a {@code |} after each cell): the header is a run of at least three lines
 *       that are column words; with {@code |} a cell ends at its {@code |} (a cell broken over
 *       lines comes back together), without it each row is a bare number and one line per other
 *       column;
 *   <li>cells split by runs of spaces under a header whose every word is a column word: a row
 *       starts at a line that begins with its number, lines after it continue it until it has all
 *       its cells (a cell broken after 、 or ， runs on).
 * </ul>
 *
 * Group lines (一、…) between rows stay as they are. Everything else passes through unchanged.
 * Linear: each line is looked at once (a split or join is linear in the line).
 */
final class Tables {

    /** Words a table's header cells are made of. */
    static final Set<String> COLUMN_WORDS =
            Set.of(
                    "序号", "编号", "重点工作", "工作任务", "重点工作任务", "具体任务", "工作内容", "具体要求", "任务名称", "重点任务",
                    "主要任务", "工作要点", "工作措施", "主要内容", "目标任务", "责任单位", "牵头单位", "主要责任单位", "配合单位",
                    "协同配合单位", "协办单位", "责任科室", "责任部门", "牵头部门", "配合部门", "责任领导", "分管领导", "牵头领导",
                    "完成时限", "时限要求", "完成时间", "时间节点", "工作板块", "类别", "任务类别", "指标要求");

    private Tables() {}

    static List<String> rebuild(List<String> input) {
        List<String> lines = barLinesJoined(input);
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            int bar = barHeader(lines, i);
            if (bar >= 3) {
                i = barTable(lines, i, bar, out);
                continue;
            }
            int k = 0;
            boolean pipes = true;
            while (i + k < lines.size() && isColumnWord(cellText(lines.get(i + k)))) {
                pipes &= lines.get(i + k).endsWith("|");
                k++;
            }
            if (k >= 3) {
                i = cellPerLine(lines, i, k, pipes, out);
                continue;
            }
            List<String> header = spaceCells(lines.get(i));
            if (header.size() >= 3
                    && lines.get(i).indexOf('\t') < 0
                    && lines.get(i).indexOf('|') < 0
                    && header.stream().allMatch(Tables::isColumnWord)) {
                i = spaceSeparated(lines, i, header.size(), out);
                continue;
            }
            out.add(lines.get(i));
            i++;
        }
        return out;
    }

    /**
     * A web copy that puts each cell's {@code |} on a line of its own ("工作任务", "|", "具体要求", "|" …):
     * the bar closes the line before it. A bar after a line already closed stays: it is an empty
     * cell.
     */
    static List<String> barLinesJoined(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line.strip().equals("|") && !out.isEmpty()) {
                String prev = out.get(out.size() - 1);
                if (!prev.isBlank() && !prev.endsWith("|")) {
                    out.set(out.size() - 1, prev + "|");
                    continue;
                }
            }
            out.add(line);
        }
        return out;
    }

    /** Words of header cells that are not column words but head columns all the same. */
    private static final String[] OTHER_HEADER_WORDS = {
        "情况", "说明", "备注", "任务", "领导", "单位", "时限", "目标", "是否", "进度", "指标", "序"
    };

    /**
     * The header of a table pasted one cell per line with {@code |}: a run of short cells closed by
     * {@code |}, starting with a column word and holding at least three; cells such as 落实情况 or
     * 全年目标任务 among them belong to it. Returns the number of header cells, or 0.
     */
    private static int barHeader(List<String> lines, int start) {
        int words = 0;
        int k = 0;
        // At most MAX_HEADER cells: tried at every line, a longer run would make this quadratic.
        while (start + k < lines.size() && k <= MAX_HEADER) {
            String line = lines.get(start + k);
            String cell = cellText(line);
            if (!line.endsWith("|") || cell.isEmpty() || isBareNumber(line)) break;
            if (isColumnWord(cell)) words++;
            else if (k == 0 || !isOtherHeaderCell(cell)) break;
            k++;
        }
        return words >= 3 && k <= MAX_HEADER ? k : 0;
    }

    /** No task table has more columns than this. */
    private static final int MAX_HEADER = 20;

    private static boolean isOtherHeaderCell(String cell) {
        if (cell.length() > 12) return false;
        for (int i = 0; i < cell.length(); i++)
            if ("。，,；;".indexOf(cell.charAt(i)) >= 0) return false;
        for (String w : OTHER_HEADER_WORDS) if (cell.contains(w)) return true;
        return false;
    }

    /**
     * Rows of a {@code |} table pasted one cell per line: a cell ends at its {@code |} (a cell
     * broken over lines comes back together); a row ends when it has all its cells. Two shapes
     * beyond that: a group column standing before an unnamed number column (the group cell only on
     * a group's first row), and rows a cell short in a wide table (a bare number where a row could
     * end starts the next row; a leader's name puts the cells back in their columns).
     */
    private static int barTable(List<String> lines, int start, int columns, List<String> out) {
        List<String> header = new ArrayList<>(columns);
        for (int j = 0; j < columns; j++) header.add(cellText(lines.get(start + j)));
        BarRows rows = new BarRows(header, out);
        int i = start + columns;
        StringBuilder cell = new StringBuilder();
        while (i < lines.size()) {
            String line = lines.get(i);
            if (cell.isEmpty() && !line.endsWith("|") && rows.atRowStart()) {
                if (!isGroupLine(line)) break;
                rows.group(line);
                i++;
                continue;
            }
            cell.append(cellText(line));
            i++;
            if (line.endsWith("|")) {
                rows.cell(cell.toString());
                cell.setLength(0);
            }
        }
        if (!cell.isEmpty()) rows.cell(cell.toString());
        rows.finish();
        return i;
    }

    /** Builds the rows of a {@code |} table cell by cell. */
    private static final class BarRows {
        private final List<String> header;
        private final List<String> out;
        private final int columns;
        private final boolean numberNamed;
        private final int leaders;
        private final List<String> row = new ArrayList<>();
        private Boolean groupFirst; // decided at the first row's second cell
        private String group = "";
        private boolean headerWritten;

        BarRows(List<String> header, List<String> out) {
            this.header = header;
            this.out = out;
            this.columns = header.size();
            boolean named = false;
            int lead = -1;
            for (int j = 0; j < header.size(); j++) {
                String h = header.get(j).replace(" ", "");
                if (h.equals("序号") || h.equals("编号") || h.equals("序")) named = true;
                if (h.endsWith("领导") && lead < 0) lead = j;
            }
            this.numberNamed = named;
            this.leaders = lead;
        }

        /** No cell of a row read yet (in the group-first shape: no pending group cell either). */
        boolean atRowStart() {
            return row.isEmpty() && group.isEmpty();
        }

        void group(String line) {
            decide();
            writeHeader();
            out.add(line);
        }

        void cell(String c) {
            if (groupFirst == null) {
                if (row.isEmpty()) {
                    row.add(c);
                    return;
                }
                groupFirst = !numberNamed && !isBareNumber(row.get(0)) && isBareNumber(c);
                if (groupFirst) {
                    group = row.get(0);
                    row.clear();
                }
            }
            if (groupFirst) {
                groupFirstCell(c);
                return;
            }
            if (columns >= 6 && isBareNumber(c) && row.size() >= columns - 2) flush();
            row.add(c);
            if (row.size() == columns) flush();
        }

        /**
         * Group cell (or the last group's, kept empty), number, then the header's other columns.
         */
        private void groupFirstCell(String c) {
            if (row.isEmpty()) {
                if (!isBareNumber(c)) {
                    group = c;
                    return;
                }
                row.add(group);
                group = "";
            }
            row.add(c);
            if (row.size() == columns + 1) flush();
        }

        private void decide() {
            if (groupFirst == null) groupFirst = false;
        }

        private void writeHeader() {
            if (headerWritten) return;
            headerWritten = true;
            List<String> h = new ArrayList<>(header);
            if (groupFirst) h.add(1, "序号");
            out.add(String.join("\t", h));
        }

        private void flush() {
            decide();
            writeHeader();
            if (row.isEmpty()) return;
            if (!groupFirst) align(row);
            out.add(String.join("\t", row));
            row.clear();
        }

        /**
         * A row short of cells (a cell the copy lost): trailing empty cells go, and when the row
         * holds a person's name before the 责任领导 column, empty cells put it in that column.
         */
        private void align(List<String> cells) {
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank())
                cells.remove(cells.size() - 1);
            if (cells.size() >= columns || leaders < 0) return;
            for (int j = 2; j < cells.size() && j < leaders; j++) {
                if (looksLikeName(cells.get(j))) {
                    int missing = Math.min(leaders - j, columns - cells.size());
                    for (int m = 0; m < missing; m++) cells.add(j, "");
                    return;
                }
            }
        }

        void finish() {
            if (!group.isEmpty() && row.isEmpty()) {
                // A group cell with no row after it: keep its text as a row of its own.
                row.add(group);
                group = "";
            }
            flush();
        }
    }

    /** Unit names end in these (区发改局, 各街道, 综合科); a person's name does not. */
    private static final String UNIT_ENDINGS = "局办委室部处区镇街道所队站组会院司厅科心市县乡村社府团校馆台中";

    /** 2–4 Chinese characters that do not end like a unit: a person's name (徐国江). */
    static boolean looksLikeName(String cell) {
        String s = cell.strip();
        if (s.length() < 2 || s.length() > 4) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '\u4e00' || c > '\u9fff') return false;
        }
        return UNIT_ENDINGS.indexOf(s.charAt(s.length() - 1)) < 0;
    }

    private static int cellPerLine(
            List<String> lines, int start, int columns, boolean pipes, List<String> out) {
        List<String> cells = new ArrayList<>();
        for (int j = 0; j < columns; j++) cells.add(cellText(lines.get(start + j)));
        out.add(String.join("\t", cells));
        int i = start + columns;
        cells.clear();
        StringBuilder cell = new StringBuilder();
        while (i < lines.size()) {
            String line = lines.get(i);
            if (pipes) {
                if (cells.isEmpty() && cell.isEmpty() && !line.endsWith("|")) {
                    if (!isGroupLine(line)) break;
                    out.add(line);
                    i++;
                    continue;
                }
                cell.append(cellText(line));
                i++;
                if (line.endsWith("|")) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    if (cells.size() == columns) {
                        out.add(String.join("\t", cells));
                        cells.clear();
                    }
                }
            } else {
                if (isGroupLine(line)) {
                    out.add(line);
                    i++;
                    continue;
                }
                if (!isBareNumber(line) || i + columns > lines.size()) break;
                for (int j = 0; j < columns; j++) cells.add(cellText(lines.get(i + j)));
                out.add(String.join("\t", cells));
                cells.clear();
                i += columns;
            }
        }
        if (!cells.isEmpty() || !cell.isEmpty()) {
            if (!cell.isEmpty()) cells.add(cell.toString());
            out.add(String.join("\t", cells));
        }
        return i;
    }

    private static int spaceSeparated(
            List<String> lines, int start, int columns, List<String> out) {
        out.add(String.join("\t", spaceCells(lines.get(start))));
        int i = start + 1;
        StringBuilder row = null;
        int pieces = 0; // of the row so far: counted per line, never by splitting the row again
        while (i < lines.size()) {
            String line = lines.get(i);
            if (startsWithNumber(line)) {
                if (row != null) out.add(cells(row.toString(), columns));
                row = new StringBuilder(line);
                pieces = spaceCells(line).size();
            } else if (row != null && pieces < columns) {
                boolean runsOn = "、，,；;".indexOf(row.charAt(row.length() - 1)) >= 0;
                row.append(runsOn ? "" : " ").append(line);
                pieces += spaceCells(line).size() - (runsOn ? 1 : 0);
            } else if (isGroupLine(line)) {
                if (row != null) out.add(cells(row.toString(), columns));
                row = null;
                out.add(line);
            } else {
                break;
            }
            i++;
        }
        if (row != null) out.add(cells(row.toString(), columns));
        return i;
    }

    /**
     * A row's cells: split at runs of spaces; more pieces than columns run on in the task (second)
     * cell.
     */
    private static String cells(String row, int columns) {
        List<String> parts = spaceCells(row);
        if (parts.size() > columns && columns >= 2) {
            int extra = parts.size() - columns;
            StringBuilder task = new StringBuilder(parts.get(1));
            for (int j = 0; j < extra; j++) task.append(' ').append(parts.get(2 + j));
            List<String> merged = new ArrayList<>();
            merged.add(parts.get(0));
            merged.add(task.toString());
            merged.addAll(parts.subList(2 + extra, parts.size()));
            parts = merged;
        }
        return String.join("\t", parts);
    }

    /** The pieces of a line between runs of spaces (ASCII or ideographic). */
    static List<String> spaceCells(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(line.charAt(i))) i++;
            int s = i;
            while (i < n && !isSpace(line.charAt(i))) i++;
            if (i > s) out.add(line.substring(s, i));
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000' || c == '\u00A0';
    }

    /** A line without its trailing {@code |} and spaces. */
    private static String cellText(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '|' || Scan.isSpace(line.charAt(end - 1))))
            end--;
        return line.substring(0, end).strip();
    }

    static boolean isColumnWord(String cell) {
        if (cell.length() > 8) return false;
        StringBuilder s = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++)
            if (!isSpace(cell.charAt(i)) && !Scan.isSpace(cell.charAt(i))) s.append(cell.charAt(i));
        return COLUMN_WORDS.contains(s.toString());
    }

    /** A group row standing alone between rows: 一、… (or a part in brackets). */
    private static boolean isGroupLine(String line) {
        Numbering.Match m = Numbering.match(line);
        return m != null
                && (m.style() == Numbering.CHINESE || m.style() == Numbering.PAREN_CHINESE)
                && line.length() <= 60;
    }

    private static boolean isBareNumber(String line) {
        String s = cellText(line);
        if (s.isEmpty() || s.length() > 3) return false;
        for (int i = 0; i < s.length(); i++)
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** "12 推进…": digits, then a space. */
    private static boolean startsWithNumber(String line) {
        int i = 0;
        while (i < line.length() && i < 4 && line.charAt(i) >= '0' && line.charAt(i) <= '9') i++;
        return i > 0 && i < 4 && i < line.length() && isSpace(line.charAt(i));
    }
}
