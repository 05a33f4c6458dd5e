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

    static List<String> rebuild(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
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
