package cn.duban.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which towns a district point is addressed to (issue 21 item 3, 下发): the point's responsible units
 * (lead or co-operating, its own or, when it names none, its nearest ancestor's) name 各街镇 or
 * another collective that takes towns when published (各单位), or a town itself, by its unit or, when
 * the name is not yet matched to a unit, by its name or an alias. Plain Java: the cascade decides
 * what goes into each town's draft with it, coverage which towns a point expects.
 */
public final class TownAddressees {

    /** A responsible unit as a point names it. */
    public record Named(String name, boolean collective, UUID unitId) {}

    /** A town of the district: its unit, name and aliases. */
    public record Town(UUID id, String name, List<String> aliases) {
        public Town {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        boolean answersTo(String n) {
            String key = UnitDirectory.key(n);
            if (key.equals(UnitDirectory.key(name))) return true;
            for (String a : aliases) if (key.equals(UnitDirectory.key(a))) return true;
            return false;
        }
    }

    private TownAddressees() {}

    /** Whether a collective name takes every town when a district plan is published. */
    static boolean takesEveryTown(String collectiveName) {
        CollectiveScope scope = CollectiveScope.of(collectiveName);
        return scope == CollectiveScope.TOWNS || scope == CollectiveScope.ALL_UNITS;
    }

    /** The towns (in the given order) the named units address. */
    public static List<Town> of(List<Named> named, List<Town> towns) {
        Set<Town> out = new LinkedHashSet<>();
        for (Named n : named) {
            if (n.collective()) {
                if (takesEveryTown(n.name())) out.addAll(towns);
                continue;
            }
            for (Town t : towns) {
                if (n.unitId() != null ? n.unitId().equals(t.id()) : t.answersTo(n.name()))
                    out.add(t);
            }
        }
        List<Town> ordered = new ArrayList<>();
        for (Town t : towns) if (out.contains(t)) ordered.add(t);
        return ordered;
    }

    /** The point's named units, or its nearest ancestor's when it names none (as published). */
    static List<Named> named(PlanPoint point) {
        for (PlanPoint p = point; p != null; p = p.getParent()) {
            if (!p.getUnits().isEmpty())
                return p.getUnits().stream()
                        .map(u -> new Named(u.getName(), u.isCollective(), u.getUnitId()))
                        .toList();
        }
        return List.of();
    }
}
