package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Extension requests (延期申请): a unit asks for a later deadline with a reason, one pending request
 * per task; the district office approves (the deadline moves through {@link
 * AssignmentService#moveDeadline}) or refuses with a reason.
 */
@Stateless
public class ExtensionService {

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB AssignmentService assignments;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB SupervisingOffice office;

    public ExtensionRequest requestExtension(UUID taskId, LocalDate date, String reason) {
        Caller caller = Caller.requireTenant(Caller.UNIT_REPORTER);
        Task task = tasks.reportable(taskId);
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，无需延期。");
        if (date == null || !date.isAfter(task.getDeadline())) {
            throw DubanException.badRequest(
                    "extension.date-invalid", "申请的完成时限须晚于当前时限（" + task.getDeadline() + "）。");
        }
        String why = LedgerText.required(reason, "请填写延期原因。");
        long pending =
                em.createQuery(
                                "select count(e) from ExtensionRequest e where e.task.id = :t and e.state = :p",
                                Long.class)
                        .setParameter("t", taskId)
                        .setParameter("p", ExtensionRequest.State.PENDING)
                        .getSingleResult();
        if (pending > 0) throw DubanException.conflict("extension.pending", "该任务已有待审批的延期申请。");
        ExtensionRequest request = new ExtensionRequest(task, date, why, caller.username());
        em.persist(request);
        audit.record(
                "extension.requested",
                "task",
                task.getId(),
                "request",
                request.getId(),
                "date",
                date.toString(),
                "reason",
                why);
        office.tell(
                task,
                InboxMessage.Kind.EXTENSION,
                task.getUnit().getName() + "申请延期：" + LedgerText.abbreviate(task.getTitle()),
                "申请将完成时限由 " + task.getDeadline() + " 延至 " + date + "。原因：" + why);
        return request;
    }

    public ExtensionRequest decideExtension(UUID requestId, boolean approve, String comment) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        ExtensionRequest request = em.find(ExtensionRequest.class, requestId);
        if (request == null) throw DubanException.notFound("extension.not-found", "延期申请不存在。");
        office.require(request.getTask().getSupervisorUnitId(), "extension.not-found", "延期申请不存在。");
        if (request.getState() != ExtensionRequest.State.PENDING) {
            throw DubanException.conflict("extension.decided", "该延期申请已处理。");
        }
        if (!approve) LedgerText.required(comment, "不同意延期时请说明理由。");
        Task task = request.getTask();
        request.decide(
                approve ? ExtensionRequest.State.APPROVED : ExtensionRequest.State.REFUSED,
                Caller.current().orElseThrow().username(),
                comment == null || comment.isBlank() ? null : comment.strip());
        audit.record(
                approve ? "extension.approved" : "extension.refused",
                "task",
                task.getId(),
                "request",
                request.getId(),
                "comment",
                request.getDecisionComment());
        if (approve)
            assignments.moveDeadline(
                    task, request.getRequestedDate(), "批准延期申请：" + request.getReason());
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.EXTENSION,
                task.getId(),
                (approve ? "延期申请已批准：" : "延期申请未获批准：") + LedgerText.abbreviate(task.getTitle()),
                approve
                        ? "完成时限调整为 " + request.getRequestedDate() + "。"
                        : "理由：" + request.getDecisionComment());
        return request;
    }

    public List<ExtensionRequest> extensions(UUID taskId) {
        return extensions(tasks.visible(taskId));
    }

    /** The requests on a task already checked with {@link TaskQueries#visible}, newest first. */
    public List<ExtensionRequest> extensions(Task task) {
        return em.createQuery(
                        "select e from ExtensionRequest e where e.task.id = :t order by e.requestedAt desc",
                        ExtensionRequest.class)
                .setParameter("t", task.getId())
                .getResultList();
    }

    /** The requests waiting on the caller's office: the district office's, or its town's. */
    public List<ExtensionRequest> pendingExtensions() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        SupervisingOffice.Queue queue = office.queue();
        return queue.bind(
                        em.createQuery(
                                "select e from ExtensionRequest e join fetch e.task t join fetch t.unit "
                                        + "where e.state = :p and "
                                        + queue.condition()
                                        + " order by e.requestedAt",
                                ExtensionRequest.class))
                .setParameter("p", ExtensionRequest.State.PENDING)
                .getResultList();
    }
}
