package cn.duban.plan;

import cn.duban.plan.parse.PlanLevel;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How far each town took up the points of a district plan (issue 21 item 3, 全覆盖、无遗漏): per point and
 * town, whether the town's plan has a linked point and whether that plan is adopted (published) or
 * still a draft, and which of the town's 下级单位 carry it — tasks of the linked town points and parts
 * split (分解) from the district's task on the point. A parent point counts what its sub-points
 * count. Not a bean: {@link PlanLinkService#coverage} reads it in its transaction.
 */
public final class TownAdoption {

    /** A town's answer to one point. */
    public enum State {
        /** The town's plan with a linked point is published to its 下级单位. */
        ADOPTED,
        /** Only a draft (a town plan not yet published) has a linked point. */
        DRAFT,
        /** No plan of the town answers the point. */
        MISSING
    }

    /**
     * One town's answer to a point.
     *
     * @param expected whether the point is addressed to the town (各街镇 or the town by name)
     * @param carriers the names of the town's 下级单位 with an open or finished task on it
     */
    public record Answer(
            UUID unitId,
            String name,
            boolean expected,
            State state,
            UUID planId,
            List<String> carriers) {

        public boolean carried() {
            return !carriers.isEmpty();
        }
    }

    /**
     * 全覆盖: the point is addressed to at least one town, and every town it is addressed to adopted
     * it and has at least one 下级单位 carrying it. A draft, or an adopted point that stays with the
     * town itself, is not yet covered.
     */
    static boolean fullyCovered(Collection<Answer> answers) {
        boolean any = false;
        for (Answer a : answers) {
            if (!a.expected()) continue;
            any = true;
            if (a.state() != State.ADOPTED || !a.carried()) return false;
        }
        return any;
    }

    /** Merges what a sub-point's towns did into its parent's: the better state, all carriers. */
    static State better(State a, State b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static final class Acc {
        State state = State.MISSING;
        UUID planId;
        final Set<String> carriers = new LinkedHashSet<>();

        void merge(Acc o) {
            if (o.state.ordinal() < state.ordinal() || planId == null) {
                state = better(state, o.state);
                planId = o.planId;
            }
            carriers.addAll(o.carriers);
        }
    }

    private TownAdoption() {}

    /**
     * Per point of the district plan (in {@code points}' order), every town addressed or answering,
     * in the order of {@code towns}.
     */
    static Map<UUID, List<Answer>> of(
            EntityManager em,
            UUID planId,
            List<PlanPoint> points,
            List<TownAddressees.Town> towns) {
        Map<UUID, TownAddressees.Town> townById = new LinkedHashMap<>();
        for (TownAddressees.Town t : towns) townById.put(t.id(), t);
        Map<UUID, Map<UUID, Acc>> acc = new HashMap<>();

        // Town plans' points linked to the district's, and whether their plans are published.
        List<Object[]> links =
                em.createQuery(
                                "select l.targetPoint.id, pl.id, pl.supervisorUnitId, pl.ownerUnitId "
                                        + "from PointLink l join l.point p join p.plan pl "
                                        + "where l.targetPoint.plan.id = :plan and pl.level = :town",
                                Object[].class)
                        .setParameter("plan", planId)
                        .setParameter("town", PlanLevel.TOWN)
                        .getResultList();
        Set<UUID> townPlans = new HashSet<>();
        for (Object[] r : links) townPlans.add((UUID) r[1]);
        Set<UUID> published =
                townPlans.isEmpty()
                        ? Set.of()
                        : new HashSet<>(
                                em.createQuery(
                                                "select distinct t.planId from Task t where t.planId in :p",
                                                UUID.class)
                                        .setParameter("p", townPlans)
                                        .getResultList());
        for (Object[] r : links) {
            UUID town = r[2] != null ? (UUID) r[2] : (UUID) r[3];
            if (town == null || !townById.containsKey(town)) continue;
            Acc a =
                    acc.computeIfAbsent((UUID) r[0], k -> new HashMap<>())
                            .computeIfAbsent(town, k -> new Acc());
            State s = published.contains((UUID) r[1]) ? State.ADOPTED : State.DRAFT;
            if (a.planId == null || better(a.state, s) != a.state) {
                a.state = better(a.state, s);
                a.planId = (UUID) r[1];
            }
        }

        // 下级单位 carrying it: tasks of the linked town points, and parts of the district's tasks.
        List<Object[]> carried = new ArrayList<>();
        carried.addAll(
                em.createQuery(
                                "select l.targetPoint.id, t.supervisorUnitId, u.id, u.name "
                                        + "from PointLink l, Task t join t.unit u where t.point = l.point "
                                        + "and l.targetPoint.plan.id = :plan and t.supervisorUnitId is not null "
                                        + "and t.status <> cn.duban.ledger.TaskStatus.CANCELLED",
                                Object[].class)
                        .setParameter("plan", planId)
                        .getResultList());
        carried.addAll(
                em.createQuery(
                                "select t.point.id, t.supervisorUnitId, u.id, u.name from Task t join t.unit u "
                                        + "where t.planId = :plan and t.parentTaskId is not null "
                                        + "and t.status <> cn.duban.ledger.TaskStatus.CANCELLED",
                                Object[].class)
                        .setParameter("plan", planId)
                        .getResultList());
        for (Object[] r : carried) {
            UUID town = (UUID) r[1];
            // The town's own task is no 下级单位 carrying it.
            if (!townById.containsKey(town) || town.equals(r[2])) continue;
            acc.computeIfAbsent((UUID) r[0], k -> new HashMap<>())
                    .computeIfAbsent(town, k -> new Acc())
                    .carriers
                    .add((String) r[3]);
        }

        // A parent counts its sub-points: children come after their parents in document order.
        for (int i = points.size() - 1; i >= 0; i--) {
            PlanPoint p = points.get(i);
            if (p.getParent() == null || !acc.containsKey(p.getId())) continue;
            Map<UUID, Acc> parent =
                    acc.computeIfAbsent(p.getParent().getId(), k -> new HashMap<>());
            acc.get(p.getId())
                    .forEach((town, a) -> parent.computeIfAbsent(town, k -> new Acc()).merge(a));
        }

        Map<UUID, List<Answer>> out = new LinkedHashMap<>();
        for (PlanPoint p : points) {
            Set<UUID> expected = new HashSet<>();
            for (TownAddressees.Town t : TownAddressees.of(TownAddressees.named(p), towns))
                expected.add(t.id());
            Map<UUID, Acc> answers = acc.getOrDefault(p.getId(), Map.of());
            List<Answer> row = new ArrayList<>();
            for (TownAddressees.Town t : towns) {
                Acc a = answers.get(t.id());
                boolean exp = expected.contains(t.id());
                if (!exp && (a == null || (a.state == State.MISSING && a.carriers.isEmpty())))
                    continue;
                row.add(
                        new Answer(
                                t.id(),
                                t.name(),
                                exp,
                                a == null ? State.MISSING : a.state,
                                a == null ? null : a.planId,
                                a == null ? List.of() : List.copyOf(a.carriers)));
            }
            out.put(p.getId(), row);
        }
        return out;
    }
}
