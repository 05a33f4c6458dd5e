package cn.duban.ledger.pack;

import cn.duban.ledger.LedgerSheetService;
import cn.duban.ledger.TaskStatus;
import cn.duban.ledger.TaskView;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A task of an evidence pack: what its folder, summary and index line say about it, taken from the
 * ledger's view (which already applied who may see it).
 *
 * @param status the ledger's status text, e.g. 已办结（按时）
 * @param progress the approved % complete
 */
public record PackTask(
        UUID id,
        String planTitle,
        String sectionTitle,
        String pointNumber,
        String title,
        String unitName,
        boolean lead,
        LocalDate deadline,
        String deadlineText,
        String status,
        int progress,
        LocalDate completedOn,
        String rating,
        boolean keyTask) {

    static PackTask of(TaskView t) {
        return new PackTask(
                t.id(),
                t.planTitle(),
                t.sectionTitle(),
                t.pointNumber(),
                t.title(),
                t.unitName(),
                "LEAD".equals(t.role()),
                t.deadline(),
                t.deadlineText(),
                LedgerSheetService.status(t),
                t.progress(),
                t.completedOn(),
                t.rating() == null ? null : t.rating().label(),
                t.keyTask());
    }

    /** Cancelled tasks are no work of the year: a pack leaves them out. */
    static boolean counted(TaskView t) {
        return t.status() != TaskStatus.CANCELLED;
    }
}
