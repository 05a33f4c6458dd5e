package cn.duban.platform.office;

import cn.duban.platform.DubanException;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;

/**
 * An uploaded Office Open XML file (.xlsx, .docx) opened for reading with limits that belong to
 * this read alone: the number of entries, the bytes each part may expand to, the bytes the whole
 * read may expand to, and the compression ratio (a zip bomb). Parts are inflated from the bytes in
 * memory only when POI asks for them and are counted as they are read, so nothing is expanded past
 * a limit. POI's own limits (ZipSecureFile, IOUtils) are static and shared by the whole server;
 * they are left alone.
 *
 * <p>Opening also takes one of {@value #CONCURRENT} permits: at most that many uploads are expanded
 * at once per server, whatever their tenant. When none frees up within {@value #WAIT_SECONDS} s the
 * upload is refused with 503 {@code import.busy}.
 */
public final class OfficeFile implements Closeable {

    static final int CONCURRENT = 2;
    public static final int WAIT_SECONDS = 3;
    private static final Semaphore GATE = new Semaphore(CONCURRENT, true);
    private static final long MB = 1024 * 1024;

    /** Below this many expanded bytes an entry may have any ratio (POI's grace size). */
    private static final long RATIO_GRACE = 100 * 1024;

    /**
     * Compressed/expanded below this is a zip bomb (POI's default, so files POI read before still
     * read).
     */
    private static final double MIN_RATIO = 0.01;

    /**
     * How far a file may expand. Parts named by a prefix in {@code bigParts} get that limit, others
     * {@code partBytes}.
     */
    public record Limits(
            int maxEntries, long totalBytes, long partBytes, Map<String, Long> bigParts) {

        /**
         * Workbooks: sheets and shared strings are read streaming, the rest (styles, workbook,
         * relations) into memory.
         */
        public static final Limits XLSX =
                new Limits(
                        1_000,
                        256 * MB,
                        8 * MB,
                        Map.of("xl/worksheets/", 100 * MB, "xl/sharedStrings", 64 * MB));

        /**
         * Word documents: XWPF loads the whole body into memory, so the body is bounded harder (and
         * its elements counted).
         */
        public static final Limits DOCX =
                new Limits(
                        1_000,
                        128 * MB,
                        8 * MB,
                        Map.of("word/document", 24 * MB, "word/media/", 32 * MB));

        long limitOf(String name) {
            for (Map.Entry<String, Long> e : bigParts.entrySet()) {
                if (name.startsWith(e.getKey())) return e.getValue();
            }
            return partBytes;
        }
    }

    /**
     * Why a file is refused: 413 for {@code TOO_LARGE}, 400 otherwise ({@code CORRUPT}: the caller
     * words it).
     */
    public enum Kind {
        TOO_LARGE,
        MALFORMED,
        CORRUPT
    }

    /** The file breaks a limit or is no OOXML package. */
    public static final class Refused extends RuntimeException {
        private final Kind kind;

        public Refused(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private final Limits limits;
    private final ZipFile zip;
    private final OPCPackage pkg;
    private long expanded;
    private volatile Refused refusal;
    private boolean closed;

    private OfficeFile(byte[] content, Limits limits) throws IOException {
        this.limits = limits;
        ZipFile opened;
        try {
            opened =
                    ZipFile.builder()
                            .setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                            .get();
        } catch (IOException | RuntimeException e) {
            throw corrupt();
        }
        this.zip = opened;
        try {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw new Refused(
                        Kind.MALFORMED, "文件内部条目过多（超过 " + limits.maxEntries() + " 个），可能已损坏。");
            }
            for (ZipArchiveEntry e : entries) {
                // The declared size may lie (it is checked again while reading), but a declared
                // bomb stops here.
                if (e.getSize() > limits.limitOf(e.getName())) throw tooLarge(e.getName());
            }
            this.pkg = OPCPackage.open(new Source(entries));
        } catch (Refused e) {
            zip.close();
            throw e;
        } catch (Exception e) {
            zip.close();
            throw refusal != null ? refusal : corrupt();
        }
    }

    /**
     * Opens {@code content} under {@code limits}, waiting briefly for a permit.
     *
     * @throws Refused when the file is no readable package or breaks a limit before anything is
     *     parsed
     * @throws DubanException 503 {@code import.busy} when the server is busy expanding other
     *     uploads
     */
    public static OfficeFile open(byte[] content, Limits limits) {
        try {
            if (!GATE.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return new OfficeFile(content, limits);
        } catch (IOException | RuntimeException e) {
            GATE.release();
            throw e instanceof RuntimeException r ? r : corrupt();
        }
    }

    /**
     * A permit of the gate above, for readers of files that are no OOXML package (PDF, legacy
     * Word).
     */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes one of the {@value #CONCURRENT} permits for a read of another format, waiting as {@link
     * #open} does.
     *
     * @throws DubanException 503 {@code import.busy} when the server is busy expanding other
     *     uploads
     */
    public static Permit permit() {
        try {
            if (!GATE.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        boolean[] released = {false};
        return () -> {
            if (!released[0]) {
                released[0] = true;
                GATE.release();
            }
        };
    }

    static Refused corrupt() {
        return new Refused(Kind.CORRUPT, "文件不是有效的 Office 文件，或已损坏。");
    }

    private static DubanException busy() {
        return new DubanException(503, "import.busy", "服务器正在处理其他导入文件，请稍候几秒再试。");
    }

    public OPCPackage pkg() {
        return pkg;
    }

    /** The limit this read broke, if any: POI wraps the stream's exception, so callers ask here. */
    public Refused refusal() {
        return refusal;
    }

    /**
     * The text of one part as a stream under this file's limits (for a scan before POI parses it).
     */
    public InputStream part(String name) throws IOException {
        ZipArchiveEntry e = zip.getEntry(name);
        if (e == null) throw new IOException("No part " + name);
        return new Counted(e, zip.getInputStream(e));
    }

    public List<String> partNames() {
        List<String> out = new ArrayList<>();
        zip.getEntries().asIterator().forEachRemaining(e -> out.add(e.getName()));
        return out;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            pkg.revert(); // read only: never write anything back
        } finally {
            try {
                zip.close();
            } catch (IOException ignored) {
                // in memory: nothing to release
            }
            GATE.release();
        }
    }

    private Refused tooLarge(String part) {
        return refuse(
                new Refused(
                        Kind.TOO_LARGE,
                        "文件解压后过大（“"
                                + part
                                + "”超过 "
                                + limits.limitOf(part) / MB
                                + " MB，或全部内容超过 "
                                + limits.totalBytes() / MB
                                + " MB），无法导入。"));
    }

    private Refused refuse(Refused r) {
        if (refusal == null) refusal = r;
        return refusal;
    }

    /**
     * Counts the expanded bytes of one entry against its limit, the file's total and the zip-bomb
     * ratio.
     */
    private final class Counted extends FilterInputStream {
        private final ZipArchiveEntry entry;
        private final long limit;
        private long count;

        Counted(ZipArchiveEntry entry, InputStream in) {
            super(in);
            this.entry = entry;
            this.limit = limits.limitOf(entry.getName());
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) counted(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) counted(skipped);
            return skipped;
        }

        private void counted(long n) throws IOException {
            if (refusal != null) throw new IOException(refusal.getMessage());
            count += n;
            expanded += n;
            if (count > limit || expanded > limits.totalBytes()) {
                throw new IOException(tooLarge(entry.getName()).getMessage());
            }
            if (count > RATIO_GRACE
                    && in instanceof InputStreamStatistics s
                    && (double) s.getCompressedCount() / count < MIN_RATIO) {
                throw new IOException(
                        refuse(
                                        new Refused(
                                                Kind.MALFORMED,
                                                "文件压缩比异常（“"
                                                        + entry.getName()
                                                        + "”解压后膨胀超过 "
                                                        + Math.round(1 / MIN_RATIO)
                                                        + " 倍，疑似压缩炸弹），已拒绝。"))
                                .getMessage());
            }
        }
    }

    /** POI's view of the archive: the entries as they are, each stream counted. */
    private final class Source implements ZipEntrySource {
        private final List<ZipArchiveEntry> entries;
        private boolean sourceClosed;

        Source(List<ZipArchiveEntry> entries) {
            this.entries = entries;
        }

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return Collections.enumeration(entries);
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            String name = path.replace('\\', '/');
            ZipArchiveEntry exact = zip.getEntry(name);
            if (exact != null) return exact;
            // OPC part names match case-insensitively (as POI's own entry source does).
            for (ZipArchiveEntry e : entries) {
                if (e.getName().equalsIgnoreCase(name)) return e;
            }
            return null;
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            if (refusal != null) throw new IOException(refusal.getMessage());
            return new Counted(entry, zip.getInputStream(entry));
        }

        @Override
        public void close() {
            sourceClosed = true;
        }

        @Override
        public boolean isClosed() {
            return sourceClosed;
        }
    }
}
