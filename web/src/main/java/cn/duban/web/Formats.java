package cn.duban.web;

import cn.duban.evaluation.Period;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How the UI writes and reads values, in plain Java so every page does it the same way; pages reach
 * it through the {@code fmt} bean ({@link FormatBean}) and the {@code duban.date} converter ({@link
 * DateConverter}), which know the tenant's zone and the language.
 */
public final class Formats {

    /** The tenant's zone when none is known (a tenant's default, see {@code tenant.time_zone}). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter ZH_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    private Formats() {}

    /**
     * A moment in the tenant's zone: "2026年11月29日 19:25" (English: "2026-11-29 19:25"); empty for
     * none.
     */
    public static String dateTime(Instant at, ZoneId zone, Locale locale) {
        if (at == null) return "";
        return (english(locale) ? EN_DATE_TIME : ZH_DATE_TIME)
                .format(at.atZone(zone == null ? DEFAULT_ZONE : zone));
    }

    /** A calendar day: "2026-11-29"; empty for none. */
    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /**
     * The calendar day of a moment in the tenant's zone (not UTC's: the evening is still the same
     * day in Beijing).
     */
    public static String date(Instant at, ZoneId zone) {
        return at == null ? "" : date(at.atZone(zone == null ? DEFAULT_ZONE : zone).toLocalDate());
    }

    /**
     * A whole number as digits only: years and versions are never grouped ("2025", not "2,025").
     */
    /**
     * An evaluation period's name in the page's language: 2026年第三季度 / Q3 2026 (the domain's label
     * is Chinese, for documents).
     */
    public static String period(Period p, Locale locale) {
        if (!english(locale)) return p.label();
        return switch (p.kind()) {
            case MONTH ->
                    Month.of(p.index()).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                            + " "
                            + p.year();
            case QUARTER -> "Q" + p.index() + " " + p.year();
            case YEAR_TO_DATE -> p.year() + " to date";
            case YEAR -> "Year " + p.year();
        };
    }

    public static String plain(Number n) {
        return n == null ? "" : n.toString();
    }

    /**
     * Arguments for a bundle message: whole numbers as plain digits, since MessageFormat groups
     * them ("{0}年" with 2025 would read "2,025年"); everything else as it is.
     */
    public static Object[] messageArgs(Object... args) {
        if (args == null) return new Object[0];
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Integer || out[i] instanceof Long || out[i] instanceof Short)
                out[i] = out[i].toString();
        }
        return out;
    }

    /** Names as a Chinese list ("长寿路街道、宜川路街道"), or comma separated in English; empty for none. */
    public static String list(Collection<?> items, Locale locale) {
        if (items == null || items.isEmpty()) return "";
        String separator = english(locale) ? ", " : "、";
        return items.stream()
                .filter(Objects::nonNull)
                .map(Object::toString)
                .collect(Collectors.joining(separator));
    }

    /**
     * A typed date: 2026-11-29, 2026-1-5, 2026/11/29, 2026.11.29, 2026年11月29日 or 20261129 (spaces
     * ignored). Reads the text once, left to right.
     *
     * @return the day, or null for an empty text
     * @throws IllegalArgumentException if the text is not a real date in one of these forms
     */
    public static LocalDate parseDate(String text) {
        if (text == null) return null;
        StringBuilder digits = new StringBuilder();
        int[] parts = new int[3];
        int count = 0;
        boolean separated = false;
        String s = text.strip();
        if (s.isEmpty()) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                if (digits.length() > 8) throw invalid(text);
            } else if (c >= '０' && c <= '９') {
                digits.append((char) ('0' + (c - '０')));
                if (digits.length() > 8) throw invalid(text);
            } else if (c == '-' || c == '/' || c == '.' || c == '年' || c == '月' || c == '日'
                    || c == '号' || c == '－' || c == '／') {
                if (digits.isEmpty()) {
                    if (c == '日' || c == '号')
                        continue; // "日" after the day's digits was already counted
                    throw invalid(text);
                }
                if (count == 3) throw invalid(text);
                parts[count++] = Integer.parseInt(digits.toString());
                digits.setLength(0);
                separated = true;
            } else if (c != ' ') {
                throw invalid(text);
            }
        }
        if (!digits.isEmpty()) {
            if (!separated && digits.length() == 8) {
                int all = Integer.parseInt(digits.toString());
                parts[0] = all / 10000;
                parts[1] = all / 100 % 100;
                parts[2] = all % 100;
                count = 3;
            } else {
                if (count == 3) throw invalid(text);
                parts[count++] = Integer.parseInt(digits.toString());
            }
        }
        if (count != 3 || parts[0] < 1900 || parts[0] > 2999) throw invalid(text);
        try {
            return LocalDate.of(parts[0], parts[1], parts[2]);
        } catch (DateTimeException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("not a date: " + text);
    }

    private static boolean english(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
