package cn.duban.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days and hours in mainland China's public administration: Monday to Friday, except the
 * public holidays and bridging days of the State Council's yearly notice (国务院办公厅关于部分节假日安排的 通知),
 * plus the weekend days that notice makes workdays (调休上班). One calendar for receipt deadlines,
 * escalation and lateness alike. A year without a notice is counted Monday to Friday, and {@link
 * #covers} says so, so that callers can warn.
 *
 * <p>Pure and immutable; every method walks at most one step per day it spans, and spans are capped
 * ({@link #MAX_DAYS}), so no input makes it slow.
 */
public final class WorkCalendar {

    /** The office day that working hours count in: 09:00 to 17:00, eight hours. */
    public static final LocalTime OPENS = LocalTime.of(9, 0);

    public static final LocalTime CLOSES = LocalTime.of(17, 0);

    /** The longest span any method walks: about ten years. */
    public static final int MAX_DAYS = 3_660;

    private final Map<LocalDate, Adjustment> adjustments;
    private final SortedSet<Integer> years;

    /**
     * @param adjustments the days of the notices
     * @param years the years whose notice the calendar holds (a year may hold no adjustment at all
     *     only in theory, hence a list of its own)
     */
    public WorkCalendar(Collection<Adjustment> adjustments, Collection<Integer> years) {
        TreeMap<LocalDate, Adjustment> byDay = new TreeMap<>();
        for (Adjustment a : adjustments) byDay.put(a.day(), a);
        this.adjustments = Map.copyOf(byDay);
        this.years = new TreeSet<>(years);
    }

    /** Whether the calendar holds that year's notice. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    public Set<Integer> years() {
        return java.util.Collections.unmodifiableSortedSet(years);
    }

    public boolean isWorkday(LocalDate day) {
        Adjustment a = adjustments.get(day);
        if (a != null) return a.kind() == DayKind.WORKDAY;
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The name of the holiday or the worked weekend that day is, if the notice names it. */
    public java.util.Optional<Adjustment> adjustment(LocalDate day) {
        return java.util.Optional.ofNullable(adjustments.get(day));
    }

    /**
     * The {@code n}-th workday after {@code day} ({@code n} ≥ 0; 0 gives {@code day} itself when it
     * is a workday, else the next workday).
     */
    public LocalDate plusWorkdays(LocalDate day, int n) {
        if (n < 0) throw new IllegalArgumentException("n < 0");
        LocalDate d = day;
        int left = n;
        for (int walked = 0; walked <= MAX_DAYS; walked++) {
            if (isWorkday(d)) {
                if (left == 0) return d;
                left--;
            }
            d = d.plusDays(1);
        }
        throw new IllegalArgumentException("more than " + MAX_DAYS + " days");
    }

    /**
     * Workdays after {@code from} up to and including {@code to}; 0 when {@code to} is not later.
     */
    public int workdaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) return 0;
        if (to.toEpochDay() - from.toEpochDay() > MAX_DAYS)
            throw new IllegalArgumentException("more than " + MAX_DAYS + " days");
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkday(d)) n++;
        }
        return n;
    }

    /**
     * The moment {@code hours} working hours after {@code start}: time inside office hours of
     * workdays counts, the rest does not. A task handed out on Friday at 16:00 with 8 hours to go
     * falls due on Monday at 16:00 (or later, after a holiday).
     */
    public LocalDateTime plusWorkingHours(LocalDateTime start, int hours) {
        if (hours < 0) throw new IllegalArgumentException("hours < 0");
        if (hours == 0) return start;
        Duration left = Duration.ofHours(hours);
        LocalDateTime at = start;
        for (int walked = 0; walked <= MAX_DAYS; walked++) {
            LocalDate day = at.toLocalDate();
            if (isWorkday(day)) {
                LocalTime from = at.toLocalTime().isBefore(OPENS) ? OPENS : at.toLocalTime();
                if (from.isBefore(CLOSES)) {
                    Duration today = Duration.between(from, CLOSES);
                    if (left.compareTo(today) <= 0) return day.atTime(from).plus(left);
                    left = left.minus(today);
                }
            }
            at = day.plusDays(1).atStartOfDay();
        }
        throw new IllegalArgumentException("more than " + MAX_DAYS + " days");
    }

    /** Working hours (whole minutes) from {@code from} to {@code to}; zero when not later. */
    public Duration workingTimeBetween(LocalDateTime from, LocalDateTime to) {
        if (!to.isAfter(from)) return Duration.ZERO;
        if (to.toLocalDate().toEpochDay() - from.toLocalDate().toEpochDay() > MAX_DAYS)
            throw new IllegalArgumentException("more than " + MAX_DAYS + " days");
        Duration total = Duration.ZERO;
        for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
            if (!isWorkday(d)) continue;
            LocalTime start = d.equals(from.toLocalDate()) ? max(from.toLocalTime(), OPENS) : OPENS;
            LocalTime end = d.equals(to.toLocalDate()) ? min(to.toLocalTime(), CLOSES) : CLOSES;
            if (start.isBefore(end)) total = total.plus(Duration.between(start, end));
        }
        return total;
    }

    /**
     * The years from {@code today}'s through the next that the calendar lacks once the next year's
     * notice is due (the State Council publishes it in November or December): this year always,
     * next year from 1 November.
     */
    public SortedSet<Integer> missingYears(LocalDate today) {
        SortedSet<Integer> missing = new TreeSet<>();
        if (!covers(today.getYear())) missing.add(today.getYear());
        if (today.getMonthValue() >= 11 && !covers(today.getYear() + 1))
            missing.add(today.getYear() + 1);
        return missing;
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalTime min(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }
}
