package cn.duban.ledger;

import cn.duban.platform.DubanException;
import cn.duban.platform.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded evidence file (佐证材料) that passed the checks: an allowed type whose first bytes match
 * its extension and whose end marker is there (not cut off), not empty, within the size limit; with
 * its SHA-256.
 */
public record EvidenceFile(String name, String contentType, String sha256, byte[] content) {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The extensions an evidence file may have (pages check them before the upload's bytes). */
    public static final List<String> EXTENSIONS =
            List.of("pdf", "docx", "xlsx", "jpg", "jpeg", "png");

    private static final Map<String, String> TYPES =
            Map.of(
                    "pdf",
                    "application/pdf",
                    "docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "jpg",
                    "image/jpeg",
                    "jpeg",
                    "image/jpeg",
                    "png",
                    "image/png");

    /** Checks an upload; a bad one is a 4xx DubanException naming the file. */
    public static EvidenceFile of(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/]", "_").strip();
        String ext =
                name.contains(".")
                        ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                        : "";
        String type = TYPES.get(ext);
        if (type == null) {
            throw new DubanException(
                    415,
                    "evidence.type",
                    "不支持的文件类型“" + name + "”：佐证材料限 PDF、Word（docx）、Excel（xlsx）、JPG、PNG。");
        }
        if (content == null || content.length == 0)
            throw DubanException.badRequest("evidence.empty", "文件“" + name + "”是空的。");
        if (content.length > MAX_BYTES) {
            throw new DubanException(
                    413,
                    "evidence.too-large",
                    "文件“" + name + "”超过 " + MAX_BYTES / 1024 / 1024 + " MB。");
        }
        if (!looksLike(ext, content)) {
            throw new DubanException(
                    415, "evidence.content", "文件“" + name + "”的内容与其扩展名不符，可能已损坏或被改名。");
        }
        if (!complete(ext, content)) {
            throw DubanException.badRequest(
                    "evidence.incomplete", "文件“" + name + "”不完整（上传可能中断，或文件已损坏），请重新上传。");
        }
        if (name.length() > 255) name = name.substring(name.length() - 255);
        return new EvidenceFile(name, type, Sha256.hex(content), content);
    }

    /** Whether the text is a SHA-256 in hex (64 hex digits, either case). */
    public static boolean isSha256(String text) {
        if (text == null || text.length() != 64) return false;
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            boolean hex =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) return false;
        }
        return true;
    }

    /** The first bytes must match the claimed type: no executable renamed to .pdf. */
    static boolean looksLike(String ext, byte[] c) {
        return switch (ext) {
            case "pdf" -> starts(c, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case "docx", "xlsx" -> starts(c, new byte[] {'P', 'K', 3, 4});
            case "jpg", "jpeg" -> starts(c, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "png" ->
                    starts(c, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            default -> false;
        };
    }

    /**
     * The type's end marker must be near the end: an upload cut off in transit (which a lenient
     * multipart parser still hands over as a file) is refused rather than kept as a record.
     */
    static boolean complete(String ext, byte[] c) {
        return switch (ext) {
            case "pdf" -> findInTail(c, "%%EOF".getBytes(StandardCharsets.US_ASCII), 1024);
            // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
            case "docx", "xlsx" -> findInTail(c, new byte[] {'P', 'K', 5, 6}, 22 + 65_535);
            // End of image; cameras may append their own trailer after it.
            case "jpg", "jpeg" -> findInTail(c, new byte[] {(byte) 0xFF, (byte) 0xD9}, 64 * 1024);
            case "png" -> findInTail(c, "IEND".getBytes(StandardCharsets.US_ASCII), 1024);
            default -> false;
        };
    }

    private static boolean findInTail(byte[] c, byte[] marker, int tail) {
        for (int i = c.length - marker.length; i >= Math.max(0, c.length - tail); i--) {
            int j = 0;
            while (j < marker.length && c[i + j] == marker[j]) j++;
            if (j == marker.length) return true;
        }
        return false;
    }

    private static boolean starts(byte[] c, byte[] magic) {
        if (c.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (c[i] != magic[i]) return false;
        return true;
    }
}
