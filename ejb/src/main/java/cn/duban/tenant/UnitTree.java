package cn.duban.tenant;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The units of one tenant as a tree, from each unit's parent: a unit's subtree (itself and every
 * unit below it) and whether a new parent would close a cycle. Linear in the units; a cycle in the
 * data (which the schema refuses only for a unit and itself) never loops, and a branch deeper than
 * {@link #MAX_DEPTH} below the root is cut off.
 */
public final class UnitTree {

    /** Levels below a root that a subtree holds: a town, its offices/居村, and room to spare. */
    public static final int MAX_DEPTH = 8;

    private final Map<UUID, UUID> parentOf;
    private final Map<UUID, List<UUID>> childrenOf = new HashMap<>();

    /** {@code parentOf} maps each unit to its parent, or to null for a top-level unit. */
    public UnitTree(Map<UUID, UUID> parentOf) {
        this.parentOf = new HashMap<>(parentOf);
        parentOf.forEach(
                (child, parent) -> {
                    if (parent != null && !parent.equals(child))
                        childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
                });
    }

    /** The tree of the given units. */
    public static UnitTree of(Iterable<Unit> units) {
        Map<UUID, UUID> parents = new HashMap<>();
        for (Unit u : units)
            parents.put(u.getId(), u.getParent() == null ? null : u.getParent().getId());
        return new UnitTree(parents);
    }

    /** The unit's direct children; none for an unknown unit. */
    public List<UUID> children(UUID unit) {
        return Collections.unmodifiableList(childrenOf.getOrDefault(unit, List.of()));
    }

    /**
     * The root and every unit below it, breadth first, at most {@link #MAX_DEPTH} levels down;
     * empty for a unit this tree does not hold.
     */
    public Set<UUID> subtree(UUID root) {
        Set<UUID> seen = new LinkedHashSet<>();
        if (root == null || !parentOf.containsKey(root)) return seen;
        seen.add(root);
        ArrayDeque<UUID> level = new ArrayDeque<>(List.of(root));
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            ArrayDeque<UUID> next = new ArrayDeque<>();
            for (UUID u : level)
                for (UUID c : childrenOf.getOrDefault(u, List.of())) if (seen.add(c)) next.add(c);
            level = next;
        }
        return seen;
    }

    /** The units strictly below the root. */
    public Set<UUID> descendants(UUID root) {
        Set<UUID> below = subtree(root);
        below.remove(root);
        return below;
    }

    /** How many levels the unit is below the top (0 for a top-level unit), cycle-proof. */
    public int depth(UUID unit) {
        Set<UUID> seen = new HashSet<>();
        int depth = 0;
        for (UUID p = parentOf.get(unit); p != null && seen.add(p); p = parentOf.get(p)) depth++;
        return depth;
    }

    /** True if {@code unit} under {@code newParent} would close a cycle (or is its own parent). */
    public boolean wouldCycle(UUID unit, UUID newParent) {
        Set<UUID> seen = new HashSet<>();
        for (UUID p = newParent; p != null && seen.add(p); p = parentOf.get(p)) {
            if (p.equals(unit)) return true;
        }
        return false;
    }
}
