package cn.duban.platform.office;

import java.io.ByteArrayInputStream;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * The text of a Word 97–2003 document (.doc, and WPS files saved in that format) through POI HWPF,
 * with limits of its own: the file is at most the upload size (HWPF holds it in memory, about its
 * own size again), paragraphs and characters are capped. Tables come out one tab-separated line per
 * row, as the .docx reader writes them: each cell ends with a cell mark (\u0007) and each row with
 * a paragraph of its own. Shares the concurrency gate of {@link OfficeFile}.
 */
public final class LegacyWord {

    /** Paragraphs of the whole document, table cells included. */
    public static final int MAX_PARAGRAPHS = 200_000;

    private LegacyWord() {}

    /** Whether the bytes are an OLE2 compound file (what .doc, .xls, .wps and .et are). */
    public static boolean isOle2(byte[] content) {
        return content.length >= 8 && FileMagic.valueOf(content) == FileMagic.OLE2;
    }

    /**
     * @throws OfficeFile.Refused {@code CORRUPT} when HWPF cannot read the file, {@code TOO_LARGE}
     *     past a limit
     */
    public static String read(byte[] content, int maxChars) {
        try (OfficeFile.Permit permit = OfficeFile.permit()) {
            HWPFDocument doc;
            try {
                doc = new HWPFDocument(new ByteArrayInputStream(content));
            } catch (Exception e) {
                throw new OfficeFile.Refused(OfficeFile.Kind.CORRUPT, "");
            }
            try (doc) {
                Range range = doc.getRange();
                int n = range.numParagraphs();
                if (n > MAX_PARAGRAPHS) {
                    throw new OfficeFile.Refused(
                            OfficeFile.Kind.TOO_LARGE,
                            "Word 文档段落过多（超过 " + MAX_PARAGRAPHS + " 段），无法导入。");
                }
                StringBuilder out = new StringBuilder();
                StringBuilder row = new StringBuilder();
                StringBuilder cell = new StringBuilder();
                boolean inRow = false;
                for (int i = 0; i < n; i++) {
                    Paragraph p = range.getParagraph(i);
                    String text = Range.stripFields(p.text());
                    if (p.isInTable()) {
                        if (p.isTableRowEnd()) {
                            if (!cell.isEmpty()) endCell(row, cell, inRow);
                            out.append(row).append('\n');
                            row.setLength(0);
                            inRow = false;
                            continue;
                        }
                        boolean endsCell = text.indexOf('\u0007') >= 0;
                        if (!cell.isEmpty()) cell.append(' ');
                        cell.append(clean(text));
                        if (endsCell) {
                            endCell(row, cell, inRow);
                            inRow = true;
                        }
                    } else {
                        if (inRow || !row.isEmpty()) {
                            out.append(row)
                                    .append('\n'); // a row without its end mark: keep what it had
                            row.setLength(0);
                            inRow = false;
                        }
                        out.append(clean(text)).append('\n');
                    }
                    if (out.length() > maxChars) {
                        throw new OfficeFile.Refused(
                                OfficeFile.Kind.TOO_LARGE, "文本过长：最多 " + maxChars + " 个字符。");
                    }
                }
                if (!row.isEmpty()) out.append(row).append('\n');
                return out.toString();
            }
        } catch (OfficeFile.Refused e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw new OfficeFile.Refused(OfficeFile.Kind.CORRUPT, "");
        }
    }

    private static void endCell(StringBuilder row, StringBuilder cell, boolean inRow) {
        if (inRow) row.append('\t');
        row.append(cell.toString().strip());
        cell.setLength(0);
    }

    /**
     * Without Word's control characters: cell marks, paragraph and line ends, page breaks, field
     * marks.
     */
    private static String clean(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u000B' || c == '\t')
                s.append(' '); // a line break inside a paragraph, a tab inside a cell
            else if (c >= 0x20 || c == '\n') s.append(c);
        }
        return s.toString().strip();
    }
}
