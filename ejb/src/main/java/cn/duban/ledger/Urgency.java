package cn.duban.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The traffic light of a task for its unit, in the order a unit should work through them: red
 * (overdue), yellow (due within the due-soon window), green, then tasks waiting for the district's
 * review and finished ones.
 */
public enum Urgency {
    OVERDUE("red"),
    DUE_SOON("yellow"),
    ON_TRACK("green"),
    AWAITING_REVIEW("blue"),
    DONE("grey");

    private final String light;

    Urgency(String light) {
        this.light = light;
    }

    public String light() {
        return light;
    }

    /** {@code nextDue} is the earliest open checkpoint or the deadline. */
    public static Urgency of(
            TaskStatus status, LocalDate nextDue, LocalDate today, int dueSoonDays) {
        if (status == TaskStatus.APPROVED || status == TaskStatus.CANCELLED) return DONE;
        if (status == TaskStatus.SUBMITTED) return AWAITING_REVIEW;
        long days = ChronoUnit.DAYS.between(today, nextDue);
        if (days < 0) return OVERDUE;
        return days <= dueSoonDays ? DUE_SOON : ON_TRACK;
    }
}
