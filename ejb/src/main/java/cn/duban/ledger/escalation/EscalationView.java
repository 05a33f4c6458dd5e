package cn.duban.ledger.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One rung of a task's ladder as the pages and the API show it, with its task and unit. */
public record EscalationView(
        UUID id,
        UUID taskId,
        String taskTitle,
        UUID unitId,
        String unitName,
        Step step,
        EscalationState state,
        Approval approval,
        LocalDate deadline,
        int overdueDays,
        Instant proposedAt,
        Instant decidedAt,
        String decidedBy,
        String docNumber,
        LocalDate replyBy,
        Instant acknowledgedAt,
        String acknowledgedName,
        UUID circularId,
        LocalDate talkOn,
        String talkWith,
        String talkRecord,
        String reason,
        int version) {

    /** JPQL's constructor expression: the escalation with its task's title and unit's name. */
    public EscalationView(Escalation e, String taskTitle, String unitName) {
        this(
                e.getId(),
                e.getTaskId(),
                taskTitle,
                e.getUnitId(),
                unitName,
                e.getStep(),
                e.getState(),
                e.getApproval(),
                e.getDeadline(),
                e.getOverdueDays(),
                e.getProposedAt(),
                e.getDecidedAt(),
                e.getDecidedBy(),
                e.getDocNumber(),
                e.getReplyBy(),
                e.getAcknowledgedAt(),
                e.getAcknowledgedName(),
                e.getCircularId(),
                e.getTalkOn(),
                e.getTalkWith(),
                e.getTalkRecord(),
                e.getReason(),
                e.getVersion());
    }
}
