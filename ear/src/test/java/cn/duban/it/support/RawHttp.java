package cn.duban.it.support;

import cn.duban.client.Api.Reply;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An HTTP/1.1 exchange over a plain socket that reads the answer while the body is still being
 * written, as curl and browsers do. The JDK client does not: when the server refused a body early
 * (413, then closing) it kept writing and never read the answer (CI, stops 8 and 9). Here the body
 * goes out on its own thread and the caller reads; once the answer is in, the socket is closed and
 * the writer stops.
 */
public final class RawHttp {

    private static final int CHUNK = 64 * 1024;

    private final String method;
    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] fixed;
    private Supplier<InputStream> stream;
    private boolean expectContinue;

    private RawHttp(String method, URI uri) {
        this.method = method;
        this.uri = uri;
    }

    public static RawHttp get(URI uri) {
        return new RawHttp("GET", uri);
    }

    public static RawHttp post(URI uri) {
        return new RawHttp("POST", uri);
    }

    public RawHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A body of known length, sent with Content-Length. */
    public RawHttp body(byte[] body) {
        this.fixed = body;
        return this;
    }

    /** A body of unknown length, sent chunked. */
    public RawHttp chunked(Supplier<InputStream> body) {
        this.stream = body;
        return this;
    }

    /** Sends the body only after 100 Continue (or 2 s of silence), as curl does. */
    public RawHttp expectContinue() {
        this.expectContinue = true;
        return this;
    }

    /** Sends the request; fails if no answer has come within {@code timeout}. */
    public Reply send(Duration timeout) {
        try (Socket socket = new Socket()) {
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            socket.connect(new InetSocketAddress(uri.getHost(), port), 10_000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(port).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            CountDownLatch mayWrite = new CountDownLatch(1);
            boolean[] answered = {false};
            Thread writer = new Thread(() -> writeBody(out, mayWrite, answered), "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            if (!expectContinue) mayWrite.countDown();
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            try {
                while (true) {
                    int status = status(line(in));
                    Map<String, String> answerHeaders = headers(in);
                    if (status == 100) {
                        mayWrite.countDown();
                        continue;
                    }
                    synchronized (answered) {
                        answered[0] = true;
                    }
                    mayWrite.countDown();
                    byte[] body = body(in, answerHeaders);
                    return new Reply(
                            status,
                            answerHeaders.get("content-type"),
                            new String(body, StandardCharsets.UTF_8));
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError(
                        "no answer to " + method + " " + uri + " in " + timeout.toSeconds() + " s",
                        e);
            } finally {
                socket.close();
                writer.join(10_000);
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String head(int port) {
        StringBuilder head = new StringBuilder();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(':').append(port).append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (fixed != null) head.append("Content-Length: ").append(fixed.length).append("\r\n");
        else if (stream != null) head.append("Transfer-Encoding: chunked\r\n");
        if (expectContinue && (fixed != null || stream != null))
            head.append("Expect: 100-continue\r\n");
        return head.append("Connection: close\r\n\r\n").toString();
    }

    private void writeBody(OutputStream out, CountDownLatch mayWrite, boolean[] answered) {
        try {
            mayWrite.await(2, TimeUnit.SECONDS);
            synchronized (answered) {
                if (answered[0]) return;
            }
            if (fixed != null) {
                for (int off = 0; off < fixed.length; off += CHUNK)
                    out.write(fixed, off, Math.min(CHUNK, fixed.length - off));
            } else if (stream != null) {
                byte[] buf = new byte[CHUNK];
                try (InputStream in = stream.get()) {
                    for (int n; (n = in.readNBytes(buf, 0, CHUNK)) > 0; ) {
                        out.write(
                                (Integer.toHexString(n) + "\r\n")
                                        .getBytes(StandardCharsets.US_ASCII));
                        out.write(buf, 0, n);
                        out.write(CRLF);
                    }
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // The server refused the rest and closed: its answer is what the caller reads.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private static int status(String line) throws IOException {
        // "HTTP/1.1 413 Request Entity Too Large"
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/"))
            throw new IOException("not an HTTP status line: " + line);
        return Integer.parseInt(parts[1]);
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; !(line = line(in)).isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon > 0)
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int semicolon = size.indexOf(';');
                int n =
                        Integer.parseInt(
                                (semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        }
        String length = headers.get("content-length");
        if (length != null) return in.readNBytes(Integer.parseInt(length));
        return in.readAllBytes();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                if (line.size() == 0) throw new IOException("connection closed before an answer");
                break;
            }
            if (b != '\r') line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
