package cn.duban.tenant;

import java.util.Set;
import java.util.UUID;

/**
 * What part of the district tenant a caller reads: the whole tenant (the district office, leaders),
 * a town's subtree (the town's 单位管理员: the town and its 下级单位) or one unit (everyone else of a unit).
 * RLS keeps the tenant; the scope narrows inside it, and a unit outside it is "not found".
 *
 * @param root the town or unit the scope is rooted at; null for the whole tenant
 * @param units the units in scope; empty (and unused) for the whole tenant
 */
public record Scope(Kind kind, UUID root, Set<UUID> units) {

    /** How wide a scope is. */
    public enum Kind {
        TENANT,
        SUBTREE,
        UNIT
    }

    public Scope {
        units = Set.copyOf(units);
    }

    public static Scope tenant() {
        return new Scope(Kind.TENANT, null, Set.of());
    }

    public static Scope subtree(UUID town, Set<UUID> units) {
        return new Scope(Kind.SUBTREE, town, units);
    }

    public static Scope unit(UUID unit) {
        return new Scope(Kind.UNIT, unit, Set.of(unit));
    }

    public boolean isWholeTenant() {
        return kind == Kind.TENANT;
    }

    /** True if the unit is in scope; a unit of another tenant never is, RLS hides it first. */
    public boolean contains(UUID unit) {
        return isWholeTenant() || (unit != null && units.contains(unit));
    }
}
