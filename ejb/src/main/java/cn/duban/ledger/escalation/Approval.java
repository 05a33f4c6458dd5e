package cn.duban.ledger.escalation;

import cn.duban.platform.Role;

/** Who lets a rung of the ladder go out: no one (it goes out by itself), the office or a leader. */
public enum Approval {
    AUTO("自动发出", null),
    DISTRICT_ADMIN("区府办审批", Role.DISTRICT_ADMIN),
    LEADER("领导审批", Role.LEADER);

    private final String label;
    private final String role;

    Approval(String label, String role) {
        this.label = label;
        this.role = role;
    }

    public String label() {
        return label;
    }

    /** The role that approves, null for {@link #AUTO}. */
    public String role() {
        return role;
    }
}
