package cn.duban.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an operator can do that the operators' trail (三员分立) records, defined once: the code is what
 * {@code operator_audit.action} stores, the UI sentence is the bundle key {@code
 * operatorAction.<NAME>}. A system administrator's action on a tenant is here as well as in the
 * tenant's own chain: the audit administrator reads only this trail.
 */
public enum OperatorAction {
    TENANT_CREATED("tenant.created"),
    TENANT_ONBOARDED("tenant.onboarded"),
    TENANT_SUSPENDED("tenant.suspended"),
    TENANT_RESUMED("tenant.resumed"),
    TENANT_EXPORTED("tenant.exported"),
    WORK_CALENDAR_CHANGED("work-calendar.changed"),
    OUTBOUND_CHANGED("outbound.changed"),
    TENANT_DIRECTORY_PURGED("tenant.directory-purged"),
    JOB_RUN("job.run"),
    CITY_MEMBER_ADDED("city.member-added"),
    CITY_MEMBER_REMOVED("city.member-removed"),
    OPERATOR_CREATED("operator.created"),
    OPERATOR_ROLE_CHANGED("operator.role-changed"),
    TRAIL_READ("operator-audit.read");

    private final String code;

    OperatorAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The action stored under that code; empty for a code this release does not know. */
    public static Optional<OperatorAction> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
