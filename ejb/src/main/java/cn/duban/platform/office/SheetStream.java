package cn.duban.platform.office;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Reads the cells of a workbook streaming (POI's SAX event API), so memory does not grow with the
 * sheet: only the shared strings are held, and they are bounded too. Limits per read: {@value
 * #MAX_CELLS} cells, {@value #MAX_CELL_CHARS} characters in a cell (Excel's own maximum), {@value
 * #MAX_STRINGS} shared strings. The caller bounds rows and keeps only what it needs.
 */
public final class SheetStream {

    public static final int MAX_CELLS = 1_000_000;
    public static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_STRINGS = 500_000;
    private static final int MAX_COLUMN = 16_383; // XFD
    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Receives the cells of the sheets, row by row, in file order. */
    public interface Cells {
        default void startRow(int row) {}

        /**
         * A cell with a value: the text as Excel shows it, and for a number also the number and its
         * format (a percentage format shows 0.8 as 80%).
         */
        void cell(int row, int col, String text, Double number, String format);

        /** {@code width}: one past the last column with a cell in the row, even an empty one. */
        default void endRow(int row, int width) {}
    }

    /** A DataFormatter that also remembers the raw number it formatted last. */
    public static final class Formatter extends DataFormatter {
        private Double number;
        private String format;

        public Formatter() {
            super();
        }

        public Formatter(Locale locale) {
            super(locale);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            number = value;
            format = formatString;
            return super.formatRawCellContents(value, formatIndex, formatString);
        }

        void forget() {
            number = null;
            format = null;
        }
    }

    private SheetStream() {}

    /**
     * Streams the cells of the first sheet, or of all sheets in workbook order. A failure thrown by
     * {@code cells} ends the read and is thrown as it is; a broken file is an {@link
     * OfficeFile.Refused}.
     */
    public static void read(
            OfficeFile file, boolean firstSheetOnly, Formatter formatter, Cells cells) {
        Handler handler = null;
        try {
            XSSFReader reader = new XSSFReader(file.pkg());
            StylesTable styles = reader.getStylesTable();
            List<PackagePart> sst =
                    file.pkg().getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            SharedStrings strings =
                    sst.isEmpty() ? new BoundedStrings() : new BoundedStrings(sst.get(0));
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            handler = new Handler(styles, strings, formatter, cells);
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(handler);
                    parser.parse(new InputSource(sheet));
                }
                if (firstSheetOnly) break;
            }
        } catch (Exception e) {
            if (handler != null && handler.failure != null) throw handler.failure;
            if (file.refusal() != null) throw file.refusal();
            if (e instanceof OfficeFile.Refused r) throw r;
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof OfficeFile.Refused))
                cause = cause.getCause();
            if (cause instanceof OfficeFile.Refused r) throw r;
            throw OfficeFile.corrupt();
        }
    }

    /** POI's sheet handler plus the limits: cells, characters per cell, columns. */
    private static final class Handler extends XSSFSheetXMLHandler
            implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Formatter formatter;
        private final Cells cells;
        private RuntimeException failure;
        private int cellCount;
        private int chars;
        private boolean inCell;
        private boolean error;
        private int row;
        private int col;
        private int width;

        Handler(StylesTable styles, SharedStrings strings, Formatter formatter, Cells cells) {
            this(styles, strings, formatter, cells, new Forward());
        }

        // The superclass wants its SheetContentsHandler when constructed; it is this object itself.
        private Handler(
                StylesTable styles,
                SharedStrings strings,
                Formatter formatter,
                Cells cells,
                Forward forward) {
            super(styles, null, strings, forward, formatter, false);
            this.formatter = formatter;
            this.cells = cells;
            forward.target = this;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (NS.equals(uri)) {
                if ("c".equals(localName)) {
                    if (++cellCount > MAX_CELLS) {
                        throw stop(
                                new OfficeFile.Refused(
                                        OfficeFile.Kind.TOO_LARGE,
                                        "表格单元格过多（最多 " + MAX_CELLS + " 个），无法导入。"));
                    }
                    inCell = true;
                    chars = 0;
                    String ref = attributes.getValue("r");
                    col = ref == null ? col + 1 : column(ref);
                    width = Math.max(width, col + 1);
                    error = "e".equals(attributes.getValue("t"));
                    formatter.forget();
                } else if ("row".equals(localName)) {
                    col = -1;
                    width = 0;
                    chars = 0;
                } else if (!inCell) {
                    chars = 0;
                }
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            if (NS.equals(uri) && "c".equals(localName)) inCell = false;
            if (!inCell) chars = 0;
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            chars += length;
            if (chars > MAX_CELL_CHARS) {
                throw stop(
                        new OfficeFile.Refused(
                                OfficeFile.Kind.MALFORMED,
                                "单元格内容超过 " + MAX_CELL_CHARS + " 个字符（Excel 的上限），文件可能已损坏。"));
            }
            super.characters(ch, start, length);
        }

        private int column(String ref) throws SAXException {
            int c;
            try {
                c = new CellReference(ref).getCol();
            } catch (RuntimeException e) {
                c = -1;
            }
            if (c < 0 || c > MAX_COLUMN) {
                throw stop(
                        new OfficeFile.Refused(
                                OfficeFile.Kind.MALFORMED,
                                "单元格位置“" + ref + "”超出 Excel 的范围，文件可能已损坏。"));
            }
            return c;
        }

        private SAXException stop(RuntimeException reason) {
            if (failure == null) failure = reason;
            return new SAXException(reason.getMessage());
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            deliver(() -> cells.startRow(rowNum));
        }

        @Override
        public void endRow(int rowNum) {
            deliver(() -> cells.endRow(rowNum, width));
        }

        @Override
        public void cell(String ref, String text, XSSFComment comment) {
            if (text == null) return;
            String shown =
                    error && text.startsWith("ERROR:") ? text.substring("ERROR:".length()) : text;
            Double number = formatter.number;
            String format = formatter.format;
            formatter.forget();
            deliver(() -> cells.cell(row, col, shown, number, format));
        }

        private void deliver(Runnable call) {
            if (failure != null) throw failure;
            try {
                call.run();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** Passes POI's row and cell events on to the handler once it exists. */
    private static final class Forward implements XSSFSheetXMLHandler.SheetContentsHandler {
        private Handler target;

        @Override
        public void startRow(int rowNum) {
            target.startRow(rowNum);
        }

        @Override
        public void endRow(int rowNum) {
            target.endRow(rowNum);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            target.cell(cellReference, formattedValue, comment);
        }
    }

    /**
     * POI's read-only shared strings, bounded: the declared count no longer sizes the list (a tiny
     * file declaring two billion strings asked for an 8 GB array), and strings and characters are
     * counted as they are read. The superclass parses in its constructor, so the limits are
     * constants and the counters start at their defaults.
     */
    static final class BoundedStrings extends ReadOnlySharedStringsTable {
        private int items;
        private int chars;
        private boolean inItem;

        BoundedStrings() throws java.io.IOException, SAXException {
            super(InputStream.nullInputStream());
        }

        BoundedStrings(PackagePart part) throws java.io.IOException, SAXException {
            super(part);
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes)
                throws SAXException {
            boolean ours = NS.equals(uri);
            if (ours && "sst".equals(localName)) {
                AttributesImpl safe = new AttributesImpl(attributes);
                for (int i = safe.getLength() - 1; i >= 0; i--) {
                    String attr = safe.getLocalName(i);
                    if ("count".equals(attr) || "uniqueCount".equals(attr)) safe.removeAttribute(i);
                }
                attributes = safe;
            }
            if (ours && "si".equals(localName)) {
                inItem = true;
                chars = 0;
            } else if (!inItem) {
                chars = 0;
            }
            super.startElement(uri, localName, name, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            if (NS.equals(uri) && "si".equals(localName)) {
                inItem = false;
                if (++items > MAX_STRINGS) {
                    throw new SAXException(
                            new OfficeFile.Refused(
                                    OfficeFile.Kind.TOO_LARGE,
                                    "共享字符串过多（最多 " + MAX_STRINGS + " 个），无法导入。"));
                }
            }
            super.endElement(uri, localName, name);
            if (!inItem) chars = 0;
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            chars += length;
            if (chars > MAX_CELL_CHARS) {
                throw new SAXException(
                        new OfficeFile.Refused(
                                OfficeFile.Kind.MALFORMED,
                                "单元格内容超过 " + MAX_CELL_CHARS + " 个字符（Excel 的上限），文件可能已损坏。"));
            }
            super.characters(ch, start, length);
        }
    }
}
