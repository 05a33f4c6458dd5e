package cn.duban.platform.office;

import java.io.ByteArrayInputStream;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * The text of a Word 97–2003 document (.doc, and WPS files saved in that format) through POI HWPF,
 * with limits of its own: the file is at most the upload size (HWPF holds it in memory, about its
 * own size again), paragraphs and characters are capped. Tables come out one tab-separated line per
 * row, as the .docx reader writes them: cells at their grid column (spans leave empty cells), cells
 * merged down holding the value above, a row of one cell across the table a line of its own; a
 * table HWPF cannot structure is read flat (each cell ends with a cell mark, \u0007, and each row
 * with a paragraph of its own). Shares the concurrency gate of {@link OfficeFile}.
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
                    if (p.isInTable() && p.getTableLevel() == 1 && !inRow && row.isEmpty()) {
                        Table table = tableAt(range, p);
                        if (table != null && table.numParagraphs() > 0) {
                            table(table, out, maxChars);
                            i += table.numParagraphs() - 1;
                            continue;
                        }
                    }
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

    /** The table starting at {@code p}, or null where HWPF cannot make one of it (read flat). */
    private static Table tableAt(Range range, Paragraph p) {
        try {
            return range.getTable(p);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Cells of one row past which the row is not a task table's (as the .docx reader). */
    static final int MAX_GRID_COLUMNS = 64;

    /** Left edges closer than this (twips, 1/1440 inch: about 1 mm) start the same column. */
    static final int EDGE_SLACK = 60;

    /**
     * A table as the .docx reader writes one: a tab-separated line per row, each cell at its grid
     * column (the columns are the distinct left edges of the table's cells, so a cell spanning
     * columns leaves the others empty and cells never shift); a cell merged down holds the value of
     * the cell it continues; a row of one cell spanning the table is a line of its own (a section
     * heading, 一、…). Linear in the table's cells.
     */
    private static void table(Table table, StringBuilder out, int maxChars) {
        java.util.TreeSet<Integer> edges = new java.util.TreeSet<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells() && edges.size() < MAX_GRID_COLUMNS * 4; c++)
                edges.add(row.getCell(c).getLeftEdge());
        }
        // Edges a few twips apart (rows drawn by hand) are one column.
        java.util.TreeMap<Integer, Integer> grid = new java.util.TreeMap<>();
        int last = Integer.MIN_VALUE;
        for (int edge : edges) {
            if (grid.size() >= MAX_GRID_COLUMNS) break;
            if ((long) edge - last > EDGE_SLACK) grid.put(edge, grid.size());
            last = edge;
        }
        String[] above = new String[grid.size()];
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            String[] cells = new String[grid.size()];
            int filled = 0;
            String only = null;
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                java.util.Map.Entry<Integer, Integer> at =
                        grid.floorEntry(cell.getLeftEdge() + EDGE_SLACK);
                int col = at == null ? 0 : at.getValue();
                String text = cellText(cell);
                if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged() && text.isEmpty())
                    text = above[col] == null ? "" : above[col];
                if (cells[col] == null) filled++;
                cells[col] =
                        cells[col] == null || cells[col].isEmpty() ? text : cells[col] + " " + text;
                only = cells[col];
            }
            if (filled == 1 && row.numCells() == 1 && grid.size() > 1) {
                out.append(only).append('\n'); // one cell across the table: a heading
            } else {
                for (int c = 0; c < cells.length; c++) {
                    if (c > 0) out.append('\t');
                    if (cells[c] != null) out.append(cells[c]);
                }
                out.append('\n');
                for (int c = 0; c < cells.length; c++) above[c] = cells[c] == null ? "" : cells[c];
            }
            if (out.length() > maxChars) {
                throw new OfficeFile.Refused(
                        OfficeFile.Kind.TOO_LARGE, "文本过长：最多 " + maxChars + " 个字符。");
            }
        }
    }

    /** A cell's paragraphs joined by a space, without Word's control characters. */
    private static String cellText(TableCell cell) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < cell.numParagraphs(); k++) {
            String t = clean(Range.stripFields(cell.getParagraph(k).text()));
            if (t.isEmpty()) continue;
            if (!s.isEmpty()) s.append(' ');
            s.append(t);
        }
        return s.toString();
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
