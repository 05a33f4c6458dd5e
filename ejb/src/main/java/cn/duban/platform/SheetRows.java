package cn.duban.platform;

import cn.duban.platform.office.OfficeFile;
import cn.duban.platform.office.SheetStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The first sheet of a small .xlsx (a list of units or accounts) as rows of text by header name.
 * The workbook is read by the application's one bounded reader: {@link OfficeFile} (entries,
 * expanded bytes, compression ratio, concurrent reads) and {@link SheetStream} (cells, characters,
 * shared strings). This class only finds the header and keeps at most {@code maxRows} data rows:
 * reading stops at the first row past it.
 */
public final class SheetRows {

    static final int MAX_CELL_CHARS = 1_000;

    /** Rows searched for the header. */
    static final int HEADER_ROWS = 10;

    /** A data row: its number as Excel shows it (1-based) and its cells by header name. */
    public record Row(int number, Map<String, String> cells) {
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }
    }

    /**
     * A sheet's columns by meaning: each column has its name and the other names people give it in
     * a header ({@code 手机号} for {@code 手机}), mapped to it in {@code synonyms}.
     */
    public record Columns(Map<String, String> synonyms) {

        /** Whether the header names the column, under its own name or another. */
        public boolean named(Map<String, Integer> header, String column) {
            if (header.containsKey(column)) return true;
            for (var e : synonyms.entrySet())
                if (e.getValue().equals(column) && header.containsKey(e.getKey())) return true;
            return false;
        }

        /**
         * The row's cell of the column, else the first cell under another of its names that has
         * text.
         */
        public String get(Row row, String column) {
            String v = row.get(column);
            if (!v.isEmpty()) return v;
            for (var e : synonyms.entrySet()) {
                if (e.getValue().equals(column) && !row.get(e.getKey()).isEmpty())
                    return row.get(e.getKey());
            }
            return v;
        }
    }

    /**
     * The items of a list written in one cell, split at 、 , ， ; ； / and blanks; each once, in
     * order.
     */
    public static List<String> items(String cell) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= cell.length(); i++) {
            char c = i < cell.length() ? cell.charAt(i) : ',';
            if (c == '、'
                    || c == ','
                    || c == '，'
                    || c == ';'
                    || c == '；'
                    || c == '/'
                    || Character.isWhitespace(c)) {
                if (!b.isEmpty() && !out.contains(b.toString())) out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        return out;
    }

    /**
     * A problem with the whole file: {@code status} (400, or 413 for too large) and the problem
     * code.
     */
    public static final class Unreadable extends RuntimeException {
        private final int status;
        private final String code;

        public Unreadable(String code, String message) {
            this(400, code, message);
        }

        public Unreadable(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }

        public DubanException problem() {
            return new DubanException(status, code, getMessage());
        }
    }

    private SheetRows() {}

    /**
     * The rows below the header: the first row (of the first {@value #HEADER_ROWS}) whose cells
     * {@code isHeader} accepts; header names are normalised by {@link #headerName}. Blank rows are
     * skipped. More than {@code maxRows} data rows is refused (413), as is anything that is not an
     * .xlsx (400) or expands past {@link OfficeFile.Limits#XLSX} (413).
     */
    public static List<Row> read(
            byte[] xlsx, int maxRows, Predicate<Map<String, Integer>> isHeader, String what) {
        if (xlsx == null || xlsx.length < 4 || xlsx[0] != 'P' || xlsx[1] != 'K') {
            boolean ole2 =
                    xlsx != null
                            && xlsx.length >= 4
                            && (xlsx[0] & 0xFF) == 0xD0
                            && (xlsx[1] & 0xFF) == 0xCF;
            throw new Unreadable(
                    "sheet.format",
                    ole2
                            ? "这是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 后再导入。"
                            : "文件不是有效的 Excel（.xlsx）文件。");
        }
        Collector rows = new Collector(maxRows, isHeader, what);
        try (OfficeFile file = OfficeFile.open(xlsx, OfficeFile.Limits.XLSX)) {
            SheetStream.read(file, true, new SheetStream.Formatter(), rows);
        } catch (OfficeFile.Refused e) {
            throw switch (e.kind()) {
                case TOO_LARGE ->
                        new Unreadable(413, "sheet.too-large", what + "：" + e.getMessage());
                case MALFORMED -> new Unreadable("sheet.format", what + "：" + e.getMessage());
                case CORRUPT -> new Unreadable("sheet.format", "文件不是有效的 Excel（.xlsx）文件，或已损坏。");
            };
        }
        rows.endRow();
        if (rows.columns == null) {
            throw new Unreadable(
                    "sheet.columns", "未找到表头：" + what + "的前" + HEADER_ROWS + "行中没有所需的列名。");
        }
        return rows.rows;
    }

    /** Header text as the sheet writes it, without blanks, with half-width brackets and slashes. */
    public static String headerName(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '*') continue;
            b.append(
                    switch (c) {
                        case '（' -> '(';
                        case '）' -> ')';
                        case '／' -> '/';
                        default -> c;
                    });
        }
        return b.toString();
    }

    /** Receives the cells row by row; knows the header once it has seen it. */
    private static final class Collector implements SheetStream.Cells {
        private final int maxRows;
        private final Predicate<Map<String, Integer>> isHeader;
        private final String what;
        private final List<Row> rows = new ArrayList<>();
        private Map<String, Integer> columns;
        private Map<Integer, String> names;
        private Map<Integer, String> current;
        private int currentRow = -1;
        private int rowsSeen;

        Collector(int maxRows, Predicate<Map<String, Integer>> isHeader, String what) {
            this.maxRows = maxRows;
            this.isHeader = isHeader;
            this.what = what;
        }

        @Override
        public void startRow(int row) {
            endRow();
            current = new HashMap<>();
            currentRow = row;
        }

        @Override
        public void cell(int row, int col, String text, Double number, String format) {
            if (current == null || text == null) return;
            String v = text.strip();
            if (v.isEmpty()) return;
            if (v.length() > MAX_CELL_CHARS) {
                throw new Unreadable(
                        "sheet.cell-too-long",
                        what
                                + "第"
                                + (row + 1)
                                + "行第"
                                + (col + 1)
                                + "列的单元格过长（最多"
                                + MAX_CELL_CHARS
                                + "字）。");
            }
            // Header rows are looked up by a cell's column only when this column is one the header
            // named.
            if (columns == null || names.containsKey(col)) current.put(col, v);
        }

        @Override
        public void endRow(int row, int width) {
            endRow();
        }

        /** Ends the row being read (once: called again at the next row and after the sheet). */
        void endRow() {
            Map<Integer, String> row = current;
            current = null;
            if (row == null || row.isEmpty()) return;
            if (columns == null) {
                if (++rowsSeen > HEADER_ROWS) {
                    throw new Unreadable(
                            "sheet.columns", "未找到表头：" + what + "的前" + HEADER_ROWS + "行中没有所需的列名。");
                }
                Map<String, Integer> found = new HashMap<>();
                row.forEach((col, text) -> found.putIfAbsent(headerName(text), col));
                if (isHeader.test(found)) {
                    columns = found;
                    names = new HashMap<>();
                    found.forEach((name, col) -> names.put(col, name));
                }
                return;
            }
            if (rows.size() >= maxRows) {
                throw new Unreadable(
                        413, "sheet.too-many-rows", what + "一次最多导入 " + maxRows + " 行。");
            }
            Map<String, String> cells = new HashMap<>();
            row.forEach((col, text) -> cells.put(names.get(col), text));
            if (!cells.isEmpty()) rows.add(new Row(currentRow + 1, cells));
        }
    }
}
