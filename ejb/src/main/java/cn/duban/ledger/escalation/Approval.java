package cn.duban.ledger.escalation;

import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import java.util.ArrayList;
import java.util.List;

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

    /** The approvals the caller gives: by their roles. */
    static List<Approval> givenBy(Caller caller) {
        List<Approval> mine = new ArrayList<>();
        for (Approval a : values()) if (a.role != null && caller.hasRole(a.role)) mine.add(a);
        return mine;
    }
}
