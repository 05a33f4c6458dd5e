package cn.duban.ledger;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A unit's request to move its task's deadline (延期申请), decided by the district office. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends TenantOwned {

    public enum State {
        PENDING,
        APPROVED,
        REFUSED
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(name = "requested_date", nullable = false, updatable = false)
    private LocalDate requestedDate;

    @Column(name = "current_deadline", nullable = false, updatable = false)
    private LocalDate currentDeadline;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.PENDING;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Version private int version;

    protected ExtensionRequest() {}

    ExtensionRequest(Task task, LocalDate requestedDate, String reason, String requestedBy) {
        this.id = UUID.randomUUID();
        this.task = task;
        this.requestedDate = requestedDate;
        this.currentDeadline = task.getDeadline();
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = AppClock.now();
    }

    void decide(State outcome, String by, String comment) {
        this.state = outcome;
        this.decidedBy = by;
        this.decidedAt = AppClock.now();
        this.decisionComment = comment;
    }

    public Task getTask() {
        return task;
    }

    public LocalDate getRequestedDate() {
        return requestedDate;
    }

    public LocalDate getCurrentDeadline() {
        return currentDeadline;
    }

    public String getReason() {
        return reason;
    }

    public State getState() {
        return state;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public int getVersion() {
        return version;
    }
}
