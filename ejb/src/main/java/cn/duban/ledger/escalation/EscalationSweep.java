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
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
     * The most rungs that go out by themselves one by one (督办单, 点名通报 or 约谈 without approval: each
     * its own document and message) in one run. A district that goes live with a backlog climbs it
     * over a few mornings, the longest overdue first, instead of one transaction that outlasts its
     * timeout, rolls back and tries the same again the next day. 提醒s (one message per unit) and
     * proposals (rows only) are written set-based and are not capped.
     */
    static final int MOST_PER_RUN = 2_000;

    /**
     * The ladder is the district office's instrument: a town's own tasks (issue 21) are chased by
     * the town, and never climb the district's rungs to its leaders.
     */
    static final String DISTRICTS = "and t.supervisorUnitId is null";

    /** Task ids per insert statement (PostgreSQL takes at most 65,535 parameters). */
    static final int CHUNK = 5_000;

    /** A late task's columns the run reads. */
    record Late(UUID id, UUID unitId, LocalDate deadline, String title) {}

    /** A rung a task has had for its current deadline. */
    record Had(UUID taskId, Step step, EscalationState state, LocalDate replyBy) {}

    /** A late task with the rung the rules give it today. */
    record Due(Late task, LadderRules.Rung rung, int days) {}

    public Run run() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        LocalDate today = LedgerClock.today();
        TransactionLocks.lock(em, caller.tenantId() + ":ladder-run");
        int dropped =
                em.createQuery(
                                "delete from Escalation e where e.state = :proposed and not exists ("
                                        + "select t.id from Task t where t.id = e.taskId and t.status in :withUnit "
                                        + "and t.deadline = e.deadline and t.deadline < :today "
                                        + DISTRICTS
                                        + ")")
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
                                "select new cn.duban.ledger.escalation.EscalationSweep$Late(t.id, t.unit.id, t.deadline, t.title) "
                                        + "from Task t where t.status in :withUnit and t.deadline <= :cutoff "
                                        + DISTRICTS
                                        + " order by t.deadline, t.id",
                                Late.class)
                        .setParameter("withUnit", TaskStatus.WITH_UNIT)
                        .setParameter("cutoff", cutoff)
                        .getResultList();
        Map<UUID, Map<Step, LadderRules.Had>> had = new HashMap<>();
        em.createQuery(
                        "select new cn.duban.ledger.escalation.EscalationSweep$Had(e.taskId, e.step, e.state, e.replyBy) "
                                + "from Escalation e, Task t where t.id = e.taskId and e.deadline = t.deadline "
                                + "and t.status in :withUnit and t.deadline <= :cutoff "
                                + DISTRICTS,
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
        // The rules decide each task's rung; the rows are then written per kind of rung.
        Map<Step, List<Late>> toPropose = new EnumMap<>(Step.class);
        Map<UUID, List<Late>> toRemind = new LinkedHashMap<>();
        List<Due> toIssue = new ArrayList<>();
        int deferred = 0;
        for (Late t : late) {
            int days = (int) ChronoUnit.DAYS.between(t.deadline(), today);
            Optional<LadderRules.Rung> next =
                    rules.next(days, had.getOrDefault(t.id(), Map.of()), today);
            if (next.isEmpty()) continue;
            LadderRules.Rung rung = next.get();
            if (rung.approval() != Approval.AUTO)
                toPropose.computeIfAbsent(rung.step(), k -> new ArrayList<>()).add(t);
            else if (rung.step() == Step.REMINDER)
                toRemind.computeIfAbsent(t.unitId(), k -> new ArrayList<>()).add(t);
            else if (toIssue.size() >= MOST_PER_RUN) deferred++;
            else toIssue.add(new Due(t, rung, days));
        }
        Instant now = AppClock.now();
        int proposed = 0;
        for (Map.Entry<Step, List<Late>> e : toPropose.entrySet())
            proposed +=
                    insert(e.getValue(), rules.rung(e.getKey()), today, cutoff, now, null, null);
        int issued = 0;
        for (Map.Entry<UUID, List<Late>> e : toRemind.entrySet()) {
            EscalationDecisions.Reminded sent =
                    decisions.remindUnit(
                            e.getKey(),
                            e.getValue().stream()
                                    .map(
                                            t ->
                                                    new EscalationDecisions.Listed(
                                                            t.id(), t.title(), t.deadline()))
                                    .toList(),
                            rules);
            issued +=
                    insert(
                            e.getValue(),
                            rules.rung(Step.REMINDER),
                            today,
                            cutoff,
                            now,
                            sent,
                            caller.username());
        }
        // A rung above the 提醒 that needs no approval is each its own document (a 督办单 has its
        // own number): carried out one by one.
        if (!toIssue.isEmpty()) {
            List<Escalation> higher = new ArrayList<>();
            for (Due d : toIssue) {
                Late t = d.task();
                Escalation e =
                        new Escalation(t.id(), t.unitId(), d.rung(), t.deadline(), d.days(), now);
                em.persist(e);
                higher.add(e);
            }
            em.flush();
            Map<UUID, Task> tasks =
                    decisions.tasksById(
                            higher.stream().map(Escalation::getTaskId).toList(), LockModeType.NONE);
            EscalationDecisions.Numbering numbers =
                    higher.stream().anyMatch(e -> e.getStep() == Step.NOTICE)
                            ? decisions.numbering()
                            : null;
            for (Escalation e : higher)
                decisions.issueNow(e, tasks.get(e.getTaskId()), rules, caller.username(), numbers);
            issued += higher.size();
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
                    issued,
                    "dropped",
                    dropped,
                    "deferred",
                    deferred);
        return new Run(today, late.size(), proposed, issued, dropped, deferred);
    }

    /**
     * Writes one rung for each of these tasks in a few statements, as proposed or (with {@code
     * sent}) as sent with that 提醒: a task that left its unit or got a new deadline meanwhile is
     * passed over, and a rung some other run wrote first is kept.
     */
    private int insert(
            List<Late> tasks,
            LadderRules.Rung rung,
            LocalDate today,
            LocalDate cutoff,
            Instant now,
            EscalationDecisions.Reminded sent,
            String by) {
        String sql =
                sent == null
                        ? "insert into escalation (tenant_id, id, task_id, unit_id, step, state, approval, "
                                + "deadline, overdue_days, proposed_at) "
                                + "select t.tenant_id, gen_random_uuid(), t.id, t.unit_id, :step, 'PROPOSED', "
                                + ":approval, t.deadline_date, cast(:today as date) - t.deadline_date, :now "
                        : "insert into escalation (tenant_id, id, task_id, unit_id, step, state, approval, "
                                + "deadline, overdue_days, proposed_at, decided_at, decided_by, reply_by, message_id) "
                                + "select t.tenant_id, gen_random_uuid(), t.id, t.unit_id, :step, 'ISSUED', "
                                + ":approval, t.deadline_date, cast(:today as date) - t.deadline_date, :now, "
                                + ":at, :by, :replyBy, :message ";
        sql +=
                "from task t where t.id in (:ids) and t.status in (:withUnit) "
                        + "and t.deadline_date <= :cutoff "
                        + "on conflict do nothing";
        List<String> withUnit = TaskStatus.WITH_UNIT.stream().map(Enum::name).toList();
        int written = 0;
        for (int from = 0; from < tasks.size(); from += CHUNK) {
            var q =
                    em.createNativeQuery(sql)
                            .setParameter(
                                    "ids",
                                    tasks
                                            .subList(from, Math.min(tasks.size(), from + CHUNK))
                                            .stream()
                                            .map(Late::id)
                                            .toList())
                            .setParameter("step", rung.step().name())
                            .setParameter("approval", rung.approval().name())
                            .setParameter("today", today)
                            .setParameter("now", now)
                            .setParameter("withUnit", withUnit)
                            .setParameter("cutoff", cutoff);
            if (sent != null)
                q.setParameter("at", sent.at())
                        .setParameter("by", by)
                        .setParameter("replyBy", sent.answerBy())
                        .setParameter("message", sent.messageId());
            written += q.executeUpdate();
        }
        return written;
    }
}
