package cn.duban.plan;

import cn.duban.plan.parse.PlanParseException;
import cn.duban.plan.parse.TextDecoder;
import cn.duban.platform.office.LegacyWord;
import cn.duban.platform.office.OfficeFile;
import cn.duban.platform.office.PdfText;
import cn.duban.platform.office.SheetStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns an uploaded document into the plain text the parser reads: text and markdown in any common
 * Chinese encoding, Word (.docx, and .doc/.wps through HWPF; tables as tab-separated rows), Excel
 * task tables (.xlsx, one tab-separated line per row) and PDF (text with positions: tables come out
 * tab-separated, {@link PdfText}). Office files are opened with per-read limits ({@link
 * OfficeFile}); workbooks are read streaming, Word documents are counted before XWPF loads them;
 * PDFs are checked for bombs before PDFBox loads them. A PDF without text (a scan) is refused:
 * there is no OCR.
 */
public final class DocumentReader {

    /** Uploads larger than this are refused before any parsing. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** Pasted text longer than this is refused. */
    public static final int MAX_CHARS = 1_000_000;

    /** Rows with text in all the sheets of a workbook. */
    public static final int MAX_TABLE_ROWS = 20_000;

    /**
     * Elements and attributes in all the XML parts of a Word document (XWPF loads them all into
     * memory).
     */
    public static final int MAX_ELEMENTS = 500_000;

    private DocumentReader() {}

    public static String read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new PlanParseException("EMPTY", "文件为空。");
        }
        if (content.length > MAX_BYTES) {
            throw new PlanParseException(
                    "TOO_LARGE", "文件过大：最大 " + (MAX_BYTES / 1024 / 1024) + " MB。");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
        if (name.endsWith(".docx") || (zip && !name.endsWith(".xlsx") && looksLikeWord(content))) {
            return docx(content);
        }
        if (name.endsWith(".xlsx") || zip) {
            return xlsx(content);
        }
        if (name.endsWith(".pdf") || PdfText.isPdf(content)) {
            return pdf(content);
        }
        boolean ole2 = LegacyWord.isOle2(content);
        if (name.endsWith(".et")) {
            throw new PlanParseException(
                    "UNSUPPORTED_FORMAT", "不支持 WPS 表格文件（.et）：请在 WPS 中另存为 .xlsx 后上传，或直接粘贴文本。");
        }
        if (name.endsWith(".xls")) {
            throw new PlanParseException(
                    "UNSUPPORTED_FORMAT", "不支持 Excel 97-2003 表格（.xls）：请另存为 .xlsx 后上传，或直接粘贴文本。");
        }
        if (name.endsWith(".doc") || name.endsWith(".wps") || ole2) {
            return legacyWord(content, name.endsWith(".wps"));
        }
        return checkLength(TextDecoder.decode(content));
    }

    /** Fewer letters than this in a whole PDF: a scan (an image of each page), not text. */
    static final int MIN_PDF_TEXT = 10;

    static String pdf(byte[] content) {
        String text;
        try {
            text = PdfText.read(content, PdfText.Limits.UPLOAD);
        } catch (OfficeFile.Refused e) {
            throw problem(e, "无法读取 PDF 文件：文件可能已损坏或不是 PDF 格式。");
        }
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_PDF_TEXT; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) letters++;
        }
        if (letters < MIN_PDF_TEXT) {
            throw new PlanParseException(
                    "UNSUPPORTED_FORMAT",
                    "该 PDF 文件中没有可提取的文字（可能是扫描件或图片），暂不支持文字识别（OCR）：请上传含文字的 PDF、Word 文档，或直接粘贴文本。");
        }
        return checkLength(text);
    }

    static String legacyWord(byte[] content, boolean wps) {
        String unreadable =
                wps
                        ? "无法读取该 WPS 文字文件（.wps）：请在 WPS 中另存为 .docx 或 .doc 后上传，或直接粘贴文本。"
                        : "无法读取 Word 97-2003 文档（.doc）：文件可能已损坏或已加密，请另存为 .docx 后上传，或直接粘贴文本。";
        try {
            return checkLength(LegacyWord.read(content, MAX_CHARS));
        } catch (OfficeFile.Refused e) {
            throw problem(e, unreadable);
        }
    }

    public static String checkLength(String text) {
        if (text != null && text.length() > MAX_CHARS) {
            throw new PlanParseException("TOO_LARGE", "文本过长：最多 " + MAX_CHARS + " 个字符。");
        }
        return text;
    }

    private static boolean looksLikeWord(byte[] content) {
        String head =
                new String(
                        content,
                        0,
                        Math.min(content.length, 4096),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("word/");
    }

    static String docx(byte[] content) {
        String unreadable = "无法读取 Word 文档：文件可能已损坏或不是 .docx 格式。";
        OfficeFile file = open(content, OfficeFile.Limits.DOCX, unreadable);
        try (file) {
            // XWPF holds the whole document in memory: count its elements first, streaming.
            countElements(file);
            XWPFDocument doc = new XWPFDocument(file.pkg());
            StringBuilder out = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    out.append(p.getText()).append('\n');
                } else if (element instanceof XWPFTable t) {
                    table(t, out);
                }
                if (out.length() > MAX_CHARS) throw tooLong();
            }
            return checkLength(out.toString());
        } catch (PlanParseException e) {
            throw e;
        } catch (Exception e) {
            throw problem(file.refusal() != null ? file.refusal() : refusal(e), unreadable);
        }
    }

    /** Cells of one Word table row past which the row is not a task table's. */
    static final int MAX_GRID_COLUMNS = 64;

    /**
     * A Word table as the text-table rows {@code plan.parse} reads (one tab-separated line per
     * row), its structure rebuilt from the cells: each cell at its grid column (a cell spanning
     * columns leaves the others empty, so cells never shift); a cell merged down (vMerge continue)
     * holds the value of the cell it continues; a row of one cell spanning the table is a line of
     * its own, a section heading (一、…), not a row of cells.
     */
    private static void table(XWPFTable t, StringBuilder out) {
        List<String> above = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (XWPFTableRow row : t.getRows()) {
            cells.clear();
            int spanning = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = 1;
                if (pr != null && pr.getGridSpan() != null && pr.getGridSpan().getVal() != null)
                    span =
                            Math.max(
                                    1,
                                    Math.min(
                                            MAX_GRID_COLUMNS,
                                            pr.getGridSpan().getVal().intValue()));
                int col = cells.size();
                String text = oneLine(cell.getText()).strip();
                if (pr != null && pr.getVMerge() != null) {
                    STMerge.Enum merge = pr.getVMerge().getVal();
                    if ((merge == null || merge == STMerge.CONTINUE)
                            && text.isEmpty()
                            && col < above.size()) text = above.get(col);
                }
                cells.add(text);
                for (int k = 1; k < span && cells.size() < MAX_GRID_COLUMNS; k++) cells.add("");
                spanning = span;
                if (cells.size() >= MAX_GRID_COLUMNS) break;
            }
            if (cells.size() > 1 && spanning == cells.size()) {
                out.append(cells.get(0)).append('\n'); // one cell across the table: a heading
                continue;
            }
            out.append(String.join("\t", cells)).append('\n');
            above.clear();
            above.addAll(cells);
        }
    }

    static String xlsx(byte[] content) {
        String unreadable = "无法读取 Excel 表格：文件可能已损坏或不是 .xlsx 格式。";
        OfficeFile file = open(content, OfficeFile.Limits.XLSX, unreadable);
        try (file) {
            Lines lines = new Lines();
            SheetStream.read(file, false, new SheetStream.Formatter(Locale.CHINA), lines);
            return checkLength(lines.out.toString());
        } catch (OfficeFile.Refused e) {
            throw problem(e, unreadable);
        }
    }

    /**
     * One tab-separated line per row that has text, as the rows come; bounded in rows and
     * characters.
     */
    private static final class Lines implements SheetStream.Cells {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int cols;
        private boolean text;
        private int rows;

        @Override
        public void startRow(int row) {
            line.setLength(0);
            cols = 0;
            text = false;
        }

        @Override
        public void cell(int row, int col, String value, Double number, String format) {
            if (col < cols) return; // out of order: Excel never writes it
            tabs(col - cols + (cols == 0 ? 0 : 1));
            String v = oneLine(value).strip();
            line.append(v);
            if (!v.isEmpty()) text = true;
            cols = col + 1;
            if (line.length() > MAX_CHARS) throw tooLong();
        }

        @Override
        public void endRow(int row, int width) {
            // Empty cells up to the row's last cell still separate columns, as the whole-workbook
            // reader did.
            if (width > cols) tabs(width - cols - (cols == 0 ? 1 : 0));
            if (!text) return;
            if (++rows > MAX_TABLE_ROWS) {
                throw new PlanParseException(
                        "TOO_LARGE", "表格行数过多：最多 " + MAX_TABLE_ROWS + " 行有内容的行。");
            }
            out.append(line).append('\n');
            if (out.length() > MAX_CHARS) throw tooLong();
        }

        private void tabs(int n) {
            for (int i = 0; i < n; i++) line.append('\t');
        }
    }

    /**
     * Every run of whitespace that holds a line break becomes one space, in one pass: what {@code
     * s.replaceAll("\\s*\\R\\s*", " ")} did, without the regex's quadratic backtracking on a long
     * run of spaces.
     */
    static String oneLine(String s) {
        int n = s.length();
        StringBuilder out = null;
        int i = 0;
        int copied = 0;
        while (i < n) {
            char c = s.charAt(i);
            int end;
            if (space(c)) {
                int j = i;
                boolean breaks = false;
                while (j < n && space(s.charAt(j))) {
                    breaks |= lineBreak(s.charAt(j));
                    j++;
                }
                if (j < n && otherBreak(s.charAt(j))) {
                    end = skipSpace(s, j + 1);
                } else if (breaks) {
                    end = j;
                } else {
                    i = j;
                    continue;
                }
            } else if (otherBreak(c)) {
                end = skipSpace(s, i + 1);
            } else {
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(n);
            out.append(s, copied, i).append(' ');
            copied = end;
            i = end;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /** {@code \\s} of java.util.regex (without UNICODE_CHARACTER_CLASS). */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The line breaks of {@code \\R} that are also {@code \\s}. */
    private static boolean lineBreak(char c) {
        return c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The line breaks of {@code \\R} that are not {@code \\s}. */
    private static boolean otherBreak(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static int skipSpace(String s, int from) {
        int j = from;
        while (j < s.length() && space(s.charAt(j))) j++;
        return j;
    }

    private static OfficeFile open(byte[] content, OfficeFile.Limits limits, String unreadable) {
        try {
            return OfficeFile.open(content, limits);
        } catch (OfficeFile.Refused e) {
            throw problem(e, unreadable);
        }
    }

    /** Counts the elements and attributes of every XML part before XWPF loads them into memory. */
    private static void countElements(OfficeFile file) throws Exception {
        int[] count = {0};
        DefaultHandler counter =
                new DefaultHandler() {
                    @Override
                    public void startElement(
                            String uri, String localName, String qName, Attributes attributes)
                            throws SAXException {
                        count[0] += 1 + attributes.getLength();
                        if (count[0] > MAX_ELEMENTS) {
                            throw new SAXException(
                                    new OfficeFile.Refused(
                                            OfficeFile.Kind.TOO_LARGE,
                                            "Word 文档结构过于复杂（超过 " + MAX_ELEMENTS + " 个元素和属性），无法导入。"));
                        }
                    }
                };
        for (String name : file.partNames()) {
            if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
            try (InputStream in = file.part(name)) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(counter);
                parser.parse(new InputSource(in));
            } catch (SAXException e) {
                if (e.getException() instanceof OfficeFile.Refused r) throw r;
                throw e;
            }
        }
    }

    private static OfficeFile.Refused refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OfficeFile.Refused r) return r;
        }
        return new OfficeFile.Refused(OfficeFile.Kind.CORRUPT, "");
    }

    private static PlanParseException problem(OfficeFile.Refused e, String unreadable) {
        return switch (e.kind()) {
            case TOO_LARGE -> new PlanParseException("TOO_LARGE", e.getMessage());
            case MALFORMED -> new PlanParseException("UNREADABLE", e.getMessage());
            case CORRUPT -> new PlanParseException("UNREADABLE", unreadable);
        };
    }

    private static PlanParseException tooLong() {
        return new PlanParseException("TOO_LARGE", "文本过长：最多 " + MAX_CHARS + " 个字符。");
    }
}
