package cn.duban.ledger;

/**
 * A unit's dispute of an assignment (退回错派): waiting on the district office, insisted on (the unit
 * must take the task, which counts as received when the district insisted), or given to another
 * unit (this task is closed as mis-assigned and not scored).
 */
public enum DisputeState {
    PENDING,
    UPHELD,
    REASSIGNED
}
