package cn.duban.tenant.web;

import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import java.util.List;
import java.util.UUID;

/** A unit as the REST API shows it. */
public record UnitView(
        UUID id,
        String code,
        String name,
        List<String> aliases,
        UnitKind kind,
        String rankingGroup,
        String parentCode,
        int version) {

    public static UnitView of(Unit u) {
        return new UnitView(
                u.getId(),
                u.getCode(),
                u.getName(),
                u.getAliases(),
                u.getKind(),
                u.getRankingGroup(),
                u.getParent() == null ? null : u.getParent().getCode(),
                u.getVersion());
    }
}
