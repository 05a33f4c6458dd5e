package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Inside a unit (单位内部流转): the unit head (单位负责人) or unit admin hands one of the unit's open tasks to
 * a named colleague (经办人), takes it back, and when a person leaves moves all of their open tasks to
 * a successor in one transaction. The colleague must be an enabled 联络员 account of the same unit and
 * tenant as the directory knows it now, never a name the client sends. Another unit's or tenant's
 * task is "not found". Each change is audited on the task and the unit is told in its inbox. Who
 * then sees the task: {@link TaskQueries#visible}.
 */
@Stateless
public class HandOverService {

    /** The most open tasks a unit head's list shows (a unit has a few hundred at most). */
    public static final int MAX_LIST = 2_000;

    @PersistenceContext EntityManager em;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @Inject UnitPeople people;

    /** What a hand-over moved: how many tasks, and to whom. */
    public record Moved(int moved, String successor, String successorName) {}

    /** The unit's open tasks with their holders, the undue first by deadline. */
    public List<Holdings.Holding> holdings() {
        Caller caller = headCaller();
        return em.createQuery(
                        "select t from Task t where t.unit.id = :unit and t.status not in (:a, :c) "
                                + "order by t.deadline, t.title, t.id",
                        Task.class)
                .setParameter("unit", UnitTasks.myUnit(em, caller))
                .setParameter("a", TaskStatus.APPROVED)
                .setParameter("c", TaskStatus.CANCELLED)
                .setMaxResults(MAX_LIST)
                .getResultStream()
                .map(HandOverService::holding)
                .toList();
    }

    /** The colleagues a task may be handed to: the unit's enabled 联络员 accounts. */
    public List<UnitPeople.Colleague> colleagues() {
        Caller caller = headCaller();
        return people.reporters(caller.tenantId(), caller.unitCode());
    }

    /** Hands the task to a colleague (again to another one, or to the same: nothing changes). */
    public Holdings.Holding hand(UUID taskId, String username) {
        Caller caller = headCaller();
        Task task = openTask(taskId, caller);
        UnitPeople.Colleague to =
                Holdings.colleague(
                        people.reporters(caller.tenantId(), caller.unitCode()), username);
        if (to.username().equals(task.getHolderUsername())) return holding(task);
        String from = task.getHolderName();
        task.hand(to.username(), to.displayName(), UnitTasks.now(), caller.username());
        audit.record(
                "task.handed",
                "task",
                task.getId(),
                "holder",
                to.username(),
                "holderName",
                to.displayName(),
                "from",
                from);
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.ASSIGNED,
                task.getId(),
                "交由" + to.displayName() + "经办：" + LedgerText.abbreviate(task.getTitle()),
                caller.displayName() + "将任务交由" + to.displayName() + "（" + to.username() + "）经办。");
        return holding(task);
    }

    /** Takes the task back to the whole unit (no 经办人); nothing happens if it was not handed. */
    public Holdings.Holding takeBack(UUID taskId) {
        Caller caller = headCaller();
        Task task = openTask(taskId, caller);
        if (task.getHolderUsername() == null) return holding(task);
        String from = task.getHolderName();
        task.hand(null, null, UnitTasks.now(), caller.username());
        audit.record("task.taken-back", "task", task.getId(), "from", from);
        return holding(task);
    }

    /**
     * A person leaving (离岗交接): all of their open tasks of the unit go to the successor, in one
     * transaction, one trail entry per task (each task's history stays whole).
     */
    public Moved handOver(String leaver, String successor) {
        Caller caller = headCaller();
        Holdings.checkHandOver(leaver, successor);
        UnitPeople.Colleague to =
                Holdings.colleague(
                        people.reporters(caller.tenantId(), caller.unitCode()), successor);
        List<Task> held =
                em.createQuery(
                                "select t from Task t where t.unit.id = :unit and t.holderUsername = :who "
                                        + "and t.status not in (:a, :c) order by t.deadline, t.id",
                                Task.class)
                        .setParameter("unit", UnitTasks.myUnit(em, caller))
                        .setParameter("who", leaver.strip())
                        .setParameter("a", TaskStatus.APPROVED)
                        .setParameter("c", TaskStatus.CANCELLED)
                        .getResultList();
        if (held.isEmpty())
            throw DubanException.badRequest("handover.nothing-held", "该人员名下没有未办结的任务。");
        Instant now = UnitTasks.now();
        for (Task task : held) {
            String from = task.getHolderName();
            task.hand(to.username(), to.displayName(), now, caller.username());
            audit.record(
                    "task.handed-over",
                    "task",
                    task.getId(),
                    "holder",
                    to.username(),
                    "holderName",
                    to.displayName(),
                    "from",
                    from,
                    "leaver",
                    leaver.strip());
        }
        inbox.toUnit(
                held.get(0).getUnit(),
                InboxMessage.Kind.ASSIGNED,
                null,
                "离岗交接：" + held.size() + "项任务交由" + to.displayName() + "经办",
                caller.displayName()
                        + "将"
                        + leaver.strip()
                        + "名下的"
                        + held.size()
                        + "项未办结任务交由"
                        + to.displayName()
                        + "（"
                        + to.username()
                        + "）经办。");
        return new Moved(held.size(), to.username(), to.displayName());
    }

    private static Caller headCaller() {
        Caller caller = Caller.requireTenant(Role.UNIT_HEAD, Role.UNIT_ADMIN);
        if (caller.unitCode() == null) throw DubanException.forbidden("当前用户不属于任何单位。");
        return caller;
    }

    private Task openTask(UUID taskId, Caller caller) {
        Task task = UnitTasks.unitTask(em, taskId, caller);
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，不能再交办。");
        return task;
    }

    private static Holdings.Holding holding(Task t) {
        return new Holdings.Holding(
                t.getId(),
                t.getTitle(),
                t.getStatus(),
                t.getDeadline(),
                t.getHolderUsername(),
                t.getHolderName(),
                t.getHandedAt(),
                t.getHandedBy());
    }
}
