package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A request whose body (sent without Content-Length, e.g. chunked) is counted against a limit as it
 * is read.
 */
final class CountedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private final Supplier<DubanException> refusal;
    private ServletInputStream stream;
    private BufferedReader reader;

    CountedRequest(HttpServletRequest request, long limit, Supplier<DubanException> refusal) {
        super(request);
        this.limit = limit;
        this.refusal = refusal;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            ServletInputStream raw = super.getInputStream();
            LimitedInputStream counted =
                    new LimitedInputStream(
                            raw, limit, refusal, e -> LimitResponses.remember(this, e));
            stream =
                    new ServletInputStream() {
                        @Override
                        public int read() throws IOException {
                            return counted.read();
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            return counted.read(b, off, len);
                        }

                        @Override
                        public boolean isFinished() {
                            return raw.isFinished();
                        }

                        @Override
                        public boolean isReady() {
                            return raw.isReady();
                        }

                        @Override
                        public void setReadListener(ReadListener listener) {
                            raw.setReadListener(listener);
                        }
                    };
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }
}
