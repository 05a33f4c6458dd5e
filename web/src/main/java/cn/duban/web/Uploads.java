package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Reading uploads within their limits, before anything large is in memory. */
public final class Uploads {

    /** A form field that comes with a file (a year, a reason …). */
    public static final int MAX_FIELD = 64 * 1024;

    private Uploads() {
    }

    /**
     * A text field of a multipart request, at most {@link #MAX_FIELD} bytes (else 400). It is UTF-8 unless its
     * part names another charset: browsers send form fields as UTF-8 without saying so, and the parser's
     * default for such a part (US-ASCII, RFC 2046) turned every Chinese character into U+FFFD.
     */
    public static String field(EntityPart part) throws IOException {
        byte[] bytes = Requests.bytes(part.getContent(), MAX_FIELD);
        if (bytes.length > MAX_FIELD) {
            throw DubanException.badRequest("request.field-too-long", "表单字段“" + part.getName() + "”过长（最多 " + MAX_FIELD / 1024 + " KB）。");
        }
        return new String(bytes, declaredCharset(part));
    }

    private static Charset declaredCharset(EntityPart part) {
        for (var header : part.getHeaders().entrySet()) {
            if (!"Content-Type".equalsIgnoreCase(header.getKey()) || header.getValue().isEmpty()) continue;
            try {
                String charset = MediaType.valueOf(header.getValue().get(0)).getParameters().get("charset");
                if (charset != null && Charset.isSupported(charset)) return Charset.forName(charset);
            } catch (IllegalArgumentException e) {
                // an unreadable Content-Type: the browsers' UTF-8 then
            }
        }
        return StandardCharsets.UTF_8;
    }
}
