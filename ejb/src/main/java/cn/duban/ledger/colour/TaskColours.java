package cn.duban.ledger.colour;

import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.ReportState;
import cn.duban.ledger.TaskRow;
import cn.duban.ledger.TaskStatus;
import cn.duban.platform.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The colours of listed tasks: their rows' own fields plus two counts read for the whole list in
 * one query each (missed checkpoints, returns since the last approval), read by the tenant's rules.
 */
@Stateless
public class TaskColours {

    /** Ids per query: a list page has at most 500 rows; the daily run goes in chunks. */
    static final int CHUNK = 1_000;

    @PersistenceContext EntityManager em;

    @EJB ColourRuleService rules;

    @EJB cn.duban.platform.KeptResults kept;

    /** Each row's reading by the tenant's current rules, today. */
    public Map<UUID, ColourReading> read(List<TaskRow> rows) {
        return read(rows, rules.rules(), LedgerClock.today());
    }

    public Map<UUID, ColourReading> read(List<TaskRow> rows, ColourRules rules, LocalDate today) {
        List<UUID> open = rows.stream().filter(r -> r.status().open()).map(TaskRow::id).toList();
        Counts counts = counts(open, today);
        Map<UUID, ColourReading> out = new HashMap<>();
        for (TaskRow r : rows) out.put(r.id(), rules.read(signals(r, counts), today));
        return out;
    }

    /** An open task's colour today, with its unit, as the overview and the daily run count them. */
    public record OpenTask(
            UUID id, UUID unitId, String unitName, LocalDate redSince, ColourReading reading) {}

    /** A unit's open tasks by colour. */
    public record UnitColours(UUID unitId, String unitName, int red, int amber, int green) {
        public int open() {
            return red + amber + green;
        }
    }

    /** The district's open tasks by colour, and each unit's, most red first. */
    public record Overview(
            LocalDate date, int red, int amber, int green, List<UnitColours> units) {}

    /** Every open task of the tenant with its colour today (the overview and the daily run). */
    public List<OpenTask> readOpen(LocalDate today) {
        ColourRules r = rules.rules();
        Counts counts = countsOfOpenTasks(today);
        List<OpenTask> out = new ArrayList<>();
        em.createQuery(
                        "select new cn.duban.ledger.colour.ColourSweep$Row(t.id, t.status, t.deadline, "
                                + "t.nextDue, t.progress, t.publishedAt, t.lastReportAt, t.redSince, u.id, u.name) "
                                + "from Task t join t.unit u where t.status not in (:approved, :cancelled)",
                        ColourSweep.Row.class)
                .setParameter("approved", TaskStatus.APPROVED)
                .setParameter("cancelled", TaskStatus.CANCELLED)
                .getResultStream()
                .forEach(
                        row ->
                                out.add(
                                        new OpenTask(
                                                row.id(),
                                                row.unitId(),
                                                row.unitName(),
                                                row.redSince(),
                                                r.read(signals(row, counts), today))));
        return out;
    }

    /**
     * The district's open tasks by colour today: the leaders' overview, kept between views while no
     * write touches the tasks, their reports, checkpoints or the rules (see KeptResults).
     */
    public Overview overview() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        LocalDate today = LedgerClock.today();
        return kept.get(
                em, caller.tenantId(), List.of("colour-overview", today), () -> overview(today));
    }

    private Overview overview(LocalDate today) {
        Map<UUID, int[]> byUnit = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        int[] all = new int[3];
        for (OpenTask t : readOpen(today)) {
            int i =
                    switch (t.reading().colour()) {
                        case RED -> 0;
                        case AMBER -> 1;
                        default -> 2;
                    };
            all[i]++;
            byUnit.computeIfAbsent(t.unitId(), k -> new int[3])[i]++;
            names.put(t.unitId(), t.unitName());
        }
        List<UnitColours> units = new ArrayList<>();
        byUnit.forEach((id, c) -> units.add(new UnitColours(id, names.get(id), c[0], c[1], c[2])));
        units.sort(
                java.util.Comparator.comparingInt(UnitColours::red)
                        .reversed()
                        .thenComparing(
                                java.util.Comparator.comparingInt(UnitColours::amber).reversed())
                        .thenComparing(UnitColours::unitName));
        return new Overview(today, all[0], all[1], all[2], units);
    }

    /** What a row says about its colour, with the counts read for it. */
    static TaskSignals signals(ColourColumns r, Counts counts) {
        return new TaskSignals(
                r.status(),
                r.deadline(),
                r.nextDue(),
                r.progress(),
                r.publishedAt() == null ? null : LedgerClock.dateOf(r.publishedAt()),
                r.lastReportAt() == null ? null : LedgerClock.dateOf(r.lastReportAt()),
                counts.returns().getOrDefault(r.id(), 0L).intValue(),
                counts.missed().getOrDefault(r.id(), 0L).intValue(),
                r.redSince());
    }

    /** Per task id: open checkpoints past their day, returns since the last approved report. */
    record Counts(Map<UUID, Long> missed, Map<UUID, Long> returns) {}

    /**
     * The counts of every open task of the tenant, in one query each (the daily run: chunks of ids
     * would be a hundred round trips at 100,000 tasks).
     */
    Counts countsOfOpenTasks(LocalDate today) {
        Counts into = new Counts(new HashMap<>(), new HashMap<>());
        count(
                "%1$s.task.status not in (:approved, :cancelled)",
                Map.of("approved", TaskStatus.APPROVED, "cancelled", TaskStatus.CANCELLED),
                today,
                into);
        return into;
    }

    /** The counts of these tasks, a chunk of ids per query. */
    Counts counts(Collection<UUID> ids, LocalDate today) {
        Counts into = new Counts(new HashMap<>(), new HashMap<>());
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK)
            count(
                    "%1$s.task.id in :ids",
                    Map.of("ids", all.subList(from, Math.min(all.size(), from + CHUNK))),
                    today,
                    into);
        return into;
    }

    /**
     * Adds the two counts of the tasks {@code which} picks (a condition on {@code %1$s.task}, the
     * counted row's task) to {@code into}.
     */
    private void count(String which, Map<String, Object> params, LocalDate today, Counts into) {
        var missed =
                em.createQuery(
                                "select c.task.id, count(c) from Checkpoint c where "
                                        + which.formatted("c")
                                        + " and c.doneOn is null and c.due < :today group by c.task.id",
                                Object[].class)
                        .setParameter("today", today);
        var returns =
                em.createQuery(
                                "select r.task.id, count(r) from ProgressReport r where "
                                        + which.formatted("r")
                                        + " and r.state = :returned and not exists (select a from ProgressReport a "
                                        + "where a.task = r.task and a.state = :approvedReport and a.submittedAt > r.submittedAt) "
                                        + "group by r.task.id",
                                Object[].class)
                        .setParameter("returned", ReportState.RETURNED)
                        .setParameter("approvedReport", ReportState.APPROVED);
        params.forEach(
                (k, v) -> {
                    missed.setParameter(k, v);
                    returns.setParameter(k, v);
                });
        missed.getResultList().forEach(o -> into.missed().put((UUID) o[0], (Long) o[1]));
        returns.getResultList().forEach(o -> into.returns().put((UUID) o[0], (Long) o[1]));
    }
}
