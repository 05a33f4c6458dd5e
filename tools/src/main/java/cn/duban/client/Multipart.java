package cn.duban.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A multipart/form-data body of one file (part {@code file}) plus plain fields. */
public final class Multipart {

    private Multipart() {}

    public static byte[] body(
            String boundary, String fileName, byte[] content, Map<String, String> fields) {
        var body = new ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.writeBytes(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\""
                                    + f.getKey()
                                    + "\"\r\n\r\n"
                                    + f.getValue()
                                    + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + fileName
                                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
