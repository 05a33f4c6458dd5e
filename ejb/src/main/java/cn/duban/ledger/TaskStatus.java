package cn.duban.ledger;

/**
 * Where a task stands: assigned → in progress → submitted → approved / returned. Overdue is not a
 * status: it is derived (deadline passed, not approved). Cancelled tasks were taken from a unit
 * after it had reported, and are kept as a record.
 */
public enum TaskStatus {
    ASSIGNED,
    IN_PROGRESS,
    SUBMITTED,
    APPROVED,
    RETURNED,
    CANCELLED;

    /** Where the unit has the next step: the states in which a task awaits its receipt (签收). */
    public static final java.util.List<TaskStatus> WITH_UNIT =
            java.util.List.of(ASSIGNED, IN_PROGRESS, RETURNED);

    public boolean open() {
        return this != APPROVED && this != CANCELLED;
    }
}
