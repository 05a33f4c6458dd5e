package cn.duban.ledger;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import cn.duban.platform.Versioned;
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
import java.util.UUID;

/**
 * A progress report (进展报送) of a unit on a task: text, % complete, evidence. A draft may change;
 * once submitted it is a record (the database refuses changes too) and is reviewed.
 */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends TenantOwned implements Versioned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(name = "checkpoint_id")
    private UUID checkpointId;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportState state = ReportState.DRAFT;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private int percent;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_by_name")
    private String submittedByName;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "review_comment")
    private String reviewComment;

    @Enumerated(EnumType.STRING)
    private Rating rating;

    @Column(name = "head_decided_by")
    private String headDecidedBy;

    @Column(name = "head_decided_at")
    private Instant headDecidedAt;

    @Column(name = "head_comment")
    private String headComment;

    @Version private int version;

    protected ProgressReport() {}

    ProgressReport(Task task, String text, int percent, UUID checkpointId, String createdBy) {
        this.id = UUID.randomUUID();
        this.task = task;
        this.unitId = task.getUnit().getId();
        this.text = text;
        this.percent = percent;
        this.checkpointId = checkpointId;
        this.createdBy = createdBy;
        this.createdAt = AppClock.now();
    }

    void edit(String text, int percent, UUID checkpointId) {
        this.text = text;
        this.percent = percent;
        this.checkpointId = checkpointId;
    }

    void submit(String by, String byName, String idempotencyKey) {
        this.state = ReportState.SUBMITTED;
        this.submittedBy = by;
        this.submittedByName = byName;
        this.submittedAt = AppClock.now();
        this.idempotencyKey = idempotencyKey;
    }

    /** Submitted by a 经办人: waits for the unit head, frozen. */
    void awaitHead(String by, String byName, String idempotencyKey) {
        this.state = ReportState.AWAITING_HEAD;
        this.submittedBy = by;
        this.submittedByName = byName;
        this.submittedAt = AppClock.now();
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * The unit head's decision: passed on (submitted to the district now, the drafter still its
     * author) or sent back to draft with the reason.
     */
    void headDecides(boolean approved, String by, String comment) {
        this.headDecidedBy = by;
        this.headDecidedAt = AppClock.now();
        this.headComment = comment;
        if (approved) {
            this.state = ReportState.SUBMITTED;
            this.submittedAt = this.headDecidedAt;
        } else {
            this.state = ReportState.DRAFT;
            this.submittedAt = null;
            this.idempotencyKey = null;
        }
    }

    void review(ReportState outcome, String by, String comment, Rating rating) {
        this.state = outcome;
        this.reviewedBy = by;
        this.reviewedAt = AppClock.now();
        this.reviewComment = comment;
        this.rating = rating;
    }

    /** A report of 100% asks for the task to be accepted as done. */
    public boolean isFinal() {
        return percent == 100;
    }

    /**
     * Whether the user wrote or submitted this report: then someone else reviews it (four eyes; the
     * district office may report on a unit's behalf, see ReviewService.review).
     */
    public boolean isAuthoredBy(String username) {
        return username != null && (username.equals(createdBy) || username.equals(submittedBy));
    }

    public Task getTask() {
        return task;
    }

    public UUID getCheckpointId() {
        return checkpointId;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public ReportState getState() {
        return state;
    }

    public String getText() {
        return text;
    }

    public int getPercent() {
        return percent;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    /** The submitter's name as it was; the login for reports before V25 (null while a draft). */
    public String getSubmittedByName() {
        return submittedByName != null ? submittedByName : submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public Rating getRating() {
        return rating;
    }

    public String getHeadDecidedBy() {
        return headDecidedBy;
    }

    public Instant getHeadDecidedAt() {
        return headDecidedAt;
    }

    public String getHeadComment() {
        return headComment;
    }

    public int getVersion() {
        return version;
    }
}
