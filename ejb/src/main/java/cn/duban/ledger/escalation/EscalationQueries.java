package cn.duban.ledger.escalation;

import cn.duban.ledger.Task;
import cn.duban.ledger.TaskQueries;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Printing;
import cn.duban.printing.SupervisionNotice;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading the ladder: the office's and the leaders' lists, what waits for the caller's approval, a
 * task's rungs (for everyone who sees the task), the 督办单s a unit head has to sign for, the counts
 * on the leader's dashboard, and a 督办单 as PDF.
 */
@Stateless
public class EscalationQueries {

    private static final String SELECT =
            "select new cn.duban.ledger.escalation.EscalationView(e, t.title, u.name) "
                    + "from Escalation e, Task t join t.unit u where t.id = e.taskId ";

    public static final int MAX_LIMIT = 500;

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB UnitService units;

    @EJB LadderRuleService ladder;

    @EJB Printing printing;

    /** The district's rungs, newest first, filtered by state, step and unit (each may be null). */
    public List<EscalationView> list(EscalationState state, Step step, UUID unitId, int limit) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        var q =
                em.createQuery(
                        SELECT
                                + (state == null ? "" : "and e.state = :state ")
                                + (step == null ? "" : "and e.step = :step ")
                                + (unitId == null ? "" : "and e.unitId = :unit ")
                                + "order by e.proposedAt desc, t.title, e.id",
                        EscalationView.class);
        if (state != null) q.setParameter("state", state);
        if (step != null) q.setParameter("step", step);
        if (unitId != null) q.setParameter("unit", unitId);
        return q.setMaxResults(Math.max(1, Math.min(limit, MAX_LIMIT))).getResultList();
    }

    /** One rung, for the office and the leaders. */
    public EscalationView view(UUID id) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return em.createQuery(SELECT + "and e.id = :id", EscalationView.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DubanException.notFound("escalation.not-found", "督办记录不存在。"));
    }

    /** Proposed rungs the caller's role approves, the longest overdue first. */
    public List<EscalationView> awaitingMe() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        List<Approval> mine = Approval.givenBy(caller);
        return em.createQuery(
                        SELECT
                                + "and e.state = :proposed and e.approval in :mine "
                                + "order by e.overdueDays desc, t.title, e.id",
                        EscalationView.class)
                .setParameter("proposed", EscalationState.PROPOSED)
                .setParameter("mine", mine)
                .setMaxResults(MAX_LIMIT)
                .getResultList();
    }

    /** A unit's proposed rungs of one step that the caller approves: what a batch sends. */
    public record Awaiting(UUID unitId, String unitName, Step step, Long count, Integer mostDays) {}

    /** Proposed rungs the caller's role approves, counted per unit and step, the most first. */
    public List<Awaiting> awaitingByUnit() {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return em.createQuery(
                        "select new cn.duban.ledger.escalation.EscalationQueries$Awaiting("
                                + "e.unitId, u.name, e.step, count(e), max(e.overdueDays)) "
                                + "from Escalation e, Unit u where u.id = e.unitId "
                                + "and e.state = :proposed and e.approval in :mine "
                                + "group by e.unitId, u.name, e.step "
                                + "order by count(e) desc, u.name, e.step",
                        Awaiting.class)
                .setParameter("proposed", EscalationState.PROPOSED)
                .setParameter("mine", Approval.givenBy(caller))
                .setMaxResults(MAX_LIMIT)
                .getResultList();
    }

    /** A task's rungs, oldest first: for everyone who may see the task (404 otherwise). */
    public List<EscalationView> forTask(UUID taskId) {
        Task task = tasks.visible(taskId);
        return em.createQuery(
                        SELECT + "and e.taskId = :task order by e.proposedAt, e.step",
                        EscalationView.class)
                .setParameter("task", task.getId())
                .getResultList();
    }

    /** The 督办单s sent to the caller's unit and not yet signed for (单位负责人签收). */
    public List<EscalationView> toSign() {
        Caller caller = Caller.requireDistrictPerson();
        Unit unit =
                caller.unitCode() == null ? null : units.findByCode(caller.unitCode()).orElse(null);
        if (unit == null) return List.of();
        return em.createQuery(
                        SELECT
                                + "and e.unitId = :unit and e.step = :notice and e.state = :issued "
                                + "order by e.decidedAt",
                        EscalationView.class)
                .setParameter("unit", unit.getId())
                .setParameter("notice", Step.NOTICE)
                .setParameter("issued", EscalationState.ISSUED)
                .getResultList();
    }

    /** How many rungs are in each state, per step: the leader's view of the ladder. */
    public Map<Step, Map<EscalationState, Long>> counts() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        Map<Step, Map<EscalationState, Long>> out = new EnumMap<>(Step.class);
        for (Step s : Step.values()) out.put(s, new EnumMap<>(EscalationState.class));
        em.createQuery(
                        "select e.step, e.state, count(e) from Escalation e group by e.step, e.state",
                        Object[].class)
                .getResultList()
                .forEach(r -> out.get((Step) r[0]).put((EscalationState) r[1], (Long) r[2]));
        return out;
    }

    /** A task of the ladder's 点名通报 rung, for the next circular, with its 督办单's 文号 if it had one. */
    public record ToName(
            UUID id, String unitName, String taskTitle, LocalDate deadline, String docNumber) {}

    /** The most tasks one circular names from the ladder (the rest go in the next). */
    static final int MOST_NAMED = 200;

    /** 点名通报 rungs sent and not yet printed in an issued circular, by unit and task. */
    public List<ToName> toName() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return em.createQuery(
                        "select new cn.duban.ledger.escalation.EscalationQueries$ToName(e.id, u.name, t.title, e.deadline, "
                                + "(select n.docNumber from Escalation n where n.taskId = e.taskId and n.deadline = e.deadline "
                                + "and n.step = :notice)) "
                                + "from Escalation e, Task t join t.unit u where t.id = e.taskId "
                                + "and e.step = :named and e.state = :issued order by u.name, t.title, e.id",
                        ToName.class)
                .setParameter("notice", Step.NOTICE)
                .setParameter("named", Step.NAMED)
                .setParameter("issued", EscalationState.ISSUED)
                .setMaxResults(MOST_NAMED)
                .getResultList();
    }

    /** A 督办单 as PDF, for the office, the leaders and the unit it was sent to. */
    public byte[] noticePdf(UUID id) {
        Escalation e = em.find(Escalation.class, id);
        if (e == null || e.getStep() != Step.NOTICE || e.getDocNumber() == null)
            throw DubanException.notFound("escalation.not-found", "督办单不存在。");
        Task task = tasks.visible(e.getTaskId());
        String office = ladder.rules().issuingOffice();
        String signed =
                e.getAcknowledgedAt() == null
                        ? null
                        : "签收人："
                                + e.getAcknowledgedName()
                                + "（"
                                + task.getUnit().getName()
                                + "）　签收时间："
                                + SIGNED.format(e.getAcknowledgedAt());
        return printing.renderer()
                .supervisionNotice(
                        new SupervisionNotice(
                                office,
                                e.getDocNumber(),
                                cn.duban.ledger.LedgerClock.dateOf(e.getDecidedAt()),
                                task.getUnit().getName(),
                                task.getTitle(),
                                task.getPoint() == null
                                        ? null
                                        : task.getPoint().getPlan().getTitle(),
                                e.getDeadline(),
                                e.getOverdueDays(),
                                e.getReplyBy(),
                                null,
                                signed));
    }

    private static final DateTimeFormatter SIGNED =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                    .withZone(cn.duban.ledger.LedgerClock.ZONE);
}
