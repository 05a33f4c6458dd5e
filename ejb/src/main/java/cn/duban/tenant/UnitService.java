package cn.duban.tenant;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The units of the caller's tenant. */
@Stateless
public class UnitService {

    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

    @PersistenceContext EntityManager em;

    public List<Unit> list() {
        Caller.requireDistrictPerson();
        return em.createQuery(
                        "select u from Unit u left join fetch u.parent order by u.kind, u.rankingGroup, u.code",
                        Unit.class)
                .getResultList();
    }

    /** A unit of the caller's tenant; a unit of another tenant is reported as not found. */
    public Unit get(UUID id) {
        Caller caller = Caller.requireDistrictPerson();
        return em.createQuery(
                        "select u from Unit u left join fetch u.parent where u.id = :id",
                        Unit.class)
                .setParameter("id", id)
                .getResultStream()
                .filter(u -> u.getTenantId().equals(caller.tenantId()))
                .findFirst()
                .orElseThrow(() -> DubanException.notFound("unit.not-found", "单位不存在。"));
    }

    public Optional<Unit> findByCode(String code) {
        Caller.requireDistrictPerson();
        return queryByCode(code);
    }

    private Optional<Unit> queryByCode(String code) {
        return em.createQuery(
                        "select u from Unit u left join fetch u.parent where u.code = :code",
                        Unit.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /** The caller's own unit, from the unit code in the token. */
    public Unit myUnit() {
        Caller caller = Caller.requireDistrictPerson();
        if (caller.unitCode() == null) {
            throw DubanException.forbidden("当前用户未关联单位。");
        }
        return queryByCode(caller.unitCode())
                .orElseThrow(
                        () -> DubanException.forbidden("当前用户关联的单位（" + caller.unitCode() + "）不存在。"));
    }

    public Unit create(UnitInput input) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Unit unit = newUnit(input, Set.of());
        em.persist(unit);
        return unit;
    }

    public Unit update(UUID id, UnitInput input, Integer expectedVersion) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Unit unit = get(id);
        unit.requireVersion(expectedVersion, "unit.stale", "单位已被他人修改，请刷新后重试。");
        Unit newParent =
                input.parentCode() == null ? null : parent(input.parentCode(), unit.getCode());
        if (newParent != null && UnitTree.of(list()).wouldCycle(unit.getId(), newParent.getId())) {
            throw DubanException.badRequest("unit.parent-invalid", "上级单位不能是本单位的下级单位。");
        }
        validateNames(input, unit, newParent);
        unit.setName(input.name());
        unit.setKind(input.kind());
        unit.setRankingGroup(input.rankingGroup());
        unit.setAliases(input.aliases());
        unit.setEmail(input.email());
        unit.setParent(newParent);
        return unit;
    }

    /**
     * Builds and validates a unit of the current tenant, for the district office or the platform
     * operator setting up a tenant. {@code pendingCodes} are codes being created in the same call,
     * which a parent may refer to.
     */
    public Unit newUnit(UnitInput input, Set<String> pendingCodes) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.PLATFORM_ADMIN);
        if (input.code() == null || !CODE.matcher(input.code()).matches()) {
            throw DubanException.badRequest(
                    "unit.code-invalid",
                    "单位代码“" + input.code() + "”无效：应以小写字母开头，只含小写字母、数字和连字符，最长40位。");
        }
        if (queryByCode(input.code()).isPresent()) {
            throw DubanException.conflict("unit.code-taken", "单位代码“" + input.code() + "”已被使用。");
        }
        Unit parent =
                input.parentCode() != null && !pendingCodes.contains(input.parentCode())
                        ? parent(input.parentCode(), input.code())
                        : null;
        if (input.kind() != null
                && input.kind().subUnit()
                && parent == null
                && input.parentCode() != null) {
            // A parent created in the same call: the per-parent check is the database's.
            validateName(input.name(), input.aliases(), null, null, UnitKind.TOWN);
        } else {
            validateNames(input, null, parent);
        }
        Unit unit = new Unit(input.code(), input.name(), input.kind());
        unit.setRankingGroup(input.rankingGroup());
        unit.setAliases(input.aliases());
        unit.setEmail(input.email());
        unit.setParent(parent);
        return unit;
    }

    private void validateNames(UnitInput input, Unit self, Unit parent) {
        if (input.kind() == null) {
            throw DubanException.badRequest("unit.kind-missing", "请选择单位类型（区府办、部门或街镇）。");
        }
        validateName(input.name(), input.aliases(), parent, self, input.kind());
    }

    /**
     * Refuses a name that is blank or too long (400) or already taken (409): a district-level
     * unit's name and aliases are unique among the district-level units (plan import matches them
     * by name); a 下级单位's name is unique under its parent (every town has a 党政办) and is never a
     * district-level unit's name.
     */
    public void validateName(
            String name, List<String> aliases, Unit parent, Unit self, UnitKind kind) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.PLATFORM_ADMIN, Role.UNIT_ADMIN);
        if (name == null || name.isEmpty() || name.length() > 100) {
            throw DubanException.badRequest("unit.name-invalid", "单位名称不能为空，且不超过100字。");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw DubanException.badRequest("unit.name-invalid", "单位名称不能含控制字符。");
        }
        for (String a : aliases) {
            if (a.length() > 100) {
                throw DubanException.badRequest("unit.name-invalid", "别名不超过100字。");
            }
        }
        if (kind.subUnit() && parent == null) {
            throw DubanException.badRequest("unit.parent-required", "下级单位（科室、居委、村委）须有上级街镇。");
        }
        Set<String> names = new HashSet<>(aliases);
        names.add(name);
        for (Unit other :
                em.createQuery("select u from Unit u left join fetch u.parent", Unit.class)
                        .getResultList()) {
            if (other == self) continue;
            boolean clash =
                    kind.districtLevel()
                            ? other.getKind().districtLevel()
                            : other.getKind().districtLevel()
                                    || (other.getParent() != null
                                            && parent != null
                                            && other.getParent().getId().equals(parent.getId()));
            if (!clash) continue;
            for (String n : names) {
                if (other.answersTo(n)) {
                    throw DubanException.conflict(
                            "unit.name-taken", "名称或别名“" + n + "”已属于单位“" + other.getName() + "”。");
                }
            }
        }
    }

    /** True if a unit of the caller's tenant has the code. */
    public boolean codeTaken(String code) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.PLATFORM_ADMIN, Role.UNIT_ADMIN);
        return queryByCode(code).isPresent();
    }

    private Unit parent(String parentCode, String childCode) {
        if (parentCode.equals(childCode)) {
            throw DubanException.badRequest("unit.parent-invalid", "单位不能以自身为上级。");
        }
        return queryByCode(parentCode)
                .orElseThrow(
                        () ->
                                DubanException.badRequest(
                                        "unit.parent-unknown", "上级单位代码“" + parentCode + "”不存在。"));
    }
}
