package cn.duban.web;

import cn.duban.platform.DubanException;
import java.util.Locale;

/**
 * How large an API request body may be. JSON bodies have a lower limit of their own: they are
 * parsed whole, and the JSON parser's time grows faster than the length of one long string
 * (Yasson/Parsson here: 4 MB in 1.3 s, 16 MB in 13 s, 50 MB over two minutes of one core). No JSON
 * body of the API needs more than a plan's 1,000,000 characters.
 */
final class BodyLimits {

    /**
     * A plan preview's 1,000,000 characters of Chinese are 3 MB of UTF-8; its saved tree about as
     * much.
     */
    static final long JSON_LIMIT = 8L * 1024 * 1024;

    private BodyLimits() {}

    static DubanException tooLarge(long limit) {
        return new DubanException(
                413,
                "request.too-large",
                "请求内容过大（最大 " + limit / 1024 / 1024 + " MB）。佐证材料每个文件限 10 MB，计划文件限 5 MB。");
    }

    /**
     * The limit for a body of this media type: the lower JSON limit for JSON, else the configured
     * one.
     */
    static long limitFor(String contentType, long configured) {
        return isJson(contentType) ? Math.min(JSON_LIMIT, configured) : configured;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        int semicolon = contentType.indexOf(';');
        String type =
                (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                        .strip()
                        .toLowerCase(Locale.ROOT);
        return type.equals("application/json")
                || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
