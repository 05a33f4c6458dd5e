package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.primefaces.model.file.UploadedFile;

/** Reading uploads within their limits, before anything large is in memory. */
public final class Uploads {

    /** A form field that comes with a file (a year, a reason …). */
    public static final int MAX_FIELD = 64 * 1024;

    private Uploads() {}

    /**
     * A text field of a multipart request, at most {@link #MAX_FIELD} bytes (else 400). It is UTF-8
     * unless its part names another charset: browsers send form fields as UTF-8 without saying so,
     * and the parser's default for such a part (US-ASCII, RFC 2046) turned every Chinese character
     * into U+FFFD.
     */
    public static String field(EntityPart part) throws IOException {
        byte[] bytes = Requests.bytes(part.getContent(), MAX_FIELD);
        if (bytes.length > MAX_FIELD) {
            throw DubanException.badRequest(
                    "request.field-too-long",
                    "表单字段“" + part.getName() + "”过长（最多 " + MAX_FIELD / 1024 + " KB）。");
        }
        return new String(bytes, declaredCharset(part));
    }

    private static Charset declaredCharset(EntityPart part) {
        for (var header : part.getHeaders().entrySet()) {
            if (!"Content-Type".equalsIgnoreCase(header.getKey()) || header.getValue().isEmpty())
                continue;
            try {
                String charset =
                        MediaType.valueOf(header.getValue().get(0)).getParameters().get("charset");
                if (charset != null && Charset.isSupported(charset))
                    return Charset.forName(charset);
            } catch (IllegalArgumentException e) {
                // an unreadable Content-Type: the browsers' UTF-8 then
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * The bytes of a file uploaded through a Faces page: its type by extension and its size are
     * checked before it is read, and no more than {@code maxBytes} is ever read. A refusal is a
     * DubanException in the page's language (415 {@code upload.type}, 413 {@code
     * upload.too-large}).
     */
    public static byte[] content(UploadedFile file, long maxBytes, String... extensions) {
        String name = file.getFileName() == null ? "" : file.getFileName();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean allowed = extensions.length == 0;
        for (String ext : extensions) allowed |= lower.endsWith("." + ext);
        if (!allowed) {
            throw new DubanException(
                    415,
                    "upload.type",
                    Messages.text("upload.type", name, String.join("、", extensions)));
        }
        if (file.getSize() > maxBytes) {
            throw new DubanException(
                    413,
                    "upload.too-large",
                    Messages.text("upload.tooLarge", name, maxBytes / 1024 / 1024));
        }
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new DubanException(
                        413,
                        "upload.too-large",
                        Messages.text("upload.tooLarge", name, maxBytes / 1024 / 1024));
            }
            return bytes;
        } catch (IOException e) {
            throw DubanException.badRequest(
                    "upload.incomplete", Messages.text("upload.incomplete", name));
        }
    }
}
