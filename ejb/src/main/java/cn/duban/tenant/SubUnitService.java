package cn.duban.tenant;

import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A town's 下级单位 (党政办 and other offices, 居委, 村委): listed, added and renamed by the district office
 * for any town and by a town's 单位管理员 for its own town only ({@link UnitScopes#managedTown}). A
 * sub-unit's code is the town's code, a hyphen and a short suffix.
 */
@Stateless
public class SubUnitService {

    private static final Pattern SUFFIX = Pattern.compile("^[a-z0-9]{1,8}$");

    @PersistenceContext EntityManager em;

    @EJB UnitScopes scopes;

    @EJB UnitService units;

    /** What a town's administrator gives for a new 下级单位; a blank suffix is chosen for it. */
    public record ChildInput(String name, UnitKind kind, String suffix) {
        public ChildInput {
            name = name == null ? null : name.strip();
            suffix = suffix == null || suffix.isBlank() ? null : suffix.strip();
        }
    }

    public List<Unit> children(java.util.UUID townId) {
        Unit town = scopes.managedTown(townId, true);
        return childrenOf(town);
    }

    public Unit create(java.util.UUID townId, ChildInput input) {
        Unit town = scopes.managedTown(townId, false);
        if (input == null)
            throw DubanException.badRequest("unit.name-invalid", "单位名称不能为空，且不超过100字。");
        UnitKind kind = input.kind() == null ? UnitKind.OFFICE : input.kind();
        if (!kind.subUnit()) {
            throw DubanException.badRequest("unit.kind-invalid", "下级单位的类型应为科室/办、居委或村委。");
        }
        units.validateName(input.name(), List.of(), town, null, kind);
        String code = code(town, input.suffix());
        Unit child = new Unit(code, input.name(), kind);
        child.setParent(town);
        child.setRankingGroup(null);
        em.persist(child);
        em.flush();
        return child;
    }

    public Unit rename(
            java.util.UUID townId, java.util.UUID childId, ChildInput input, Integer version) {
        Unit town = scopes.managedTown(townId, false);
        Unit child =
                childrenOf(town).stream()
                        .filter(u -> u.getId().equals(childId))
                        .findFirst()
                        .orElseThrow(() -> DubanException.notFound("unit.not-found", "单位不存在。"));
        child.requireVersion(version, "unit.stale", "单位已被他人修改，请刷新后重试。");
        if (input == null)
            throw DubanException.badRequest("unit.name-invalid", "单位名称不能为空，且不超过100字。");
        UnitKind kind = input.kind() == null ? child.getKind() : input.kind();
        if (!kind.subUnit()) {
            throw DubanException.badRequest("unit.kind-invalid", "下级单位的类型应为科室/办、居委或村委。");
        }
        units.validateName(input.name(), child.getAliases(), town, child, kind);
        child.setName(input.name());
        child.setKind(kind);
        em.flush();
        return child;
    }

    private List<Unit> childrenOf(Unit town) {
        return em.createQuery(
                        "select u from Unit u join fetch u.parent p where p.id = :town order by u.kind, u.name",
                        Unit.class)
                .setParameter("town", town.getId())
                .getResultList();
    }

    private String code(Unit town, String suffix) {
        if (suffix != null) {
            if (!SUFFIX.matcher(suffix).matches()) {
                throw DubanException.badRequest("unit.code-invalid", "下级单位代码后缀应为1至8位小写字母或数字。");
            }
            String code = town.getCode() + "-" + suffix;
            checkLength(code);
            if (units.codeTaken(code)) {
                throw DubanException.conflict("unit.code-taken", "单位代码“" + code + "”已被使用。");
            }
            return code;
        }
        for (int n = 1; n < 10_000; n++) {
            String code = town.getCode() + "-" + n;
            checkLength(code);
            if (!units.codeTaken(code)) return code;
        }
        throw DubanException.conflict("unit.code-taken", "下级单位过多，无法生成代码。");
    }

    private static void checkLength(String code) {
        if (code.length() > 40) {
            throw DubanException.badRequest("unit.code-invalid", "单位代码“" + code + "”超过40位。");
        }
    }
}
