package cn.duban.ledger.escalation;

import cn.duban.platform.TenantOwned;
import cn.duban.platform.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One rung of one task's escalation ladder for one deadline: proposed by the daily run, decided by
 * its approver (or by itself), then acknowledged (督办单), printed in a circular (点名通报) or recorded
 * (约谈). Rows are never deleted: they are the record of who was told what and when.
 */
@Entity
@Table(name = "escalation")
public class Escalation extends TenantOwned implements Versioned {

    @Column(name = "task_id", nullable = false, updatable = false)
    private UUID taskId;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Step step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EscalationState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Approval approval;

    @Column(nullable = false, updatable = false)
    private LocalDate deadline;

    @Column(name = "overdue_days", nullable = false)
    private int overdueDays;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "number_year")
    private Integer numberYear;

    private Integer number;

    @Column(name = "doc_number")
    private String docNumber;

    @Column(name = "reply_by")
    private LocalDate replyBy;

    @Column(name = "message_id")
    private UUID messageId;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    @Column(name = "acknowledged_name")
    private String acknowledgedName;

    @Column(name = "circular_id")
    private UUID circularId;

    @Column(name = "talk_on")
    private LocalDate talkOn;

    @Column(name = "talk_with")
    private String talkWith;

    @Column(name = "talk_record")
    private String talkRecord;

    private String reason;

    @Version private int version;

    protected Escalation() {}

    Escalation(
            UUID taskId,
            UUID unitId,
            LadderRules.Rung rung,
            LocalDate deadline,
            int overdueDays,
            Instant at) {
        this.id = UUID.randomUUID();
        this.taskId = taskId;
        this.unitId = unitId;
        this.step = rung.step();
        this.approval = rung.approval();
        this.state = EscalationState.PROPOSED;
        this.deadline = deadline;
        this.overdueDays = overdueDays;
        this.proposedAt = at;
    }

    /** Sent: the unit has until {@code replyBy} to answer before the next rung may come. */
    void issue(String by, Instant at, int overdueDaysNow, LocalDate replyBy) {
        this.state = EscalationState.ISSUED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.overdueDays = overdueDaysNow;
        this.replyBy = replyBy;
    }

    void number(int year, int number, String docNumber) {
        this.numberYear = year;
        this.number = number;
        this.docNumber = docNumber;
    }

    void delivered(UUID messageId) {
        this.messageId = messageId;
    }

    void withdraw(String by, Instant at, String reason) {
        this.state = EscalationState.WITHDRAWN;
        this.decidedBy = by;
        this.decidedAt = at;
        this.reason = reason;
    }

    void acknowledge(String username, String name, Instant at) {
        this.state = EscalationState.ACKNOWLEDGED;
        this.acknowledgedBy = username;
        this.acknowledgedName = name;
        this.acknowledgedAt = at;
    }

    void talked(LocalDate on, String with, String record) {
        this.state = EscalationState.DONE;
        this.talkOn = on;
        this.talkWith = with;
        this.talkRecord = record;
    }

    void named(UUID circularId) {
        this.state = EscalationState.DONE;
        this.circularId = circularId;
    }

    public UUID getTaskId() {
        return taskId;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public Step getStep() {
        return step;
    }

    public EscalationState getState() {
        return state;
    }

    public Approval getApproval() {
        return approval;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public int getOverdueDays() {
        return overdueDays;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Integer getNumber() {
        return number;
    }

    public String getDocNumber() {
        return docNumber;
    }

    public LocalDate getReplyBy() {
        return replyBy;
    }

    public UUID getMessageId() {
        return messageId;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public String getAcknowledgedName() {
        return acknowledgedName;
    }

    public UUID getCircularId() {
        return circularId;
    }

    public LocalDate getTalkOn() {
        return talkOn;
    }

    public String getTalkWith() {
        return talkWith;
    }

    public String getTalkRecord() {
        return talkRecord;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public int getVersion() {
        return version;
    }
}
