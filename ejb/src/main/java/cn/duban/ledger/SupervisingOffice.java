package cn.duban.ledger;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.UUID;

/**
 * The office that supervises (督办) a task — the district office, or the town that runs it (issue 21)
 * — as the one place for who edits a task's assignment, who decides its extension and dispute
 * requests, whose queue they wait in and whose inbox hears of them. A town's task is the town's
 * business: the district office reads it, but changing its deadline or cancelling it is refused
 * ({@code supervision.town-runs}), as publishing and reviewing it are.
 */
@Stateless
public class SupervisingOffice {

    static final String DISTRICT_OFFICE = "区府办";

    @PersistenceContext EntityManager em;

    @EJB UnitScopes scopes;

    @EJB InboxService inbox;

    /**
     * Checks that the caller supervises the task: the district administrator a district task, a
     * town's 单位管理员 its town's; another town's task is "not found".
     */
    public void require(Task task) {
        require(task.getSupervisorUnitId(), "task.not-found", "任务不存在。");
    }

    /**
     * As {@link #require(Task)}, for what a plan's supervisor names (null: the district office).
     */
    public void require(UUID supervisor, String notFoundCode, String notFoundMessage) {
        Caller.requireTenant(Role.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        scopes.requireSupervisor(supervisor, notFoundCode, notFoundMessage);
    }

    /**
     * The unit a supervisor gives work to: any of the tenant's for the district office, the town
     * and its 下级单位 for a town (another unit is "not found", as in every town scope).
     */
    public void requireInReach(UUID town, Unit unit) {
        if (town != null && !scopes.tree().subtree(town).contains(unit.getId()))
            throw DubanException.notFound("unit.not-found", "单位不存在。");
    }

    /**
     * The queue the caller works: the district office's (and its leaders'), or a town's for the
     * town's 单位管理员 — the requests and reports of the tasks that office supervises.
     */
    public Queue queue() {
        if (Caller.requireDistrictPerson().isDistrictWide()) return new Queue(null);
        // Anyone else works a queue only as a town's 单位管理员 (refused otherwise).
        return new Queue(scopes.supervisingTown().orElseThrow().getId());
    }

    /** One office's share of the tasks, as a condition on {@code Task t}. */
    public record Queue(UUID office) {
        public String condition() {
            return office == null ? "t.supervisorUnitId is null" : "t.supervisorUnitId = :office";
        }

        public <T> TypedQuery<T> bind(TypedQuery<T> query) {
            if (office != null) query.setParameter("office", office);
            return query;
        }
    }

    /** The office's name as units read it in notices: 区府办 or the town's name. */
    public String name(Task task) {
        return name(task.getSupervisorUnitId());
    }

    /** The name of the office a supervising unit (null: the district office) stands for. */
    public String name(UUID supervisor) {
        if (supervisor == null) return DISTRICT_OFFICE;
        Unit town = em.find(Unit.class, supervisor);
        return town == null ? DISTRICT_OFFICE : town.getName();
    }

    /** Tells the supervising office: the district administrators, or the town's own inbox. */
    public InboxMessage tell(Task task, InboxMessage.Kind kind, String subject, String body) {
        if (task.getSupervisorUnitId() == null)
            return inbox.toRole(Role.DISTRICT_ADMIN, kind, task.getId(), subject, body);
        return inbox.toUnit(
                em.find(Unit.class, task.getSupervisorUnitId()), kind, task.getId(), subject, body);
    }
}
