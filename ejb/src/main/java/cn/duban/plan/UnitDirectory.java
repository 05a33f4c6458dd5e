package cn.duban.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the unit names a document uses (区发展改革委, 区府办, 长寿路街道办事处 …) to the tenant's units by name
 * and aliases, tolerating the usual variations: a missing or extra 区 prefix and office suffixes
 * such as 办事处 or 人民政府.
 */
public final class UnitDirectory {

    /** What the directory needs to know of a unit. */
    public record Entry(UUID id, String name, List<String> aliases) {}

    private static final String[] SUFFIXES = {"人民政府", "办事处", "党工委", "党委"};

    private final Map<String, UUID> byKey = new HashMap<>();

    public UnitDirectory(List<Entry> units) {
        for (Entry u : units) {
            register(u.name(), u.id());
            for (String alias : u.aliases()) register(alias, u.id());
        }
    }

    private void register(String name, UUID id) {
        byKey.putIfAbsent(key(name), id);
    }

    public Optional<UUID> resolve(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        return Optional.ofNullable(byKey.get(key(name)));
    }

    /** The comparison key: no spaces, no 区 prefix, no office suffix. */
    static String key(String name) {
        String k = name.replaceAll("[\\s\\u3000]", "");
        for (String suffix : SUFFIXES) {
            if (k.endsWith(suffix) && k.length() > suffix.length() + 1) {
                k = k.substring(0, k.length() - suffix.length());
                break;
            }
        }
        if (k.startsWith("区") && k.length() > 2) k = k.substring(1);
        return k;
    }
}
