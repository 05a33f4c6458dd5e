package cn.duban.plan;

import cn.duban.plan.parse.PlanParseException;
import cn.duban.plan.parse.TextDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Turns an uploaded document into the plain text the parser reads: text and markdown in
 * any common Chinese encoding, Word (.docx, tables as tab-separated rows) and Excel task
 * tables (.xlsx, one tab-separated line per row).
 */
public final class DocumentReader {

    /** Uploads larger than this are refused before any parsing. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Pasted text longer than this is refused. */
    public static final int MAX_CHARS = 1_000_000;

    private DocumentReader() {
    }

    public static String read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new PlanParseException("EMPTY", "文件为空。");
        }
        if (content.length > MAX_BYTES) {
            throw new PlanParseException("TOO_LARGE", "文件过大：最大 " + (MAX_BYTES / 1024 / 1024) + " MB。");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
        if (name.endsWith(".docx") || (zip && !name.endsWith(".xlsx") && looksLikeWord(content))) {
            return docx(content);
        }
        if (name.endsWith(".xlsx") || zip) {
            return xlsx(content);
        }
        if (name.endsWith(".doc") || name.endsWith(".xls") || name.endsWith(".pdf") || name.endsWith(".wps")) {
            throw new PlanParseException("UNSUPPORTED_FORMAT",
                    "不支持该文件格式（" + fileName + "）：请另存为 .docx、.xlsx 或 .txt 后上传，或直接粘贴文本。");
        }
        return checkLength(TextDecoder.decode(content));
    }

    public static String checkLength(String text) {
        if (text != null && text.length() > MAX_CHARS) {
            throw new PlanParseException("TOO_LARGE", "文本过长：最多 " + MAX_CHARS + " 个字符。");
        }
        return text;
    }

    private static boolean looksLikeWord(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("word/");
    }

    static String docx(byte[] content) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            StringBuilder out = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    out.append(p.getText()).append('\n');
                } else if (element instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        StringBuilder line = new StringBuilder();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            if (!line.isEmpty()) line.append('\t');
                            line.append(cell.getText().replaceAll("\\s*\\R\\s*", " ").strip());
                        }
                        out.append(line).append('\n');
                    }
                }
            }
            return checkLength(out.toString());
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlanParseException p) throw p;
            throw new PlanParseException("UNREADABLE", "无法读取 Word 文档：文件可能已损坏或不是 .docx 格式。");
        }
    }

    static String xlsx(byte[] content) {
        DataFormatter formatter = new DataFormatter(Locale.CHINA);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            StringBuilder out = new StringBuilder();
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    StringBuilder line = new StringBuilder();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        if (c > 0) line.append('\t');
                        Cell cell = row.getCell(c);
                        if (cell != null) line.append(formatter.formatCellValue(cell).replaceAll("\\s*\\R\\s*", " ").strip());
                    }
                    if (!line.toString().isBlank()) out.append(line).append('\n');
                }
            }
            return checkLength(out.toString());
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlanParseException p) throw p;
            throw new PlanParseException("UNREADABLE", "无法读取 Excel 表格：文件可能已损坏或不是 .xlsx 格式。");
        }
    }
}
