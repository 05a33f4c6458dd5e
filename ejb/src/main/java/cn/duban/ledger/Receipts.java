package cn.duban.ledger;

import cn.duban.calendar.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Pure rules of receipt (签收) and wrong assignment (退回错派): when an unacknowledged task is due for a
 * chase, counted in working hours of the {@link WorkCalendar} (09:00–17:00 Beijing time on
 * workdays), and how far a reassigned task's deadline moves so that the days lost on the wrong unit
 * do not count against the right one.
 */
public final class Receipts {

    private Receipts() {}

    /**
     * The moment a task published at {@code publishedAt} should have been acknowledged: {@code
     * hours} working hours later. A task published on the last afternoon before a holiday is due on
     * the first workday after it.
     */
    public static Instant due(Instant publishedAt, int hours, WorkCalendar calendar) {
        LocalDateTime local = LocalDateTime.ofInstant(publishedAt, LedgerClock.ZONE);
        return calendar.plusWorkingHours(local, hours).atZone(LedgerClock.ZONE).toInstant();
    }

    /** Whether a task published then and still unacknowledged at {@code now} is to be chased. */
    public static boolean late(Instant publishedAt, int hours, WorkCalendar calendar, Instant now) {
        return !now.isBefore(due(publishedAt, hours, calendar));
    }

    /**
     * The right unit's deadline: the wrong unit's, moved by the calendar days from the first
     * assignment to the reassignment (never earlier). Scoring measures lateness in calendar days
     * against the deadline, so moving the deadline is all it takes for the lost days not to count.
     */
    public static LocalDate shiftedDeadline(
            LocalDate deadline, LocalDate assignedOn, LocalDate reassignedOn) {
        return deadline.plusDays(lostDays(assignedOn, reassignedOn));
    }

    /**
     * A checkpoint of a reassigned task: moved by the same days as the deadline, so the new unit
     * has as long for it as the first unit had; never past the (moved) deadline.
     */
    public static LocalDate shiftedCheckpoint(
            LocalDate due, LocalDate assignedOn, LocalDate reassignedOn, LocalDate movedDeadline) {
        LocalDate moved = due.plusDays(lostDays(assignedOn, reassignedOn));
        return moved.isAfter(movedDeadline) ? movedDeadline : moved;
    }

    /** Calendar days between the first assignment and the reassignment; 0 if not later. */
    public static long lostDays(LocalDate assignedOn, LocalDate reassignedOn) {
        return Math.max(0, ChronoUnit.DAYS.between(assignedOn, reassignedOn));
    }
}
