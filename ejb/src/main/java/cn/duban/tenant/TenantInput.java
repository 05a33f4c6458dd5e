package cn.duban.tenant;

import java.util.List;

/**
 * A new tenant with its units, as the platform operator submits it; {@code kind} left out is a
 * district.
 */
public record TenantInput(String id, String name, List<UnitInput> units, TenantKind kind) {

    public TenantInput {
        id = id == null ? null : id.strip();
        name = name == null ? null : name.strip();
        units = units == null ? List.of() : List.copyOf(units);
        kind = kind == null ? TenantKind.DISTRICT : kind;
    }
}
