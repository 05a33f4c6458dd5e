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

    public boolean open() {
        return this != APPROVED && this != CANCELLED;
    }
}
