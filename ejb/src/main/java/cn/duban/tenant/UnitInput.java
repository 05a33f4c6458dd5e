package cn.duban.tenant;

import java.util.List;

/** A unit as an administrator describes it when creating or editing units. */
public record UnitInput(
        String code,
        String name,
        UnitKind kind,
        String rankingGroup,
        List<String> aliases,
        String parentCode,
        String email) {

    public UnitInput {
        aliases =
                aliases == null
                        ? List.of()
                        : aliases.stream()
                                .map(String::strip)
                                .filter(a -> !a.isEmpty())
                                .distinct()
                                .toList();
        code = code == null ? null : code.strip();
        name = name == null ? null : name.strip();
        rankingGroup = rankingGroup == null || rankingGroup.isBlank() ? null : rankingGroup.strip();
        parentCode = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
        email = email == null || email.isBlank() ? null : email.strip();
    }
}
