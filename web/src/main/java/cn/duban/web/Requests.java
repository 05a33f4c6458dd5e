package cn.duban.web;

import cn.duban.platform.DubanException;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Reading the small pieces of a request every resource needs, with problem+json errors. */
public final class Requests {

    private Requests() {}

    /** The version in an {@code If-Match} header ("3", "\"3\"" or W/"3"), or null without one. */
    public static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) return null;
        try {
            return Integer.parseInt(ifMatch.replace("\"", "").replace("W/", "").strip());
        } catch (NumberFormatException e) {
            throw DubanException.badRequest("request.if-match", "If-Match 头应为版本号。");
        }
    }

    public static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DubanException.badRequest(
                    "request.date-invalid", field + " 应为日期（如 2025-06-30）：" + value);
        }
    }

    public static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw DubanException.badRequest("request.id-invalid", field + " 不是有效的编号：" + value);
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DubanException.badRequest("request.value-invalid", field + " 的取值无效：" + value);
        }
    }

    /**
     * Reads at most {@code limit + 1} bytes, so the caller can tell "too large" without reading
     * everything.
     */
    public static byte[] bytes(InputStream in, int limit) throws IOException {
        try (in) {
            return in.readNBytes(limit + 1);
        }
    }

    /** A Content-Disposition value whose file name (RFC 5987) keeps its Chinese characters. */
    public static String disposition(boolean inline, String fileName) {
        return (inline ? "inline" : "attachment")
                + "; filename*=UTF-8''"
                + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }

    /**
     * A period key from a request (2026, 2026-Q3, 2026-03, 2026-YTD); none means this year to date.
     */
    public static cn.duban.evaluation.Period period(String key) {
        if (key == null || key.isBlank())
            return cn.duban.evaluation.Period.yearToDate(
                    cn.duban.ledger.LedgerClock.today().getYear());
        try {
            return cn.duban.evaluation.Period.parse(key);
        } catch (IllegalArgumentException e) {
            throw DubanException.badRequest(
                    "period.invalid", "考核期“" + key + "”无效：应为 2026、2026-Q3、2026-03 或 2026-YTD。");
        }
    }

    /** Periods as choices for a select: label → key, in the given order. */
    public static java.util.Map<String, String> periodChoices(
            java.util.stream.Stream<cn.duban.evaluation.Period> periods) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        periods.forEach(p -> out.put(Formats.period(p, FormatBean.locale()), p.key()));
        return out;
    }

    /**
     * The multipart field {@code name} (an uploaded file), or 400 {@code code} with {@code detail}
     * when the form lacks it.
     */
    public static EntityPart part(List<EntityPart> parts, String name, String code, String detail) {
        return (parts == null ? List.<EntityPart>of() : parts)
                .stream()
                        .filter(p -> name.equals(p.getName()))
                        .findFirst()
                        .orElseThrow(() -> DubanException.badRequest(code, detail));
    }
}
