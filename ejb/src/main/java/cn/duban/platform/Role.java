package cn.duban.platform;

import java.util.List;
import java.util.Optional;

/**
 * The realm roles Duban knows, defined once: the names are those of the Keycloak realm
 * (duban-realm.json) and of {@code @RolesAllowed}; the UI labels are the bundle keys {@code
 * role.<name>}. The constants are strings so annotations can use them.
 */
public final class Role {

    /**
     * The SaaS operator's 系统管理员 (system administrator) of 三员分立: tenants, onboarding and
     * offboarding; has no tenant. The realm role keeps its old name {@code platform-admin}, so that
     * existing operators, tokens and scripts (bin/duban-create-operator) stay what they were: the
     * system administrator, and nothing more (operator accounts are the security administrator's).
     */
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** 系统管理员: the same role as {@link #PLATFORM_ADMIN}, by its 三员分立 name. */
    public static final String SYSTEM_ADMIN = PLATFORM_ADMIN;

    /**
     * 安全管理员 (security administrator): the operators' accounts and their roles; never a system or
     * audit administrator at the same time. Has no tenant.
     */
    public static final String SECURITY_ADMIN = "security-admin";

    /**
     * 审计管理员 (audit administrator): reads the operators' audit trail, its own readings included;
     * changes nothing. Has no tenant.
     */
    public static final String AUDIT_ADMIN = "audit-admin";

    /**
     * The three operator roles of 三员分立 (等保 2.0): mutually exclusive, an operator holds exactly one
     * (Duban refuses a token with two), and only the security administrator grants them.
     */
    public static final List<String> OPERATOR_ROLES =
            List.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    /** 区府办: runs supervision and the district's own accounts. */
    public static final String DISTRICT_ADMIN = "district-admin";

    /** 领导: rankings and dashboards. */
    public static final String LEADER = "leader";

    /** 联络员 of a department or town: reports progress. */
    public static final String UNIT_REPORTER = "unit-reporter";

    /** 单位负责人: head of a department or town. */
    public static final String UNIT_HEAD = "unit-head";

    /** 单位管理员: a town's own administrator. */
    public static final String UNIT_ADMIN = "unit-admin";

    /** 市级查看: a city-level viewer. */
    public static final String CITY_VIEWER = "city-viewer";

    /** Every role, most powerful first (the order the UI lists them in). */
    public static final List<String> ALL =
            List.of(
                    PLATFORM_ADMIN,
                    SECURITY_ADMIN,
                    AUDIT_ADMIN,
                    DISTRICT_ADMIN,
                    LEADER,
                    UNIT_HEAD,
                    UNIT_ADMIN,
                    UNIT_REPORTER,
                    CITY_VIEWER);

    /** The roles an account of a district may hold (and its account views show). */
    public static final List<String> TENANT_ROLES =
            List.of(DISTRICT_ADMIN, LEADER, UNIT_HEAD, UNIT_ADMIN, UNIT_REPORTER, CITY_VIEWER);

    /**
     * Exactly what a district administrator may grant (and replace on an edit): the district's own
     * roles up to its own. Never {@link #PLATFORM_ADMIN}, never a Keycloak client role
     * (realm-management …), and never {@link #CITY_VIEWER}, which looks at the city's districts
     * from above: a district cannot make its own people the city's.
     */
    public static final List<String> DISTRICT_GRANTS =
            List.of(DISTRICT_ADMIN, LEADER, UNIT_HEAD, UNIT_ADMIN, UNIT_REPORTER);

    /**
     * The roles a district administrator may give an integrator's API client (whose tokens carry
     * the tenant and never a unit): reading the district's work, as a leader does. Never an
     * administrator's role, never a unit's role (a unit role without a unit would be meaningless at
     * best), never a Keycloak client role.
     */
    public static final List<String> INTEGRATOR_GRANTS = List.of(LEADER);

    /** Roles that only make sense with a unit (部门 or 街镇) to belong to. */
    public static final List<String> UNIT_ROLES = List.of(UNIT_HEAD, UNIT_ADMIN, UNIT_REPORTER);

    /**
     * The district's own people who work with its tasks and units: the office, leaders and every
     * unit role (a unit role sees its own unit's only; each service narrows it).
     */
    public static final List<String> DISTRICT_PEOPLE =
            List.of(DISTRICT_ADMIN, LEADER, UNIT_HEAD, UNIT_ADMIN, UNIT_REPORTER);

    /**
     * Chinese labels as the import sheet and the UI write them; the bundles carry the same text.
     */
    private static final List<String[]> LABELS =
            List.of(
                    new String[] {PLATFORM_ADMIN, "系统管理员"},
                    new String[] {SECURITY_ADMIN, "安全管理员"},
                    new String[] {AUDIT_ADMIN, "审计管理员"},
                    new String[] {DISTRICT_ADMIN, "区府办管理员"},
                    new String[] {LEADER, "领导"},
                    new String[] {UNIT_HEAD, "单位负责人"},
                    new String[] {UNIT_ADMIN, "单位管理员"},
                    new String[] {UNIT_REPORTER, "联络员"},
                    new String[] {CITY_VIEWER, "市级查看"});

    private Role() {}

    /** True if the roles hold more than one of {@link #OPERATOR_ROLES} (三员 must stay apart). */
    public static boolean dutiesConflict(java.util.Collection<String> roles) {
        int n = 0;
        for (String r : OPERATOR_ROLES) if (roles.contains(r)) n++;
        return n > 1;
    }

    /** True if the roles hold any of {@link #OPERATOR_ROLES}. */
    public static boolean isOperator(java.util.Collection<String> roles) {
        for (String r : OPERATOR_ROLES) if (roles.contains(r)) return true;
        return false;
    }

    public static boolean grantableByDistrict(String role) {
        return DISTRICT_GRANTS.contains(role);
    }

    /**
     * The Chinese label of a role (as the sheet writes it), or the name itself for an unknown role.
     */
    public static String label(String role) {
        for (String[] l : LABELS) {
            if (l[0].equals(role)) return l[1];
        }
        return role;
    }

    /**
     * The role a person wrote: its name ({@code unit-reporter}) or Chinese label (联络员, also 单位联络员),
     * case and surrounding blanks ignored. Empty for anything else.
     */
    public static Optional<String> parse(String written) {
        if (written == null) return Optional.empty();
        String w = written.strip();
        // Other names people use, including the UI's short labels.
        switch (w) {
            case "单位联络员", "填报单位", "填报人" -> {
                return Optional.of(UNIT_REPORTER);
            }
            case "区府办", "管理员" -> {
                return Optional.of(DISTRICT_ADMIN);
            }
            case "平台运维", "平台管理员" -> {
                return Optional.of(PLATFORM_ADMIN);
            }
            default -> {}
        }
        for (String[] l : LABELS) {
            if (l[0].equalsIgnoreCase(w) || l[1].equals(w)) return Optional.of(l[0]);
        }
        return Optional.empty();
    }
}
