package cn.duban.tenant;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller's {@link Scope} inside its district tenant: the district office and leaders the whole
 * tenant, a town's 单位管理员 the town's subtree, any other unit person its own unit.
 */
@Stateless
public class UnitScopes {

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    public Scope current() {
        Caller caller = Caller.requireDistrictPerson();
        if (caller.isDistrictWide()) return Scope.tenant();
        Unit own = units.myUnit();
        if (caller.hasRole(Role.UNIT_ADMIN) && own.getKind() == UnitKind.TOWN) {
            return Scope.subtree(own.getId(), tree().subtree(own.getId()));
        }
        return Scope.unit(own.getId());
    }

    /**
     * Whose supervision (督办) the caller runs: the district office's (empty) for the district
     * administrator, its own town's for a town's 单位管理员 (issue 21 item 2: a town imports, publishes
     * and reviews its own plan). Anyone else is refused.
     */
    public Optional<Unit> supervisingTown() {
        Caller caller = Caller.requireTenant(Role.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        if (caller.hasRole(Role.DISTRICT_ADMIN)) return Optional.empty();
        Optional<Unit> town = supervisingTownIfAny();
        if (town.isEmpty()) {
            throw new DubanException(403, "supervision.not-a-town", "只有街镇的单位管理员可以督办本街镇的工作。");
        }
        return town;
    }

    /** The caller's town if it is a town's 单位管理员; empty for anyone else, never refused. */
    public Optional<Unit> supervisingTownIfAny() {
        Caller caller = Caller.requireDistrictPerson();
        if (caller.isDistrictWide() || !caller.hasRole(Role.UNIT_ADMIN)) return Optional.empty();
        Unit own = units.myUnit();
        return own.getKind() == UnitKind.TOWN ? Optional.of(own) : Optional.empty();
    }

    /**
     * Whether the caller supervises what {@code supervisor} names (see {@link #requireSupervisor}).
     */
    public boolean supervises(UUID supervisor) {
        Caller caller = Caller.requireDistrictPerson();
        if (caller.hasRole(Role.DISTRICT_ADMIN)) return supervisor == null;
        return supervisor != null
                && supervisingTownIfAny().map(t -> t.getId().equals(supervisor)).orElse(false);
    }

    /**
     * Checks that the caller supervises what {@code supervisor} names (null: the district office,
     * or a town): the district office runs its own and only reads a town's; a town's admin runs its
     * own town's. Something of another town is "not found" for a town's admin, as in every scope.
     */
    public void requireSupervisor(UUID supervisor, String notFoundCode, String notFoundMessage) {
        Optional<Unit> town = supervisingTown();
        if (town.isEmpty()) {
            if (supervisor != null) {
                throw new DubanException(
                        403, "supervision.town-runs", "该项由街镇督办，区府办只能查看，审核与下达由街镇办理。");
            }
            return;
        }
        if (!town.get().getId().equals(supervisor)) {
            if (supervisor == null && current().contains(town.get().getId())) {
                throw new DubanException(403, "supervision.district-runs", "该项由区府办督办，街镇不能审核或下达。");
            }
            throw DubanException.notFound(notFoundCode, notFoundMessage);
        }
    }

    /**
     * The town whose own supervision (its scheme, standings and circulars) the caller reads: any
     * town for the district office and leaders (who only read it: writes go through {@link
     * #requireSupervisor}), its own town for the town's 单位管理员. Another town, a unit that is no
     * town, another tenant's id, and anyone else of a unit: not found.
     */
    public Unit readableTown(UUID townId) {
        Caller caller = Caller.requireDistrictPerson();
        if (townId != null && caller.isDistrictWide()) {
            Unit town = units.get(townId);
            if (town.getKind() == UnitKind.TOWN) return town;
        } else if (townId != null) {
            Optional<Unit> own = supervisingTownIfAny();
            if (own.isPresent() && own.get().getId().equals(townId)) return own.get();
        }
        throw DubanException.notFound("unit.not-found", "单位不存在。");
    }

    /**
     * The towns whose circulars reach the caller's unit: the towns above it (a 下级单位's town). Empty
     * for the district office, leaders and district-level units.
     */
    public Set<UUID> townsAbove() {
        Caller caller = Caller.requireDistrictPerson();
        if (caller.isDistrictWide()) return Set.of();
        Set<UUID> towns = new java.util.HashSet<>();
        Unit u = units.myUnit().getParent();
        for (int depth = 0; u != null && depth < UnitTree.MAX_DEPTH; depth++, u = u.getParent())
            if (u.getKind() == UnitKind.TOWN) towns.add(u.getId());
        return towns;
    }

    /** A town and its 下级单位 (every level below it), in the tenant's unit order. */
    public List<Unit> subtreeUnits(UUID town) {
        Set<UUID> subtree = tree().subtree(town);
        return units.list().stream().filter(u -> subtree.contains(u.getId())).toList();
    }

    /** The tenant's units as a tree, from one query of ids and parents. */
    public UnitTree tree() {
        Caller.requireDistrictPerson();
        Map<UUID, UUID> parents = new HashMap<>();
        for (Object[] row :
                em.createQuery("select u.id, p.id from Unit u left join u.parent p", Object[].class)
                        .getResultList()) parents.put((UUID) row[0], (UUID) row[1]);
        return new UnitTree(parents);
    }

    /**
     * The town whose 下级单位 the caller manages: any town for the district office, its own town for a
     * town's 单位管理员. Another town, a unit that is no town, and another tenant's id are all "not
     * found" for a town's admin, so that no id's existence leaks; anyone else is refused.
     */
    public Unit managedTown(UUID townId, boolean readOnly) {
        Caller caller =
                readOnly
                        ? Caller.requireTenant(Role.DISTRICT_ADMIN, Role.LEADER, Role.UNIT_ADMIN)
                        : Caller.requireTenant(Role.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        if (caller.isDistrictWide()) {
            Unit town = units.get(townId);
            if (town.getKind() != UnitKind.TOWN) {
                throw DubanException.badRequest("unit.not-a-town", "只有街镇可以设下级单位。");
            }
            return town;
        }
        Unit own = units.myUnit();
        if (own.getKind() != UnitKind.TOWN || !own.getId().equals(townId)) {
            throw DubanException.notFound("unit.not-found", "单位不存在。");
        }
        return own;
    }
}
