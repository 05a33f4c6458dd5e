package cn.duban.ledger;

import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * Who may act on a task as its unit, shared by receipt and wrong assignment: a user of the task's
 * own unit (联络员, 单位负责人, 单位管理员); the district office and leaders see every task of the tenant, a
 * unit's users only their own (another unit's or tenant's is "not found"). Among a unit's 联络员, a
 * task handed to a colleague (经办人) is that colleague's alone ({@link #heldByAnother}), for the
 * ledger's lists ({@link TaskQueries}) as for every action here.
 */
final class UnitTasks {

    /**
     * The holder rule as a query condition on task {@code t}, for a {@link #holderOnly} caller with
     * {@code :holderMe} its username: the unit head and unit admin see all of the unit's tasks.
     */
    static final String HELD_BY_ME = "(t.holderUsername is null or t.holderUsername = :holderMe)";

    private UnitTasks() {}

    /** A user of a unit: the only ones who acknowledge or send back. */
    static Caller unitCaller() {
        Caller caller = Caller.requireTenant(Role.UNIT_ROLES.toArray(String[]::new));
        if (caller.unitCode() == null) throw DubanException.forbidden("当前用户不属于任何单位，不能签收或退回任务。");
        return caller;
    }

    static Caller tenantCaller() {
        return Caller.requireDistrictPerson();
    }

    /** A task of the caller's own unit; another unit's or tenant's is "not found". */
    static Task unitTask(EntityManager em, UUID id, Caller caller) {
        Task task = id == null ? null : em.find(Task.class, id);
        if (task == null || !ofUnit(caller, task))
            throw DubanException.notFound("task.not-found", "任务不存在。");
        return task;
    }

    /** A task the caller may see: the district's and leaders' any, a unit user's its own. */
    static Task seen(EntityManager em, TaskQueries tasks, UUID id) {
        Caller caller = tenantCaller();
        if (districtWide(caller)) return tasks.visible(id);
        return unitTask(em, id, caller);
    }

    /** A task of the caller's unit that the caller may act on (not held by a colleague). */
    static boolean ofUnit(Caller caller, Task task) {
        return caller.unitCode() != null
                && caller.isUnitPerson()
                && task.getUnit().getCode().equals(caller.unitCode())
                && !heldByAnother(caller, task);
    }

    /**
     * A 联络员 of the unit (not its head or admin, nor the district or a leader): sees only the tasks
     * not handed to another colleague.
     */
    static boolean holderOnly(Caller caller) {
        return !districtWide(caller)
                && !caller.hasRole(Role.UNIT_HEAD)
                && !caller.hasRole(Role.UNIT_ADMIN);
    }

    /** The task is handed to a colleague (经办人) of a 联络员 who is not its holder. */
    static boolean heldByAnother(Caller caller, Task task) {
        return holderOnly(caller)
                && task.getHolderUsername() != null
                && !task.getHolderUsername().equals(caller.username());
    }

    static boolean districtWide(Caller caller) {
        return caller.isDistrictWide();
    }

    static UUID myUnit(EntityManager em, Caller caller) {
        // A sentinel that matches no unit, for a unit role without a unit code.
        if (caller.unitCode() == null) return new UUID(0, 0);
        return em.createQuery("select u.id from Unit u where u.code = :c", UUID.class)
                .setParameter("c", caller.unitCode())
                .getResultStream()
                .findFirst()
                .orElse(new UUID(0, 0));
    }

    /** Now, to the microsecond the database keeps: an answer shows what a later read shows. */
    static Instant now() {
        return AppClock.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
