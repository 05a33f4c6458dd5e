package cn.duban.printing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's own task ledger (任务台账), exported as landscape PDF. Rows are numbered in order.
 *
 * @param title e.g. 2026年政务公开工作要点任务台账
 */
public record UnitLedger(String title, String unitName, LocalDate exportDate, List<Row> rows) {

    public UnitLedger {
        requireNonNull(title, "title");
        requireNonNull(unitName, "unitName");
        requireNonNull(exportDate, "exportDate");
        rows = List.copyOf(rows);
    }

    /**
     * @param section 工作要点 the task belongs to
     * @param taskTitle 具体任务
     * @param role 牵头 or 配合
     * @param deadline 完成时限 as worded in the plan, e.g. 2026年9月底前 or 长期坚持
     * @param progress 进展情况, may be {@code null} when nothing was reported yet
     * @param status 状态 label, e.g. 已完成, 推进中, 已逾期
     */
    public record Row(
            String section,
            String taskTitle,
            String role,
            String deadline,
            String progress,
            String status) {
        public Row {
            requireNonNull(section, "section");
            requireNonNull(taskTitle, "taskTitle");
            requireNonNull(role, "role");
            requireNonNull(deadline, "deadline");
            requireNonNull(status, "status");
        }
    }
}
