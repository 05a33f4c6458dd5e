package cn.duban.ledger.escalation;

import cn.duban.audit.AuditService;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.Task;
import cn.duban.ledger.TaskStatus;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import cn.duban.platform.TransactionLocks;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The daily ladder run of a tenant: every late task that waits on its unit climbs at most one rung
 * ({@link LadderRules#next}); a rung that needs no approval goes out at once, the others wait for
 * their approver. Proposals that no longer apply (the task was reported, finished or given a new
 * deadline) are dropped: they were never sent to anyone. One transaction per tenant, serialised per
 * tenant, so two servers' runs propose and send nothing twice.
 */
@Stateless
public class EscalationSweep {

    @PersistenceContext EntityManager em;

    @EJB LadderRuleService ladder;

    @EJB EscalationDecisions decisions;

    @EJB AuditService audit;

    /**
     * What the run did: rungs proposed for approval, sent by themselves, proposals dropped, and
     * tasks due a rung that wait for the next run (beyond {@link #MOST_PER_RUN}).
     */
    public record Run(
            LocalDate date, int late, int proposed, int issued, int dropped, int deferred) {}

    /**
     * The most rungs one run starts. A district that goes live with a backlog of thousands of late
     * tasks climbs it over a few mornings, the longest overdue first, instead of one transaction
     * that outlasts its timeout, rolls back and tries the same again the next day.
     */
    static final int MOST_PER_RUN = 2_000;

    /** A late task's columns the run reads. */
    record Late(UUID id, UUID unitId, LocalDate deadline) {}

    /** A rung a task has had for its current deadline. */
    record Had(UUID taskId, Step step, EscalationState state, LocalDate replyBy) {}

    public Run run() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        LocalDate today = LedgerClock.today();
        TransactionLocks.lock(em, caller.tenantId() + ":ladder-run");
        int dropped =
                em.createQuery(
                                "delete from Escalation e where e.state = :proposed and not exists ("
                                        + "select t.id from Task t where t.id = e.taskId and t.status in :withUnit "
                                        + "and t.deadline = e.deadline and t.deadline < :today)")
                        .setParameter("proposed", EscalationState.PROPOSED)
                        .setParameter("withUnit", TaskStatus.WITH_UNIT)
                        .setParameter("today", today)
                        .executeUpdate();
        LadderRules rules = ladder.rules();
        int first = rules.firstAfterDays();
        if (first == Integer.MAX_VALUE) return new Run(today, 0, 0, 0, dropped, 0);
        LocalDate cutoff = today.minusDays(first);
        List<Late> late =
                em.createQuery(
                                "select new cn.duban.ledger.escalation.EscalationSweep$Late(t.id, t.unit.id, t.deadline) "
                                        + "from Task t where t.status in :withUnit and t.deadline <= :cutoff "
                                        + "order by t.deadline, t.id",
                                Late.class)
                        .setParameter("withUnit", TaskStatus.WITH_UNIT)
                        .setParameter("cutoff", cutoff)
                        .getResultList();
        Map<UUID, Map<Step, LadderRules.Had>> had = new HashMap<>();
        em.createQuery(
                        "select new cn.duban.ledger.escalation.EscalationSweep$Had(e.taskId, e.step, e.state, e.replyBy) "
                                + "from Escalation e, Task t where t.id = e.taskId and e.deadline = t.deadline "
                                + "and t.status in :withUnit and t.deadline <= :cutoff",
                        Had.class)
                .setParameter("withUnit", TaskStatus.WITH_UNIT)
                .setParameter("cutoff", cutoff)
                .getResultList()
                .forEach(
                        h ->
                                had.computeIfAbsent(h.taskId(), k -> new EnumMap<>(Step.class))
                                        .put(
                                                h.step(),
                                                new LadderRules.Had(h.state(), h.replyBy())));
        Instant now = AppClock.now();
        List<Escalation> toIssue = new ArrayList<>();
        int proposed = 0, deferred = 0;
        for (Late t : late) {
            int days = (int) ChronoUnit.DAYS.between(t.deadline(), today);
            Optional<LadderRules.Rung> rung =
                    rules.next(days, had.getOrDefault(t.id(), Map.of()), today);
            if (rung.isEmpty()) continue;
            if (proposed + toIssue.size() >= MOST_PER_RUN) {
                deferred++;
                continue;
            }
            Escalation e = new Escalation(t.id(), t.unitId(), rung.get(), t.deadline(), days, now);
            em.persist(e);
            if (rung.get().approval() == Approval.AUTO) toIssue.add(e);
            else proposed++;
        }
        em.flush();
        // 提醒s go out as one message per unit; a rung above it that needs no approval is each its
        // own document (a 督办单 has its own number).
        Map<UUID, List<Escalation>> reminders = new java.util.LinkedHashMap<>();
        List<Escalation> higher = new ArrayList<>();
        for (Escalation e : toIssue) {
            if (e.getStep() == Step.REMINDER)
                reminders.computeIfAbsent(e.getUnitId(), k -> new ArrayList<>()).add(e);
            else higher.add(e);
        }
        reminders.forEach(
                (unit, rungs) -> decisions.remindUnit(unit, rungs, rules, caller.username()));
        if (!higher.isEmpty()) {
            EscalationDecisions.Numbering numbers =
                    higher.stream().anyMatch(e -> e.getStep() == Step.NOTICE)
                            ? decisions.numbering()
                            : null;
            for (Escalation e : higher)
                decisions.issueNow(
                        e, em.find(Task.class, e.getTaskId()), rules, caller.username(), numbers);
        }
        if (proposed > 0 || dropped > 0)
            audit.record(
                    "escalation.run",
                    "settings",
                    null,
                    "date",
                    today.toString(),
                    "proposed",
                    proposed,
                    "issued",
                    toIssue.size(),
                    "dropped",
                    dropped,
                    "deferred",
                    deferred);
        return new Run(today, late.size(), proposed, toIssue.size(), dropped, deferred);
    }
}
