package cn.duban.tenant;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
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
