package cn.duban.ledger.escalation;

/** Where one rung of one task's ladder is. */
public enum EscalationState {
    /** Due, waiting for its approver. */
    PROPOSED("待审批"),
    /** Sent (a 点名通报 waits for the next circular; a 约谈 for its record). */
    ISSUED("已发出"),
    /** A 督办单 the unit head has signed for (签收). */
    ACKNOWLEDGED("已签收"),
    /** A 约谈 held and recorded, or a 点名通报 printed in an issued circular. */
    DONE("已办结"),
    /** Not sent: the approver declined, or the task was finished or given a new deadline first. */
    WITHDRAWN("已撤回");

    private final String label;

    EscalationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the rung has been decided (anything but waiting for approval). */
    public boolean decided() {
        return this != PROPOSED;
    }
}
