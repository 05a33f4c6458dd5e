package cn.duban.ledger;

import cn.duban.plan.TaskSource;
import java.time.LocalDate;
import java.util.UUID;

/** Ledger filters; null means "any". {@code overdue} and {@code text} narrow further. */
public record TaskFilter(
        UUID planId,
        UUID sectionId,
        UUID unitId,
        TaskStatus status,
        Boolean overdue,
        LocalDate dueFrom,
        LocalDate dueTo,
        Boolean keyTask,
        String text,
        int offset,
        int limit,
        TaskSource source) {

    public static final int MAX_LIMIT = 1_000;

    public TaskFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        offset = Math.max(0, offset);
        limit = limit <= 0 ? 100 : Math.min(limit, MAX_LIMIT);
    }

    public static TaskFilter all() {
        return new TaskFilter(
                null, null, null, null, null, null, null, null, null, 0, MAX_LIMIT, null);
    }

    public TaskFilter forUnit(UUID unit) {
        return new TaskFilter(
                planId, sectionId, unit, status, overdue, dueFrom, dueTo, keyTask, text, offset,
                limit, source);
    }

    public TaskFilter page(int newOffset, int newLimit) {
        return new TaskFilter(
                planId, sectionId, unitId, status, overdue, dueFrom, dueTo, keyTask, text,
                newOffset, newLimit, source);
    }
}
