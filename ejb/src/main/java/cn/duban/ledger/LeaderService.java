package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The leader's word (issue 19 item 6): instructions (批示) on any task of the tenant, shown to the
 * unit on the task page and in its inbox, and the sign-off (审结) of key tasks after the district
 * approved their final report ({@link SignOff}). Only a leader instructs and signs off; the
 * district office asks again after a send-back. Another tenant's task is "not found".
 */
@Stateless
public class LeaderService {

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    public TaskInstruction instruct(UUID taskId, String text) {
        Caller caller = Caller.requireTenant(Caller.LEADER);
        Task task = tasks.visible(taskId);
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw DubanException.badRequest("instruction.empty", "请填写批示内容。");
        if (t.length() > TaskInstruction.MAX_TEXT)
            throw DubanException.badRequest(
                    "request.text-too-long", "批示内容过长（最多" + TaskInstruction.MAX_TEXT + "字）。");
        TaskInstruction i = new TaskInstruction(task, t, caller.username(), caller.displayName());
        em.persist(i);
        audit.record("task.instructed", "task", task.getId(), "instruction", i.getId(), "text", t);
        inbox.toUnit(
                task.getUnit(),
                InboxMessage.Kind.NOTICE,
                task.getId(),
                "领导批示：" + LedgerText.abbreviate(task.getTitle()),
                t);
        return i;
    }

    /** A task's instructions, oldest first (the caller's right to see the task already checked). */
    public List<TaskInstruction> instructions(Task task) {
        return em.createQuery(
                        "select i from TaskInstruction i where i.task = :t order by i.givenAt, i.id",
                        TaskInstruction.class)
                .setParameter("t", task)
                .getResultList();
    }

    /**
     * A step of a key task's sign-off: a leader signs off or sends back (with a reason), the
     * district office asks again.
     */
    public Task decide(
            UUID taskId, SignOff.Decision decision, String reason, Integer expectedVersion) {
        if (decision == null)
            throw DubanException.badRequest(
                    "signoff.decision-invalid",
                    "审结意见应为 SIGN_OFF（审结）、SEND_BACK（退回区府办）或 ASK_AGAIN（重新提请审结）。");
        Caller caller =
                decision == SignOff.Decision.ASK_AGAIN
                        ? Caller.requireTenant(Caller.DISTRICT_ADMIN)
                        : Caller.requireTenant(Caller.LEADER);
        Task task = tasks.visible(taskId);
        task.requireVersion(expectedVersion, "task.stale", "任务已被他人修改，请刷新后重试。");
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > 2000)
            throw DubanException.badRequest("request.text-too-long", "说明过长（最多2000字）。");
        if (decision == SignOff.Decision.SEND_BACK && note == null)
            throw DubanException.badRequest("signoff.reason-missing", "退回区府办时请说明理由。");
        SignOff next = SignOff.next(task.getSignOff(), decision);
        task.signOff(next, caller.username(), note);
        String title = LedgerText.abbreviate(task.getTitle());
        switch (decision) {
            case SIGN_OFF -> {
                audit.record("task.signed-off", "task", task.getId(), "note", note);
                inbox.toUnit(
                        task.getUnit(),
                        InboxMessage.Kind.NOTICE,
                        task.getId(),
                        "领导已审结：" + title,
                        note == null ? "领导已审结该重点任务。" : "审结意见：" + note);
            }
            case SEND_BACK -> {
                audit.record("task.signoff-sent-back", "task", task.getId(), "reason", note);
                inbox.toRole(
                        Caller.DISTRICT_ADMIN,
                        InboxMessage.Kind.NOTICE,
                        task.getId(),
                        "领导退回审结：" + title,
                        "退回理由：" + note);
            }
            case ASK_AGAIN -> {
                audit.record("task.signoff-requested", "task", task.getId(), "note", note);
                inbox.toRole(
                        Caller.LEADER,
                        InboxMessage.Kind.NOTICE,
                        task.getId(),
                        "重点任务再次提请审结：" + title,
                        note == null ? "区府办已处理退回意见，请审结。" : note);
            }
        }
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw DubanException.conflict("task.stale", "任务已被他人修改，请刷新后重试。");
        }
        return task;
    }

    /**
     * Called by the review when the district approves a key task's final report (public: an EJB
     * proxy passes on public methods only).
     */
    public void awaitSignOff(Task task, String by) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        task.signOff(SignOff.AWAITING, by, null);
        audit.record("task.awaiting-signoff", "task", task.getId());
        inbox.toRole(
                Caller.LEADER,
                InboxMessage.Kind.NOTICE,
                task.getId(),
                "重点任务待审结：" + LedgerText.abbreviate(task.getTitle()),
                "区府办已审核通过该重点任务的办结报送，请审结。");
    }
}
