package cn.duban.ledger.escalation;

import cn.duban.audit.AuditService;
import cn.duban.calendar.WorkCalendarService;
import cn.duban.ledger.InboxMessage;
import cn.duban.ledger.InboxService;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.LedgerText;
import cn.duban.ledger.Task;
import cn.duban.ledger.TaskStatus;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.platform.TransactionLocks;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Deciding and carrying out the rungs of the ladder: an approver lets a proposed rung go out or
 * withdraws it with a reason; a rung that goes out tells the unit (inbox and its channels), a 督办单
 * gets its 文号; the unit head signs for a 督办单 (签收); the office records a 约谈. Each step is in the
 * trail. Nothing goes out for a task that is finished or waiting for review.
 */
@Stateless
public class EscalationDecisions {

    @PersistenceContext EntityManager em;

    @EJB InboxService inbox;

    @EJB AuditService audit;

    @EJB UnitService units;

    @EJB LadderRuleService ladder;

    @EJB WorkCalendarService calendar;

    /** The approver lets a proposed rung go out. */
    public Escalation issue(UUID id, Integer expectedVersion) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        Escalation e = proposed(id, expectedVersion, caller);
        Task task = em.find(Task.class, e.getTaskId(), LockModeType.PESSIMISTIC_WRITE);
        if (!withUnit(task))
            throw DubanException.conflict("escalation.task-closed", "该任务已办结、已取消或已报送待审核，不再督办。");
        if (!task.getDeadline().equals(e.getDeadline()))
            throw DubanException.conflict("escalation.deadline-changed", "该任务的完成时限已调整，本次督办不再发出。");
        issueNow(e, task, ladder.rules(), caller.username(), numbering());
        return e;
    }

    /**
     * The most rungs one batch approval sends; the rest stay proposed for the next click. Each 督办单
     * is its own message, number and trail entry: LedgerBenchmark timed 500 at 84 s on a loaded
     * 2-core machine, too long to wait for on a page.
     */
    static final int MOST_PER_BATCH = 100;

    /** What a batch approval did: rungs sent, rungs whose task moved on, rungs left for later. */
    public record Batch(int issued, int skipped, int left) {}

    /**
     * The approver lets all of one unit's proposed rungs of one step go out at once (批量发出), the
     * longest overdue first (numbered in that order, then by title): each is in the trail as if
     * approved one by one; 提醒s go out as one message. A rung whose task was reported, finished or
     * given a new deadline stays for the daily run to drop.
     */
    public Batch issueAll(UUID unitId, Step step) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        if (unitId == null || step == null || em.find(Unit.class, unitId) == null)
            throw DubanException.notFound("escalation.not-found", "督办记录不存在。");
        List<Escalation> proposals =
                em.createQuery(
                                "select e from Escalation e, Task t where t.id = e.taskId "
                                        + "and e.unitId = :unit and e.step = :step "
                                        + "and e.state = :proposed and e.approval in :mine "
                                        + "order by e.deadline, t.title, e.id",
                                Escalation.class)
                        .setParameter("unit", unitId)
                        .setParameter("step", step)
                        .setParameter("proposed", EscalationState.PROPOSED)
                        .setParameter("mine", Approval.givenBy(caller))
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList();
        if (proposals.isEmpty())
            throw DubanException.notFound("escalation.none-awaiting", "该单位没有待您审批的这一级督办。");
        List<Escalation> batch = proposals.subList(0, Math.min(MOST_PER_BATCH, proposals.size()));
        java.util.Map<UUID, Task> tasks =
                tasksById(
                        batch.stream().map(Escalation::getTaskId).toList(),
                        LockModeType.PESSIMISTIC_WRITE);
        List<Escalation> ready =
                batch.stream()
                        .filter(
                                e -> {
                                    Task t = tasks.get(e.getTaskId());
                                    return t != null
                                            && withUnit(t)
                                            && t.getDeadline().equals(e.getDeadline());
                                })
                        .toList();
        LadderRules rules = ladder.rules();
        if (step == Step.REMINDER && !ready.isEmpty()) {
            Reminded sent =
                    remindUnit(
                            unitId,
                            ready.stream()
                                    .map(e -> tasks.get(e.getTaskId()))
                                    .map(t -> new Listed(t.getId(), t.getTitle(), t.getDeadline()))
                                    .toList(),
                            rules);
            LocalDate today = LedgerClock.today();
            for (Escalation e : ready) {
                LocalDate deadline = tasks.get(e.getTaskId()).getDeadline();
                e.issue(
                        caller.username(),
                        sent.at(),
                        (int) ChronoUnit.DAYS.between(deadline, today),
                        sent.answerBy());
                e.delivered(sent.messageId());
            }
        } else if (!ready.isEmpty()) {
            Numbering numbers = step == Step.NOTICE ? numbering() : null;
            for (Escalation e : ready)
                issueNow(e, tasks.get(e.getTaskId()), rules, caller.username(), numbers);
        }
        return new Batch(
                ready.size(), batch.size() - ready.size(), proposals.size() - batch.size());
    }

    /** These tasks by id, in a few queries (1,000 ids each). */
    public java.util.Map<UUID, Task> tasksById(List<UUID> ids, LockModeType lock) {
        java.util.Map<UUID, Task> tasks = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000)
            em.createQuery("select t from Task t where t.id in :ids", Task.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .setLockMode(lock)
                    .getResultList()
                    .forEach(t -> tasks.put(t.getId(), t));
        return tasks;
    }

    /** The approver decides a proposed rung shall not go out, with a reason. */
    public Escalation withdraw(UUID id, String reason, Integer expectedVersion) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty())
            throw DubanException.badRequest("escalation.reason-required", "请填写不予督办的理由。");
        if (why.length() > 500)
            throw DubanException.badRequest("request.text-too-long", "理由最多 500 字。");
        Escalation e = proposed(id, expectedVersion, caller);
        e.withdraw(caller.username(), AppClock.now(), why);
        audit.record(
                "escalation.withdrawn",
                "task",
                e.getTaskId(),
                "step",
                e.getStep().label(),
                "reason",
                why);
        return e;
    }

    /** The unit head signs for a 督办单 sent to the unit (签收). */
    public Escalation acknowledge(UUID id) {
        Caller caller = Caller.requireTenant(Role.UNIT_HEAD);
        Escalation e = em.find(Escalation.class, id);
        Unit mine =
                caller.unitCode() == null ? null : units.findByCode(caller.unitCode()).orElse(null);
        if (e == null || mine == null || !e.getUnitId().equals(mine.getId()))
            throw DubanException.notFound("escalation.not-found", "督办记录不存在。");
        if (e.getStep() != Step.NOTICE
                || e.getState() == EscalationState.PROPOSED
                || e.getState() == EscalationState.WITHDRAWN)
            throw DubanException.conflict("escalation.not-a-notice", "只有已发出的督办单需要签收。");
        if (e.getState() == EscalationState.ACKNOWLEDGED)
            throw DubanException.conflict(
                    "escalation.acknowledged", "该督办单已由" + e.getAcknowledgedName() + "签收。");
        e.acknowledge(caller.username(), caller.displayName(), AppClock.now());
        audit.record(
                "escalation.acknowledged",
                "task",
                e.getTaskId(),
                "docNumber",
                e.getDocNumber(),
                "by",
                caller.displayName());
        return e;
    }

    /** The office records a 约谈 that was held: when, with whom, what was said and agreed. */
    public Escalation recordTalk(UUID id, LocalDate on, String with, String record) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Escalation e = em.find(Escalation.class, id);
        if (e == null) throw DubanException.notFound("escalation.not-found", "督办记录不存在。");
        if (e.getStep() != Step.TALK || e.getState() != EscalationState.ISSUED)
            throw DubanException.conflict("escalation.not-a-talk", "只有已发出的约谈可以记录约谈情况。");
        if (on == null || on.isAfter(LedgerClock.today()))
            throw DubanException.badRequest("escalation.talk-date", "请填写约谈日期（不晚于今天）。");
        String who = with == null ? "" : with.strip(), what = record == null ? "" : record.strip();
        if (who.isEmpty() || what.isEmpty())
            throw DubanException.badRequest("escalation.talk-required", "请填写约谈对象和约谈记录。");
        if (who.length() > 500 || what.length() > 4000)
            throw DubanException.badRequest("request.text-too-long", "约谈对象最多 500 字，约谈记录最多 4000 字。");
        e.talked(on, who, what);
        audit.record(
                "escalation.talk",
                "task",
                e.getTaskId(),
                "on",
                on.toString(),
                "with",
                who,
                "record",
                what);
        return e;
    }

    /** The 点名通报 rungs printed in an issued circular are done, each in the trail. */
    public void printedIn(List<EscalationQueries.ToName> named, UUID circularId, String docNumber) {
        for (EscalationQueries.ToName n : named) {
            Escalation e = em.find(Escalation.class, n.id());
            e.named(circularId);
            audit.record(
                    "escalation.named",
                    "task",
                    e.getTaskId(),
                    "circular",
                    docNumber,
                    "unit",
                    n.unitName());
        }
    }

    // ---- carrying a rung out (also the daily run's, for rungs that need no approval)

    /** 文号 for the 督办单s of one run: the year's next numbers, one at a time per tenant. */
    public static final class Numbering {
        final int year;
        int next;

        Numbering(int year, int next) {
            this.year = year;
            this.next = next;
        }
    }

    /** Locks the tenant's 督办单 numbers of this year until the transaction ends. */
    public Numbering numbering() {
        String tenant = Caller.currentTenant().orElseThrow(DubanException::unauthorized);
        int year = LedgerClock.today().getYear();
        TransactionLocks.lock(em, tenant + ":supervision-notice:" + year);
        Integer last =
                em.createQuery(
                                "select max(e.number) from Escalation e where e.numberYear = :y",
                                Integer.class)
                        .setParameter("y", year)
                        .getSingleResult();
        return new Numbering(year, last == null ? 1 : last + 1);
    }

    /** Sends a rung: numbered if a 督办单, the unit told, the trail written. */
    public void issueNow(Escalation e, Task task, LadderRules rules, String by, Numbering numbers) {
        LocalDate today = LedgerClock.today();
        int days = (int) Math.max(0, ChronoUnit.DAYS.between(task.getDeadline(), today));
        e.issue(by, AppClock.now(), days, answerBy(rules));
        String title = task.getTitle();
        String late = late(task, today);
        InboxMessage message =
                switch (e.getStep()) {
                    case REMINDER ->
                            inbox.toUnit(
                                    task.getUnit(),
                                    InboxMessage.Kind.REMINDER,
                                    task.getId(),
                                    "逾期提醒：" + LedgerText.abbreviate(title),
                                    late + "，请抓紧办理并及时报送进展。（督办升级：提醒）");
                    case NOTICE -> {
                        int number = numbers.next++;
                        LocalDate replyBy = e.getReplyBy();
                        e.number(
                                numbers.year,
                                number,
                                rules.noticePrefix() + "〔" + numbers.year + "〕" + number + "号");
                        yield inbox.toUnit(
                                task.getUnit(),
                                InboxMessage.Kind.SUPERVISION,
                                task.getId(),
                                "督办单 " + e.getDocNumber() + "：" + LedgerText.abbreviate(title),
                                late
                                        + "，现予督办。请单位负责人在任务页面签收督办单，并于 "
                                        + replyBy
                                        + " 前报送办理情况及佐证材料。逾期仍未办结的，将在工作通报中点名通报。");
                    }
                    case NAMED ->
                            inbox.toUnit(
                                    task.getUnit(),
                                    InboxMessage.Kind.SUPERVISION,
                                    task.getId(),
                                    "点名通报：" + LedgerText.abbreviate(title),
                                    late + "，经督办仍未办结，将在下一期工作通报中点名通报。");
                    case TALK ->
                            inbox.toUnit(
                                    task.getUnit(),
                                    InboxMessage.Kind.SUPERVISION,
                                    task.getId(),
                                    "约谈通知：" + LedgerText.abbreviate(title),
                                    late + "，经点名通报仍未办结。请单位主要负责人接受约谈，时间地点另行通知。");
                };
        e.delivered(message.getId());
        audit.record(
                "escalation.issued",
                "task",
                task.getId(),
                "step",
                e.getStep().label(),
                "unit",
                task.getUnit().getName(),
                "overdueDays",
                days,
                "docNumber",
                e.getDocNumber(),
                "approval",
                e.getApproval().label());
    }

    /** The most tasks one unit-wide 提醒 lists by name (a message is read, not searched). */
    static final int MOST_LISTED = 200;

    /** A late task as a 提醒 names it. */
    public record Listed(UUID taskId, String title, LocalDate deadline) {}

    /** A unit-wide 提醒 that went out: its message, when, and until when the unit may answer. */
    public record Reminded(UUID messageId, Instant at, LocalDate answerBy) {}

    /**
     * Sends the 提醒 rung to one unit for all of its tasks that reached it: one message for the lot
     * (a unit first found with 300 late tasks gets one message, not 300), one trail entry for the
     * unit. The caller records each task's rung as sent with the answer.
     */
    public Reminded remindUnit(UUID unitId, List<Listed> tasks, LadderRules rules) {
        LocalDate today = LedgerClock.today();
        Unit unit = em.find(Unit.class, unitId);
        InboxMessage message;
        if (tasks.size() == 1) {
            Listed t = tasks.get(0);
            message =
                    inbox.toUnit(
                            unit,
                            InboxMessage.Kind.REMINDER,
                            t.taskId(),
                            "逾期提醒：" + LedgerText.abbreviate(t.title()),
                            late(t.title(), t.deadline(), today) + "，请抓紧办理并及时报送进展。（督办升级：提醒）");
        } else {
            List<Listed> listed =
                    tasks.stream()
                            .sorted(
                                    Comparator.comparing(Listed::deadline)
                                            .thenComparing(Listed::title))
                            .toList();
            StringBuilder body =
                    new StringBuilder("以下 ")
                            .append(listed.size())
                            .append(" 项任务已超过完成时限仍未办结，请抓紧办理并及时报送进展（督办升级：提醒）：\n");
            listed.stream()
                    .limit(MOST_LISTED)
                    .forEach(
                            t ->
                                    body.append("· ")
                                            .append(late(t.title(), t.deadline(), today))
                                            .append("\n"));
            if (listed.size() > MOST_LISTED)
                body.append("……等 ").append(listed.size()).append(" 项，详见任务台账。");
            message =
                    inbox.toUnit(
                            unit,
                            InboxMessage.Kind.REMINDER,
                            null,
                            "逾期提醒：" + unit.getName() + "逾期任务 " + listed.size() + " 项",
                            body.toString().strip());
        }
        audit.record(
                "escalation.reminded",
                "unit",
                unitId,
                "step",
                Step.REMINDER.label(),
                "unit",
                unit.getName(),
                "tasks",
                tasks.size());
        return new Reminded(message.getId(), AppClock.now(), answerBy(rules));
    }

    private static String late(Task t, LocalDate today) {
        return late(t.getTitle(), t.getDeadline(), today);
    }

    private static String late(String title, LocalDate deadline, LocalDate today) {
        return "“"
                + title
                + "”完成时限为"
                + deadline
                + "，已逾期 "
                + Math.max(0, ChronoUnit.DAYS.between(deadline, today))
                + " 天";
    }

    /** The last day a unit has to answer a rung sent today: the ladder waits for it. */
    private LocalDate answerBy(LadderRules rules) {
        return calendar.calendar().plusWorkdays(LedgerClock.today(), rules.replyDays());
    }

    /** The task still waits on its unit: not finished, cancelled or with the office for review. */
    static boolean withUnit(Task task) {
        return TaskStatus.WITH_UNIT.contains(task.getStatus());
    }

    private Escalation proposed(UUID id, Integer expectedVersion, Caller caller) {
        Escalation e = em.find(Escalation.class, id);
        if (e == null) throw DubanException.notFound("escalation.not-found", "督办记录不存在。");
        if (e.getState() != EscalationState.PROPOSED)
            throw DubanException.conflict(
                    "escalation.decided", "该督办已处理（" + e.getState().label() + "），请刷新后查看。");
        e.requireVersion(expectedVersion, "escalation.stale", "该督办已被他人处理，请刷新后重试。");
        if (!caller.hasRole(e.getApproval().role()))
            throw DubanException.forbidden(
                    "该级督办由" + (e.getApproval() == Approval.LEADER ? "领导" : "区府办") + "审批。");
        return e;
    }
}
