package cn.duban.platform.office;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of an uploaded PDF, read with limits that belong to this read: the compressed streams
 * are inflated once, counted and thrown away before PDFBox sees the file (PDFBox decodes a stream
 * whole into memory: a Flate bomb would take the heap), then PDFBox loads it with a bounded
 * memory/temp-file cache, a page cap and a character cap. The text is taken glyph by glyph with its
 * position ({@link Layout}), so table columns come out tab-separated and lines broken inside a cell
 * are joined back into their cell. Shares the concurrency gate of {@link OfficeFile}.
 */
public final class PdfText {

    private static final long MB = 1024 * 1024;

    /** How far a PDF may go. */
    public record Limits(
            int maxPages,
            int maxChars,
            long memoryBytes,
            long tempFileBytes,
            long streamBytes,
            long decodedBytes,
            double maxRatio) {

        /** Uploads of the plan import: a work-point document is a few dozen pages. */
        public static final Limits UPLOAD =
                new Limits(500, 1_000_000, 16 * MB, 64 * MB, 32 * MB, 96 * MB, 100);
    }

    /**
     * Below this many inflated bytes a stream may have any ratio (fonts and short contents compress
     * well).
     */
    static final long RATIO_GRACE = 2 * MB;

    private PdfText() {}

    /**
     * The document's text, one visual line a line, table rows as tab-separated cells.
     *
     * @throws OfficeFile.Refused when the file is no readable PDF ({@code CORRUPT}), is encrypted
     *     or a bomb ({@code MALFORMED}), or breaks a limit ({@code TOO_LARGE})
     */
    public static String read(byte[] content, Limits limits) {
        checkStreams(content, limits);
        try (OfficeFile.Permit permit = OfficeFile.permit();
                PDDocument doc =
                        Loader.loadPDF(
                                new RandomAccessReadBuffer(content),
                                "",
                                null,
                                null,
                                MemoryUsageSetting.setupMixed(
                                                limits.memoryBytes(),
                                                limits.memoryBytes() + limits.tempFileBytes())
                                        .streamCache)) {
            int declared = doc.getNumberOfPages();
            if (declared > limits.maxPages()) throw tooManyPages(limits);
            int pages = 0;
            // The declared count may lie: walk the page tree (PDFBox skips cycles) before reading
            // any page.
            for (PDPage ignored : doc.getPages()) {
                if (++pages > limits.maxPages()) throw tooManyPages(limits);
            }
            Stripper stripper = new Stripper(limits.maxChars());
            stripper.getText(doc);
            return stripper.layout.text();
        } catch (InvalidPasswordException e) {
            throw new OfficeFile.Refused(
                    OfficeFile.Kind.MALFORMED, "PDF 文件已加密（需要密码），无法读取：请上传未加密的文件。");
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof OfficeFile.Refused r) throw r;
                if (t instanceof cn.duban.platform.DubanException d) throw d;
            }
            throw new OfficeFile.Refused(OfficeFile.Kind.CORRUPT, "");
        }
    }

    private static OfficeFile.Refused tooManyPages(Limits limits) {
        return new OfficeFile.Refused(
                OfficeFile.Kind.TOO_LARGE, "PDF 文件页数过多：最多 " + limits.maxPages() + " 页。");
    }

    /**
     * Inflates every zlib-compressed stream of the file into a counter (nothing is kept): a stream
     * that expands past {@code streamBytes}, all of them past {@code decodedBytes}, or one past the
     * grace size at more than {@code maxRatio} times its compressed size is refused before PDFBox
     * loads anything. Images are left out of the size limits (text extraction never decodes them)
     * but not of the ratio. One pass over the bytes; each stream is inflated at most to the limits.
     */
    static void checkStreams(byte[] pdf, Limits limits) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        int from = 0;
        while (true) {
            int at = indexOf(pdf, STREAM, from);
            if (at < 0) return;
            int start = at + STREAM.length;
            from = start;
            if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd')
                continue; // "endstream"
            if (start < pdf.length && pdf[start] == '\r') start++;
            if (start < pdf.length && pdf[start] == '\n') start++;
            else if (start == at + STREAM.length)
                continue; // "stream" not followed by a line break: not the keyword
            int end = indexOf(pdf, ENDSTREAM, start);
            if (end < 0) end = pdf.length;
            if (isImage(pdf, at)) {
                // Text extraction never decodes images, and a plain scan compresses far better than
                // text:
                // an image only has to stay within a size PDFBox could hold, whatever its ratio.
                long inflated =
                        decoded(pdf, at, start, end - start, IMAGE_BYTES, Double.MAX_VALUE, buffer);
                if (inflated > IMAGE_BYTES) {
                    throw new OfficeFile.Refused(
                            OfficeFile.Kind.TOO_LARGE,
                            "PDF 文件中有一幅图像解压后超过 " + IMAGE_BYTES / MB + " MB，无法导入。");
                }
                from = end;
                continue;
            }
            long cap = Math.min(limits.streamBytes(), limits.decodedBytes() - total);
            long inflated = decoded(pdf, at, start, end - start, cap, limits.maxRatio(), buffer);
            if (inflated > RATIO_GRACE && inflated > limits.maxRatio() * (end - start)) {
                throw new OfficeFile.Refused(
                        OfficeFile.Kind.MALFORMED,
                        "PDF 文件压缩比异常（一段内容解压后膨胀超过 "
                                + Math.round(limits.maxRatio())
                                + " 倍，疑似压缩炸弹），已拒绝。");
            }
            if (inflated > limits.streamBytes()) {
                throw new OfficeFile.Refused(
                        OfficeFile.Kind.TOO_LARGE,
                        "PDF 文件中有一段内容解压后超过 " + limits.streamBytes() / MB + " MB，无法导入。");
            }
            total += inflated;
            if (total > limits.decodedBytes()) {
                throw new OfficeFile.Refused(
                        OfficeFile.Kind.TOO_LARGE,
                        "PDF 文件解压后过大（超过 " + limits.decodedBytes() / MB + " MB），无法导入。");
            }
            from = end;
        }
    }

    private static final byte[] STREAM =
            "stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ENDSTREAM =
            "endstream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] OBJ = "obj".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SUBTYPE =
            "/Subtype".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] IMAGE =
            "/Image".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** An image stream may inflate to this much (a 600 dpi A4 grey scan is 35 MB). */
    static final long IMAGE_BYTES = 64 * MB;

    /**
     * A stream's dictionary is looked for this far back (an image dictionary is a few hundred
     * bytes).
     */
    private static final int DICTIONARY_REACH = 4096;

    /**
     * Whether the dictionary of the stream starting at {@code at} (back to its "obj") says /Subtype
     * /Image.
     */
    private static boolean isImage(byte[] pdf, int at) {
        int from = Math.max(0, at - DICTIONARY_REACH);
        int obj = lastIndexOf(pdf, OBJ, from, at);
        int subtype =
                indexOf(
                        pdf,
                        SUBTYPE,
                        obj < 0 ? from : obj,
                        at); // bounded: no pass over the rest of the file per stream
        if (subtype < 0) return false;
        int i = subtype + SUBTYPE.length;
        while (i < at && (pdf[i] == ' ' || pdf[i] == '\r' || pdf[i] == '\n' || pdf[i] == '\t')) i++;
        return indexOf(pdf, IMAGE, i, Math.min(at, i + IMAGE.length)) == i;
    }

    /**
     * How many bytes the stream at {@code [off, off+len)} decodes to, stopping past {@code cap} or
     * a bomb's ratio: as zlib data, and through PDFBox's LZW filter when its dictionary names
     * /LZWDecode (PDFBox decodes an LZW stream whole into memory as it does a Flate one: an LZW
     * bomb of a few hundred KB expands to gigabytes). A filter chain (Flate, then LZW) is counted
     * per filter, not multiplied.
     */
    private static long decoded(
            byte[] pdf, int at, int off, int len, long cap, double maxRatio, byte[] buffer) {
        long inflated = inflated(pdf, off, len, cap, maxRatio, buffer);
        if (!isLzw(pdf, at)) return inflated;
        return Math.max(inflated, lzwDecoded(pdf, off, len, cap, maxRatio));
    }

    private static final byte[] LZW = "/LZW".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Whether the dictionary of the stream starting at {@code at} (back to its "obj") names the LZW
     * filter (/LZWDecode, or /LZW as inline images abbreviate it).
     */
    static boolean isLzw(byte[] pdf, int at) {
        int from = Math.max(0, at - DICTIONARY_REACH);
        int obj = lastIndexOf(pdf, OBJ, from, at);
        return indexOf(pdf, LZW, obj < 0 ? from : obj, at) >= 0;
    }

    /**
     * How many bytes LZW data decodes to: PDFBox's own LZW filter writes into a counter that stops
     * it past the cap or the ratio (its code table is bounded: 4096 codes); 0 if it is no LZW data.
     */
    static long lzwDecoded(byte[] pdf, int off, int len, long cap, double maxRatio) {
        Counter counter = new Counter(cap, maxRatio, len);
        try {
            FilterFactory.INSTANCE
                    .getFilter(COSName.LZW_DECODE)
                    .decode(
                            new java.io.ByteArrayInputStream(pdf, off, len),
                            counter,
                            new COSDictionary(),
                            0);
        } catch (Counter.Full full) {
            // past a limit: the count says so
        } catch (IOException | RuntimeException e) {
            // damaged: PDFBox fails on it later, within the other limits
        }
        return counter.count;
    }

    /** Counts bytes written and stops the writer past a cap or a ratio to the encoded length. */
    private static final class Counter extends java.io.OutputStream {
        /** Thrown to stop the decoder: unchecked, so no filter catches it as an I/O error. */
        static final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }

        private final long cap;
        private final double maxRatio;
        private final int encoded;
        long count;

        Counter(long cap, double maxRatio, int encoded) {
            this.cap = cap;
            this.maxRatio = maxRatio;
            this.encoded = encoded;
        }

        @Override
        public void write(int b) {
            add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            add(len);
        }

        private void add(int n) {
            count += n;
            if (count > cap || (count > RATIO_GRACE && count > maxRatio * encoded))
                throw new Full();
        }
    }

    /**
     * How many bytes the zlib data at {@code [off, off+len)} inflates to, stopping past {@code cap}
     * or a bomb's ratio; 0 if it is no zlib data.
     */
    private static long inflated(
            byte[] pdf, int off, int len, long cap, double maxRatio, byte[] buffer) {
        if (len < 2) return 0;
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, off, len);
            long count = 0;
            while (!inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                int n = inflater.inflate(buffer);
                count += n;
                if (count > cap || (count > RATIO_GRACE && count > maxRatio * len)) return count;
                if (n == 0 && inflater.needsInput()) break;
            }
            return count;
        } catch (DataFormatException e) {
            return 0; // not Flate (or damaged): PDFBox reads it or fails on it, within the other
            // limits
        } finally {
            inflater.end();
        }
    }

    /** Whether "%PDF-" stands in the first KB of the bytes, where readers look for it. */
    public static boolean isPdf(byte[] content) {
        return indexOf(content, PDF_MAGIC, 0, Math.min(content.length, 1024)) >= 0;
    }

    private static final byte[] PDF_MAGIC =
            "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static int indexOf(byte[] a, byte[] key, int from) {
        return indexOf(a, key, from, a.length);
    }

    /** The first {@code key} that lies wholly in {@code [from, to)}, or -1. */
    static int indexOf(byte[] a, byte[] key, int from, int to) {
        outer:
        for (int i = Math.max(0, from); i <= to - key.length; i++) {
            if (a[i] != key[0]) continue;
            for (int k = 1; k < key.length; k++) if (a[i + k] != key[k]) continue outer;
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] a, byte[] key, int from, int to) {
        outer:
        for (int i = to - key.length; i >= from; i--) {
            for (int k = 0; k < key.length; k++) if (a[i + k] != key[k]) continue outer;
            return i;
        }
        return -1;
    }

    /**
     * Collects the glyphs of each page and hands them to the layout; counts characters as they
     * come.
     */
    private static final class Stripper extends PDFTextStripper {
        private final int maxChars;
        private final Layout layout = new Layout();
        private final List<Layout.Glyph> page = new ArrayList<>();
        private int chars;

        Stripper(int maxChars) {
            this.maxChars = maxChars;
            setSortByPosition(true);
        }

        @Override
        protected void startPage(PDPage p) {
            page.clear();
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            String s = t.getUnicode();
            if (s == null || s.isEmpty()) return;
            chars += s.length();
            if (chars > maxChars) {
                throw new OfficeFile.Refused(
                        OfficeFile.Kind.TOO_LARGE, "PDF 文件文字过多：最多 " + maxChars + " 个字符。");
            }
            page.add(
                    new Layout.Glyph(
                            t.getXDirAdj(),
                            t.getYDirAdj(),
                            t.getWidthDirAdj(),
                            Math.max(1f, t.getFontSizeInPt()),
                            s));
        }

        @Override
        protected void endPage(PDPage p) {
            layout.page(page);
            page.clear();
        }
    }

    /**
     * Rebuilds lines and tables from glyph positions: glyphs on one baseline form a line; a gap
     * wider than a character splits it into cells. A line of three or more cells opens a table
     * whose columns are cut halfway between its cells; later lines are cut at those columns, and a
     * line with nothing in the key column (序号 when there is one, else the first) continues the row
     * above it, cell by cell: the lines a long cell was broken into come back together. A line that
     * runs across a column boundary (a section row spanning the table, or prose) is written as it
     * is; two of them in a row close the table. Plain Java, n log n in the glyphs of a page (one
     * sort).
     */
    static final class Layout {

        /** One glyph: left x, baseline y (downwards), width, font size, text. */
        record Glyph(float x, float y, float w, float size, String text) {}

        /** Adjacent glyphs of a line without a wide gap between them. */
        record Chunk(float x0, float x1, float size, String text) {}

        private final StringBuilder out = new StringBuilder();
        private float[] bounds; // column i spans [bounds[i-1], bounds[i]); the last is open
        private int key;
        private String[] row;
        private float rowBottom;
        private int spanning;

        String text() {
            flush();
            return out.toString();
        }

        void page(List<Glyph> glyphs) {
            List<Glyph> sorted = new ArrayList<>(glyphs);
            sorted.sort(Comparator.comparingDouble(Glyph::y));
            List<Glyph> line = new ArrayList<>();
            float lineY = 0;
            for (Glyph g : sorted) {
                if (!line.isEmpty() && g.y() - lineY > 0.5f * g.size()) {
                    line(line);
                    line.clear();
                }
                if (line.isEmpty()) lineY = g.y();
                line.add(g);
            }
            if (!line.isEmpty()) line(line);
        }

        private void line(List<Glyph> glyphs) {
            glyphs.sort(Comparator.comparingDouble(Glyph::x));
            List<Chunk> chunks = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            float x0 = 0;
            float end = 0;
            float size = 0;
            Glyph previous = null;
            for (Glyph g : glyphs) {
                if (g.text().isBlank()) continue; // spaces are gaps
                if (previous != null
                        && g.text().equals(previous.text())
                        && Math.abs(g.x() - previous.x()) < 0.3f * g.w()) {
                    continue; // drawn twice for a bold effect
                }
                float em = Math.max(g.size(), previous == null ? 0 : previous.size());
                float gap = g.x() - end;
                if (previous != null && gap > em) {
                    chunks.add(new Chunk(x0, end, size, text.toString()));
                    text.setLength(0);
                    previous = null;
                }
                if (previous == null) {
                    x0 = g.x();
                    size = g.size();
                } else if (gap > 0.2f * em && !(cjk(previous.text()) && cjk(g.text()))) {
                    text.append(' ');
                }
                text.append(g.text());
                end = g.x() + g.w();
                previous = g;
            }
            if (!text.isEmpty()) chunks.add(new Chunk(x0, end, size, text.toString()));
            if (chunks.isEmpty()) return;
            float y = glyphs.get(0).y();
            if (bounds == null) {
                if (chunks.size() >= 3) {
                    open(chunks);
                    rowBottom = y;
                } else {
                    out.append(join(chunks)).append('\n');
                }
                return;
            }
            if (pageFurniture(chunks)) return;
            String[] cells = new String[bounds.length + 1];
            for (Chunk c : chunks) {
                int col = column(c.x0());
                if (col < bounds.length && c.x1() > bounds[col] + c.size()) {
                    spanningLine(chunks);
                    return;
                }
                cells[col] = cells[col] == null ? c.text() : cells[col] + " " + c.text();
            }
            spanning = 0;
            boolean newRow =
                    row == null
                            || cells[key] != null
                            || (key == 0 && y - rowBottom > 2.2f * chunks.get(0).size());
            if (newRow) {
                flush();
                row = cells;
            } else {
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] != null)
                        row[i] = row[i] == null ? cells[i] : joinLines(row[i], cells[i]);
                }
            }
            rowBottom = y;
        }

        /**
         * A header-like line: columns cut halfway between its cells; 序号 is the key column when
         * there is one.
         */
        private void open(List<Chunk> chunks) {
            bounds = new float[chunks.size() - 1];
            key = 0;
            for (int i = 0; i < bounds.length; i++)
                bounds[i] = (chunks.get(i).x1() + chunks.get(i + 1).x0()) / 2;
            for (int i = 0; i < chunks.size(); i++) {
                String t = chunks.get(i).text().replace(" ", "");
                if (t.equals("序号") || t.equals("编号") || t.equals("序")) key = i;
            }
            row = new String[chunks.size()];
            for (int i = 0; i < chunks.size(); i++) row[i] = chunks.get(i).text();
            spanning = 0;
        }

        private void spanningLine(List<Chunk> chunks) {
            flush();
            out.append(join(chunks)).append('\n');
            if (++spanning >= 2) {
                bounds = null; // prose again
                spanning = 0;
            }
        }

        private int column(float x) {
            int i = 0;
            while (i < bounds.length && x >= bounds[i]) i++;
            return i;
        }

        private void flush() {
            if (row == null) return;
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) line.append('\t');
                if (row[i] != null) line.append(row[i]);
            }
            out.append(line).append('\n');
            row = null;
        }

        /**
         * A page number ("- 3 -", "第 3 页", "3/12") between table rows is not a continuation of a
         * cell.
         */
        private static boolean pageFurniture(List<Chunk> chunks) {
            if (chunks.size() != 1) return false;
            String t = chunks.get(0).text();
            boolean digit = false;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c >= '0' && c <= '9') digit = true;
                else if ("-—–/第页共 ".indexOf(c) < 0) return false;
            }
            return digit;
        }

        private static String join(List<Chunk> chunks) {
            StringBuilder s = new StringBuilder();
            for (Chunk c : chunks) {
                if (!s.isEmpty()) s.append("  ");
                s.append(c.text());
            }
            return s.toString();
        }

        /** Lines of one cell: Chinese runs on without a space, other text gets one. */
        static String joinLines(String a, String b) {
            if (a.isEmpty() || b.isEmpty()) return a + b;
            return cjk(a.substring(a.length() - 1)) || cjk(b.substring(0, 1)) ? a + b : a + " " + b;
        }

        static boolean cjk(String s) {
            if (s.isEmpty()) return false;
            char c = s.charAt(0);
            return c >= 0x2E80 && c <= 0x9FFF
                    || c >= 0xF900 && c <= 0xFAFF
                    || c >= 0xFF00 && c <= 0xFFEF
                    || c >= 0x3000 && c <= 0x303F;
        }
    }
}
