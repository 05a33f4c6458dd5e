package cn.duban.plan.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an uploaded text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a
 * superset of GBK and GB2312, what Chinese Windows saves). Binary content is refused.
 */
public final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {}

    public static String decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new PlanParseException("EMPTY", "文件为空。");
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strict(bytes, 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16BE);
        } else {
            text = strict(bytes, 0, StandardCharsets.UTF_8);
            if (text == null) text = strict(bytes, 0, GB18030);
        }
        if (text == null || looksBinary(text)) {
            throw new PlanParseException(
                    "ENCODING", "无法识别文件编码，或文件不是文本：请上传 UTF-8 或 GBK 编码的文本文件、.docx 或 .xlsx 文件。");
        }
        return text;
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            CharBuffer chars =
                    charset.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** NUL or many control characters: random bytes can decode as GB18030, text has neither. */
    private static boolean looksBinary(String text) {
        int control = 0;
        int privateUse = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) return true;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
            if (c >= 0xE000 && c <= 0xF8FF) privateUse++;
        }
        return control > text.length() / 100 + 2 || privateUse > text.length() / 50 + 2;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
