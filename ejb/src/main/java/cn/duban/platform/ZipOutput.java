package cn.duban.platform;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams for writing ZIP archives as they are sent (a tenant's export, an evidence pack): one
 * counts what passes through, one lets a writer close without closing the archive under it.
 */
public final class ZipOutput {

    private ZipOutput() {}

    /** Counts the bytes that pass through. */
    public static final class Counting extends FilterOutputStream {
        private long count;

        public Counting(OutputStream out) {
            super(out);
        }

        public long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Lets a writer (or a PDF exporter) close its stream without closing the zip under it. */
    public static final class Unclosable extends FilterOutputStream {
        public Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
