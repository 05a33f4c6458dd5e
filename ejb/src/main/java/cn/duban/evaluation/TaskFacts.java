package cn.duban.evaluation;

import cn.duban.ledger.Rating;
import cn.duban.ledger.TaskStatus;
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
        List<LocalDate> missedDue) {

    public TaskFacts {
        returnedOn = returnedOn == null ? List.of() : List.copyOf(returnedOn);
        missedDue = missedDue == null ? List.of() : List.copyOf(missedDue);
    }

    /** Completed as of that day: approved, on a submission made by then. */
    boolean completedBy(LocalDate day) {
        return completedOn != null && status == TaskStatus.APPROVED && !completedOn.isAfter(day);
    }
}
