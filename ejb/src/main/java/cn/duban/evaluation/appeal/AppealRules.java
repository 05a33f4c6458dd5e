package cn.duban.evaluation.appeal;

import cn.duban.evaluation.Adjustment;
import cn.duban.evaluation.Period;
import cn.duban.ledger.TaskStatus;
import java.time.LocalDate;

/**
 * When and what a unit may appeal (申诉期 and targets): plain rules, no container.
 *
 * <p>The window is the district's number of days ({@link #DEFAULT_WINDOW_DAYS} unless it set
 * another) after the day the contested mark became known: for a score line or a deduction item the
 * day the period's result was first published (version 1; a republished version does not reopen
 * it); for an overdue mark the later of the task's deadline and that first publication (an overdue
 * mark can be contested before the period is published). The window's last day is that day plus the
 * days, inclusive.
 */
public final class AppealRules {

    public static final int DEFAULT_WINDOW_DAYS = 7;

    public static final int MAX_REASON = 2000;

    /** Evidence files per appeal, each within the report evidence's limits. */
    public static final int MAX_FILES = 4;

    private AppealRules() {}

    /** The first and last day an appeal may be filed. */
    public record Window(LocalDate opens, LocalDate closes) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(opens) && !day.isAfter(closes);
        }
    }

    /**
     * The window of a target, or null while there is nothing to appeal yet: a score line or
     * deduction before its period is published, an overdue mark before its deadline has passed.
     *
     * @param firstPublished the day the period's result was first published, or null
     * @param deadline the task's deadline (overdue marks only)
     */
    public static Window window(
            Appeal.Kind kind, LocalDate firstPublished, LocalDate deadline, int days) {
        if (kind == Appeal.Kind.OVERDUE) {
            if (deadline == null) return null;
            LocalDate from =
                    firstPublished != null && firstPublished.isAfter(deadline)
                            ? firstPublished
                            : deadline;
            return new Window(deadline.plusDays(1), from.plusDays(days));
        }
        return firstPublished == null
                ? null
                : new Window(firstPublished, firstPublished.plusDays(days));
    }

    /**
     * Whether scoring counts the task late on that day: its deadline has passed and it was not
     * completed (approved, on a submission) by then. The same reading as the scoring's.
     */
    public static boolean countedLate(
            LocalDate deadline, TaskStatus status, LocalDate completedOn, LocalDate today) {
        if (deadline == null || !deadline.isBefore(today) || status == TaskStatus.CANCELLED)
            return false;
        boolean onTime =
                status == TaskStatus.APPROVED
                        && completedOn != null
                        && !completedOn.isAfter(deadline);
        return !onTime;
    }

    /** A deduction item (not a bonus) dated within the period can be appealed in it. */
    public static boolean appealableItem(
            Adjustment.Kind kind, LocalDate occurredOn, Period period) {
        return kind == Adjustment.Kind.DEDUCTION
                && !occurredOn.isBefore(period.start())
                && !occurredOn.isAfter(period.end());
    }

    /**
     * A score line is an indicator's, not a bonus or deduction item (those are appealed as items).
     */
    public static boolean appealableLine(String indicator) {
        return indicator != null
                && !indicator.isBlank()
                && !Adjustment.Kind.BONUS.label().equals(indicator)
                && !Adjustment.Kind.DEDUCTION.label().equals(indicator);
    }
}
