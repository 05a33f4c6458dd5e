package cn.duban.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An evaluation period of a year: a month ({@code 2026-03}), a quarter ({@code 2026-Q3}), the year
 * to date ({@code 2026-YTD}) or the whole year ({@code 2026}). A period counts the tasks due within
 * it, as far as the evaluation date.
 */
public record Period(Kind kind, int year, int index) {

    public enum Kind {
        MONTH,
        QUARTER,
        YEAR_TO_DATE,
        YEAR
    }

    private static final Pattern KEY =
            Pattern.compile("(\\d{4})(?:-(?:(\\d{1,2})|Q([1-4])|(YTD)))?");

    public Period {
        if (year < 2000 || year > 2100)
            throw new IllegalArgumentException("year out of range: " + year);
        if (kind == Kind.MONTH && (index < 1 || index > 12))
            throw new IllegalArgumentException("month out of range: " + index);
        if (kind == Kind.QUARTER && (index < 1 || index > 4))
            throw new IllegalArgumentException("quarter out of range: " + index);
    }

    public static Period month(int year, int month) {
        return new Period(Kind.MONTH, year, month);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(Kind.QUARTER, year, quarter);
    }

    public static Period yearToDate(int year) {
        return new Period(Kind.YEAR_TO_DATE, year, 0);
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, year, 0);
    }

    /**
     * Every period of a year, as offered for choosing: year to date, the year, quarters and months,
     * latest first.
     */
    public static java.util.List<Period> allOf(int year) {
        java.util.List<Period> all =
                new java.util.ArrayList<>(java.util.List.of(yearToDate(year), year(year)));
        for (int q = 4; q >= 1; q--) all.add(quarter(year, q));
        for (int m = 12; m >= 1; m--) all.add(month(year, m));
        return all;
    }

    /**
     * The periods a circular can report on while a page lists {@code listedYear}: this year's and
     * last year's, and the listed year's (an earlier plan year is drafted from its own list), each
     * the year so far and the ended years, quarters and months; the latest year first.
     */
    public static java.util.List<Period> reportable(int listedYear, LocalDate today) {
        java.util.TreeSet<Integer> years =
                new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        years.add(today.getYear());
        years.add(today.getYear() - 1);
        if (listedYear <= today.getYear()) years.add(listedYear);
        return years.stream()
                .flatMap(y -> allOf(y).stream())
                .filter(p -> p.kind() == Kind.YEAR_TO_DATE || p.endedBy(today))
                .toList();
    }

    /** Parses a period key; throws IllegalArgumentException with the key when it is not one. */
    public static Period parse(String key) {
        Matcher m = KEY.matcher(key == null ? "" : key.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("not a period: " + key);
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) return month(year, Integer.parseInt(m.group(2)));
        if (m.group(3) != null) return quarter(year, Integer.parseInt(m.group(3)));
        if (m.group(4) != null) return yearToDate(year);
        return year(year);
    }

    public String key() {
        return switch (kind) {
            case MONTH -> String.format("%d-%02d", year, index);
            case QUARTER -> year + "-Q" + index;
            case YEAR_TO_DATE -> year + "-YTD";
            case YEAR -> String.valueOf(year);
        };
    }

    public String label() {
        return switch (kind) {
            case MONTH -> year + "年" + index + "月";
            case QUARTER -> year + "年第" + "一二三四".charAt(index - 1) + "季度";
            case YEAR_TO_DATE -> year + "年累计";
            case YEAR -> year + "年度";
        };
    }

    public LocalDate start() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, index, 1);
            case QUARTER -> LocalDate.of(year, index * 3 - 2, 1);
            case YEAR_TO_DATE, YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate end() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, index).atEndOfMonth();
            case QUARTER -> YearMonth.of(year, index * 3).atEndOfMonth();
            case YEAR_TO_DATE, YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    /** The date the period is evaluated at: its end, or today while it is still running. */
    public LocalDate asOf(LocalDate today) {
        return today.isBefore(end()) ? today : end();
    }

    /** Whether the period is over on that day, so that its scores can be closed and published. */
    public boolean endedBy(LocalDate today) {
        return kind != Kind.YEAR_TO_DATE && end().isBefore(today);
    }
}
