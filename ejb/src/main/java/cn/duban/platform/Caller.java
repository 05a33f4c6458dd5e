package cn.duban.platform;

import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of the current thread: user, tenant, unit, roles and the person's name,
 * as taken from the verified token. Timers and other background work set it explicitly with {@link
 * #runAs(Caller, Runnable)}.
 *
 * @param name the person's name from the token (null if it has none); see {@link #displayName}
 */
public record Caller(
        String username, String tenantId, String unitCode, Set<String> roles, String name) {

    // The role names live in Role; these aliases keep the many existing Caller.X uses short.
    public static final String PLATFORM_ADMIN = Role.PLATFORM_ADMIN;
    public static final String DISTRICT_ADMIN = Role.DISTRICT_ADMIN;
    public static final String UNIT_REPORTER = Role.UNIT_REPORTER;
    public static final String LEADER = Role.LEADER;

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    /** {@link Role#DISTRICT_PEOPLE} as the varargs {@link #requireTenant} takes. */
    private static final String[] DISTRICT_PEOPLE = Role.DISTRICT_PEOPLE.toArray(String[]::new);

    public Caller {
        roles = Set.copyOf(roles);
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** A caller without a name (system work, tests): shown by its username. */
    public Caller(String username, String tenantId, String unitCode, Set<String> roles) {
        this(username, tenantId, unitCode, roles, null);
    }

    /** The name to store and show beside the username (签收人, 批示人, 报送人): the username without one. */
    public String displayName() {
        return name == null ? username : name;
    }

    /**
     * A person's name from the token's claims: given and family name as the directory keeps them
     * (an account's full name is its first name; Chinese order, no space), else the {@code name}
     * claim; null without any.
     */
    public static String nameOf(String givenName, String familyName, String fullName) {
        String given = givenName == null ? "" : givenName.strip();
        String family = familyName == null ? "" : familyName.strip();
        String joined = given + family;
        if (!joined.isEmpty()) return joined;
        return fullName == null || fullName.isBlank() ? null : fullName.strip();
    }

    public static Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The caller's tenant, or empty for anonymous calls and the platform operator. */
    public static Optional<String> currentTenant() {
        return current().map(Caller::tenantId).filter(t -> !t.isBlank());
    }

    public static void set(Caller caller) {
        CURRENT.set(caller);
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs work as the given caller on this thread, restoring the previous caller after. */
    public static void runAs(Caller caller, Runnable work) {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            work.run();
        } finally {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        }
    }

    /** A system caller acting inside one tenant, for timers and other background work. */
    public static Caller system(String tenantId) {
        return new Caller("system", tenantId, null, Set.of(DISTRICT_ADMIN));
    }

    /** The platform's own system caller, for background work across tenants. */
    public static Caller platformSystem() {
        return new Caller("system", null, null, Set.of(PLATFORM_ADMIN));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * A person of a unit: 联络员, 单位负责人 or 单位管理员 ({@link Role#UNIT_ROLES}). What such a caller reads
     * (ledger, inbox, circulars, scores) is its own unit's only.
     */
    public boolean isUnitPerson() {
        for (String role : Role.UNIT_ROLES) if (roles.contains(role)) return true;
        return false;
    }

    /** The district office or a leader: reads the whole district, not one unit's. */
    public boolean isDistrictWide() {
        return hasRole(DISTRICT_ADMIN) || hasRole(LEADER);
    }

    /**
     * The current caller if it is one of the district's own people ({@link Role#DISTRICT_PEOPLE}:
     * the office, leaders and every unit role), with a tenant: the one gate of what they all read.
     * The service still narrows a unit person to its own unit (see {@link #isDistrictWide}).
     */
    public static Caller requireDistrictPerson() {
        return requireTenant(DISTRICT_PEOPLE);
    }

    /**
     * The current caller if it holds one of the roles; otherwise 401 (nobody) or 403. Services
     * check roles themselves so the rule holds whichever door a call came through.
     */
    public static Caller require(String... anyOfRoles) {
        Caller caller = current().orElseThrow(DubanException::unauthorized);
        for (String role : anyOfRoles) {
            if (caller.hasRole(role)) return caller;
        }
        throw DubanException.forbidden("当前用户没有执行此操作的权限。");
    }

    /** Like {@link #require} but also demands a tenant (the platform operator has none). */
    public static Caller requireTenant(String... anyOfRoles) {
        Caller caller = require(anyOfRoles);
        if (caller.tenantId() == null || caller.tenantId().isBlank()) {
            throw DubanException.forbidden("当前用户不属于任何区，无法访问区内数据。");
        }
        return caller;
    }
}
