package cn.duban.evaluation;

import cn.duban.ledger.Rating;
import cn.duban.ledger.TaskStatus;
import cn.duban.plan.TaskSource;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What scoring needs to know of one task, read from the ledger in one query: its deadline, when it
 * was completed (the unit's submission date) and how it was rated, its reported progress, and the
 * dates of its returned reports and missed checkpoints.
 *
 * @param returnedOn the review dates of the task's returned reports
 * @param missedDue due dates of checkpoints not reported by their due date
 * @param source where the task comes from (its plan's source), weighed by the scheme
 * @param cooperating the task is a co-operating unit's (配合), not the point's lead's
 * @param contributedOn the day a co-operating unit first sent its contribution to the lead unit
 * @param lateExcused the district accepted the unit's appeal against the task's overdue mark
 *     (申诉采纳，不计逾期): its lateness counts as none, see {@link #daysLate}
 */
public record TaskFacts(
        UUID taskId,
        UUID unitId,
        UUID pointId,
        String title,
        LocalDate deadline,
        TaskStatus status,
        int progress,
        LocalDate completedOn,
        Rating rating,
        List<LocalDate> returnedOn,
        List<LocalDate> missedDue,
        TaskSource source,
        boolean cooperating,
        LocalDate contributedOn,
        boolean lateExcused) {

    /** A task without an accepted overdue appeal. */
    public TaskFacts(
            UUID taskId,
            UUID unitId,
            UUID pointId,
            String title,
            LocalDate deadline,
            TaskStatus status,
            int progress,
            LocalDate completedOn,
            Rating rating,
            List<LocalDate> returnedOn,
            List<LocalDate> missedDue,
            TaskSource source,
            boolean cooperating,
            LocalDate contributedOn) {
        this(
                taskId,
                unitId,
                pointId,
                title,
                deadline,
                status,
                progress,
                completedOn,
                rating,
                returnedOn,
                missedDue,
                source,
                cooperating,
                contributedOn,
                false);
    }

    /** A lead unit's task. */
    public TaskFacts(
            UUID taskId,
            UUID unitId,
            UUID pointId,
            String title,
            LocalDate deadline,
            TaskStatus status,
            int progress,
            LocalDate completedOn,
            Rating rating,
            List<LocalDate> returnedOn,
            List<LocalDate> missedDue,
            TaskSource source) {
        this(
                taskId,
                unitId,
                pointId,
                title,
                deadline,
                status,
                progress,
                completedOn,
                rating,
                returnedOn,
                missedDue,
                source,
                false,
                null);
    }

    /** A plan's task. */
    public TaskFacts(
            UUID taskId,
            UUID unitId,
            UUID pointId,
            String title,
            LocalDate deadline,
            TaskStatus status,
            int progress,
            LocalDate completedOn,
            Rating rating,
            List<LocalDate> returnedOn,
            List<LocalDate> missedDue) {
        this(
                taskId,
                unitId,
                pointId,
                title,
                deadline,
                status,
                progress,
                completedOn,
                rating,
                returnedOn,
                missedDue,
                TaskSource.PLAN);
    }

    public TaskFacts {
        source = source == null ? TaskSource.PLAN : source;
        returnedOn = returnedOn == null ? List.of() : List.copyOf(returnedOn);
        missedDue = missedDue == null ? List.of() : List.copyOf(missedDue);
    }

    /**
     * Days past the deadline on that day (completion or evaluation), 0 when not late or when an
     * accepted appeal excused the lateness: the one place scoring reads the exemption.
     */
    long daysLate(LocalDate day) {
        if (lateExcused) return 0;
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(deadline, day));
    }

    /** Completed as of that day: approved, on a submission made by then. */
    boolean completedBy(LocalDate day) {
        return completedOn != null && status == TaskStatus.APPROVED && !completedOn.isAfter(day);
    }
}
