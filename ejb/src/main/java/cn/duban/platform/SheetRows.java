package cn.duban.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of a small .xlsx (a list of units or accounts) as rows of text, read with
 * POI's streaming (SAX) API and bounded everywhere: the file's size (checked by the caller), the
 * XML inflated from it, the shared strings, the number of data rows ({@code maxRows}: reading stops
 * at the first row past it) and the characters of a cell. Nothing grows with what the file claims.
 */
public final class SheetRows {

    /** Inflated XML read from one part (sheet or shared strings) at most. */
    static final long MAX_PART_BYTES = 32L * 1024 * 1024;
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

    /** A problem with the whole file; {@code code} is the problem code to answer with. */
    public static final class Unreadable extends RuntimeException {
        private final String code;

        public Unreadable(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }

        public DubanException problem() {
            return DubanException.badRequest(code, getMessage());
        }
    }

    private SheetRows() {
    }

    /**
     * The rows below the header: the first row (of the first {@value #HEADER_ROWS}) whose cells
     * {@code isHeader} accepts; header names are normalised by {@link #headerName}. Blank rows are
     * skipped. More than {@code maxRows} data rows is refused, as is anything that is not an .xlsx.
     */
    public static List<Row> read(byte[] xlsx, int maxRows, Predicate<Map<String, Integer>> isHeader, String what) {
        if (xlsx == null || xlsx.length < 4 || xlsx[0] != 'P' || xlsx[1] != 'K') {
            boolean ole2 = xlsx != null && xlsx.length >= 4 && (xlsx[0] & 0xFF) == 0xD0 && (xlsx[1] & 0xFF) == 0xCF;
            throw new Unreadable("sheet.format", ole2
                    ? "这是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 后再导入。"
                    : "文件不是有效的 Excel（.xlsx）文件。");
        }
        Path file = null;
        try {
            // From a file, POI inflates each part only as it is read (from memory it inflates all of them first).
            file = Files.createTempFile("duban-sheet", ".xlsx");
            Files.write(file, xlsx);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                List<PackagePart> sst = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
                ReadOnlySharedStringsTable strings = sst.isEmpty()
                        ? new ReadOnlySharedStringsTable(InputStream.nullInputStream(), false)
                        : new ReadOnlySharedStringsTable(new Limited(sst.get(0).getInputStream()), false);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) throw new Unreadable("sheet.empty", what + "中没有工作表。");
                Collector rows = new Collector(maxRows, isHeader, what);
                try (InputStream sheet = new Limited(sheets.next())) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new DataFormatter(), false));
                    parser.parse(new InputSource(sheet));
                }
                if (rows.columns == null) {
                    throw new Unreadable("sheet.columns", "未找到表头：" + what + "的前" + HEADER_ROWS + "行中没有所需的列名。");
                }
                return rows.rows;
            }
        } catch (Unreadable e) {
            throw e;
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Unreadable u) throw u;
            }
            throw new Unreadable("sheet.format", "文件不是有效的 Excel（.xlsx）文件，或已损坏。");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    /** Header text as the sheet writes it, without blanks, with half-width brackets and slashes. */
    public static String headerName(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '*') continue;
            b.append(switch (c) {
                case '（' -> '(';
                case '）' -> ')';
                case '／' -> '/';
                default -> c;
            });
        }
        return b.toString();
    }

    /** Receives the cells row by row; knows the header once it has seen it. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final Predicate<Map<String, Integer>> isHeader;
        private final String what;
        private final List<Row> rows = new ArrayList<>();
        private Map<String, Integer> columns;
        private Map<Integer, String> names;
        private Map<Integer, String> current;
        private int rowsSeen;

        Collector(int maxRows, Predicate<Map<String, Integer>> isHeader, String what) {
            this.maxRows = maxRows;
            this.isHeader = isHeader;
            this.what = what;
        }

        @Override
        public void startRow(int rowNum) {
            current = new HashMap<>();
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            if (value == null || ref == null) return;
            String v = value.strip();
            if (v.isEmpty()) return;
            if (v.length() > MAX_CELL_CHARS) {
                throw new Unreadable("sheet.cell-too-long", what + "的单元格 " + ref + " 过长（最多" + MAX_CELL_CHARS + "字）。");
            }
            current.put(column(ref), v);
        }

        @Override
        public void endRow(int rowNum) {
            if (current.isEmpty()) return;
            if (columns == null) {
                if (++rowsSeen > HEADER_ROWS) {
                    throw new Unreadable("sheet.columns", "未找到表头：" + what + "的前" + HEADER_ROWS + "行中没有所需的列名。");
                }
                Map<String, Integer> found = new HashMap<>();
                current.forEach((col, text) -> found.putIfAbsent(headerName(text), col));
                if (isHeader.test(found)) {
                    columns = found;
                    names = new HashMap<>();
                    found.forEach((name, col) -> names.put(col, name));
                }
                return;
            }
            if (rows.size() >= maxRows) {
                throw new Unreadable("sheet.too-many-rows", what + "一次最多导入 " + maxRows + " 行。");
            }
            Map<String, String> cells = new HashMap<>();
            current.forEach((col, text) -> {
                String name = names.get(col);
                if (name != null) cells.put(name, text);
            });
            if (!cells.isEmpty()) rows.add(new Row(rowNum + 1, cells));
        }

        private static int column(String ref) {
            int col = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return col - 1;
        }
    }

    /** Refuses to read more than {@link #MAX_PART_BYTES} (a zip bomb inflates without end). */
    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_PART_BYTES) throw new Unreadable("sheet.too-large", "表格内容过大，无法导入。");
        }
    }
}
