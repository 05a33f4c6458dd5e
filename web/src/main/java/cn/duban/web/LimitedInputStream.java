package cn.duban.web;

import cn.duban.platform.DubanException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A request body counted as it is read: one byte past {@code limit} and reading stops with the
 * refusal, unchecked, so no reader between here and the resource can swallow it as an ordinary I/O
 * error and go on. The refusal is also handed to {@code onOver} (the request remembers it, see
 * {@link LimitResponses}), since a reader may wrap it into a message of its own.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<DubanException> refusal;
    private final java.util.function.Consumer<DubanException> onOver;
    private long count;

    public LimitedInputStream(
            InputStream in,
            long limit,
            Supplier<DubanException> refusal,
            java.util.function.Consumer<DubanException> onOver) {
        super(in);
        this.limit = limit;
        this.refusal = refusal;
        this.onOver = onOver;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) counted(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // Never asks for more than one byte past the limit: that byte is what proves the body too
        // long.
        long room = limit - count + 1;
        int n = in.read(b, off, (int) Math.min(len, Math.max(1, room)));
        if (n > 0) counted(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, Math.max(1, limit - count + 1)));
        if (skipped > 0) counted(skipped);
        return skipped;
    }

    public long count() {
        return count;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            DubanException e = refusal.get();
            onOver.accept(e);
            throw e;
        }
    }
}
