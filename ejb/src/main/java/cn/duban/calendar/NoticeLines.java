package cn.duban.calendar;

import cn.duban.platform.RowError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A year's notice as the operator types it, one line per holiday or worked weekend:
 *
 * <pre>
 * 2026-02-15 至 2026-02-23 休 春节
 * 2026-02-14 班 春节调休
 * </pre>
 *
 * A line is a date or a range (至, ~ or –, at most 31 days), 休 (also 假, 放假) or 班 (also 上班), and a
 * name. Blank lines and lines starting with # are skipped. Reading is all or nothing: any bad line
 * gives the list of errors and no adjustments. Linear in the text.
 */
public final class NoticeLines {

    public static final int MAX_LINES = 200;
    public static final int MAX_NAME = 20;
    private static final int MAX_RANGE = 31;
    private static final java.util.Set<String> RANGE = java.util.Set.of("至", "~", "–", "-", "to");

    private NoticeLines() {}

    /**
     * The adjustments, or the errors (then the adjustments are empty): each a line that could not
     * be read, by its number from 1.
     */
    public record Result(List<Adjustment> adjustments, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Result read(int year, String text) {
        List<Adjustment> out = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        String[] lines = (text == null ? "" : text).split("\n", -1);
        if (lines.length > MAX_LINES) {
            return new Result(
                    List.of(),
                    List.of(
                            RowError.of(
                                    MAX_LINES + 1,
                                    null,
                                    "calendar.line.too-many",
                                    "最多" + MAX_LINES + "行。",
                                    MAX_LINES)));
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            RowError problem = readLine(i + 1, year, line, out, seen);
            if (problem != null) errors.add(problem);
        }
        return errors.isEmpty()
                ? new Result(List.copyOf(out), List.of())
                : new Result(List.of(), errors);
    }

    /** Reads line {@code n} into {@code out}; why, when it cannot. */
    private static RowError readLine(
            int n, int year, String line, List<Adjustment> out, Set<LocalDate> seen) {
        String[] t = line.split("[\\s\u3000]+");
        int i = 0;
        LocalDate from = date(t[i++]);
        if (from == null)
            return error(
                    n,
                    "calendar.line.not-a-date",
                    "“" + t[0] + "”不是日期，应写作 " + year + "-01-01。",
                    t[0],
                    year);
        LocalDate to = from;
        if (i < t.length && RANGE.contains(t[i])) {
            i++;
            to = i < t.length ? date(t[i++]) : null;
            if (to == null)
                return error(
                        n,
                        "calendar.line.range",
                        "日期范围应写作 " + year + "-02-15 至 " + year + "-02-23。",
                        year);
        }
        if (to.isBefore(from)) return error(n, "calendar.line.end-before-start", "结束日期早于开始日期。");
        if (to.toEpochDay() - from.toEpochDay() >= MAX_RANGE)
            return error(
                    n, "calendar.line.range-too-long", "一个日期范围最多" + MAX_RANGE + "天。", MAX_RANGE);
        if (from.getYear() != year || to.getYear() != year)
            return error(n, "calendar.line.other-year", "日期不在" + year + "年内。", year);
        if (i >= t.length) return error(n, "calendar.line.kind-missing", "缺少“休”或“班”。");
        DayKind kind =
                switch (t[i++]) {
                    case "休", "假", "放假", "off" -> DayKind.HOLIDAY;
                    case "班", "上班", "work" -> DayKind.WORKDAY;
                    default -> null;
                };
        if (kind == null)
            return error(n, "calendar.line.kind-invalid", "“" + t[i - 1] + "”应为“休”或“班”。", t[i - 1]);
        String name =
                i < t.length ? String.join(" ", java.util.Arrays.copyOfRange(t, i, t.length)) : "";
        if (name.isEmpty()) return error(n, "calendar.line.name-missing", "缺少名称（如 春节、春节调休）。");
        if (name.length() > MAX_NAME)
            return error(n, "calendar.line.name-too-long", "名称最多" + MAX_NAME + "个字。", MAX_NAME);
        if (name.codePoints().anyMatch(Character::isISOControl))
            return error(n, "calendar.line.name-control", "名称含有控制字符。");
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (kind == DayKind.WORKDAY
                    && d.getDayOfWeek() != DayOfWeek.SATURDAY
                    && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                return error(n, "calendar.line.workday-not-weekend", d + " 是工作日，调休上班只能是周六或周日。", d);
            }
            if (!seen.add(d)) return error(n, "calendar.line.day-twice", d + " 出现了两次。", d);
            out.add(new Adjustment(d, kind, name));
        }
        return null;
    }

    private static RowError error(int line, String code, String message, Object... args) {
        return RowError.of(line, null, code, message, args);
    }

    private static LocalDate date(String s) {
        if (s.length() != 10) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The lines that {@link #read} reads back to the same adjustments: one line per run of days.
     */
    public static String write(List<Adjustment> adjustments) {
        List<Adjustment> sorted = new ArrayList<>(adjustments);
        sorted.sort(java.util.Comparator.comparing(Adjustment::day));
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            Adjustment first = sorted.get(i);
            int j = i;
            while (j + 1 < sorted.size()
                    && sorted.get(j + 1).day().equals(sorted.get(j).day().plusDays(1))
                    && sorted.get(j + 1).kind() == first.kind()
                    && sorted.get(j + 1).name().equals(first.name())
                    && j + 1 - i < MAX_RANGE) {
                j++;
            }
            b.append(first.day());
            if (j > i) b.append(" 至 ").append(sorted.get(j).day());
            b.append(first.kind() == DayKind.HOLIDAY ? " 休 " : " 班 ")
                    .append(first.name())
                    .append('\n');
            i = j + 1;
        }
        return b.toString();
    }
}
