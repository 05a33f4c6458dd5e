package cn.duban.ledger;

import cn.duban.plan.PlanPoint;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import cn.duban.platform.Versioned;
import cn.duban.tenant.Unit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A task of the ledger (任务): one work point for one responsible unit, lead or co-operating, with
 * its deadline, checkpoints, status and progress.
 */
@Entity
@Table(name = "task")
public class Task extends TenantOwned implements Versioned {

    @Column(name = "plan_id", nullable = false, updatable = false)
    private UUID planId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "point_id", nullable = false, updatable = false)
    private PlanPoint point;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false, updatable = false)
    private Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitRole role;

    @Column(nullable = false)
    private String title;

    @Column(name = "deadline_text")
    private String deadlineText;

    @Column(name = "deadline_date", nullable = false)
    private LocalDate deadline;

    @Column(name = "original_deadline", nullable = false, updatable = false)
    private LocalDate originalDeadline;

    @Column(name = "deadline_overridden", nullable = false)
    private boolean deadlineOverridden;

    @Column(name = "next_due_date", nullable = false)
    private LocalDate nextDue;

    @Column(name = "key_task", nullable = false)
    private boolean keyTask;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskStatus status = TaskStatus.ASSIGNED;

    @Column(nullable = false)
    private int progress;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Column(name = "on_time")
    private Boolean onTime;

    @Enumerated(EnumType.STRING)
    private Rating rating;

    @Column(name = "last_report_at")
    private Instant lastReportAt;

    // The colleague (经办人) the unit head handed the task to: see HandOverService.
    @Column(name = "holder_username")
    private String holderUsername;

    @Column(name = "holder_name")
    private String holderName;

    @Column(name = "handed_at")
    private Instant handedAt;

    @Column(name = "handed_by")
    private String handedBy;

    // Receipt (签收) and wrong assignment (退回错派): see ReceiptService.
    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "received_by")
    private String receivedBy;

    @Column(name = "received_by_name")
    private String receivedByName;

    @Enumerated(EnumType.STRING)
    @Column(name = "dispute_state")
    private DisputeState disputeState;

    @Column(name = "dispute_reason")
    private String disputeReason;

    @Column(name = "disputed_at")
    private Instant disputedAt;

    @Column(name = "disputed_by")
    private String disputedBy;

    @Column(name = "dispute_answer")
    private String disputeAnswer;

    @Column(name = "dispute_answered_at")
    private Instant disputeAnsweredAt;

    @Column(name = "dispute_answered_by")
    private String disputeAnsweredBy;

    @Column(name = "reassigned_from")
    private UUID reassignedFrom;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    /** Who supervises the task: null for the district office, else a town (issue 21). */
    @Column(name = "supervisor_unit_id", updatable = false)
    private UUID supervisorUnitId;

    /** The district task this one is a part of (分解), or null. */
    @Column(name = "parent_task_id", updatable = false)
    private UUID parentTaskId;

    /** The day the daily colour run found it red, until it caught up (see ColourSweep). */
    @Column(name = "red_since")
    private LocalDate redSince;

    @Column(name = "published_by", nullable = false, updatable = false)
    private String publishedBy;

    // sources (issue 19 item 6): the leader's sign-off (审结) of a key task, null until the district
    // approves its final report.
    @Enumerated(EnumType.STRING)
    @Column(name = "signoff")
    private SignOff signOff;

    @Column(name = "signoff_by")
    private String signOffBy;

    @Column(name = "signoff_at")
    private Instant signOffAt;

    @Column(name = "signoff_note")
    private String signOffNote;

    @Version private int version;

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Checkpoint> checkpoints = new ArrayList<>();

    protected Task() {}

    Task(
            PlanPoint point,
            Unit unit,
            UnitRole role,
            String title,
            String deadlineText,
            LocalDate deadline,
            String publishedBy) {
        this.id = UUID.randomUUID();
        this.planId = point.getPlan().getId();
        this.point = point;
        this.unit = unit;
        this.role = role;
        this.title = title;
        this.deadlineText = deadlineText;
        this.deadline = deadline;
        this.originalDeadline = deadline;
        this.nextDue = deadline;
        this.publishedAt = AppClock.now();
        this.publishedBy = publishedBy;
    }

    void addCheckpoint(String label, LocalDate due) {
        checkpoints.add(new Checkpoint(this, checkpoints.size(), label, due));
        refreshNextDue();
    }

    /** The earliest open checkpoint before the deadline, else the deadline. */
    void refreshNextDue() {
        LocalDate next = deadline;
        for (Checkpoint c : checkpoints) {
            if (c.getDoneOn() == null && c.getDue().isBefore(next)) next = c.getDue();
        }
        nextDue = next;
    }

    /** Overdue is derived: the deadline has passed and the task is not approved. */
    public boolean isOverdue(LocalDate today) {
        return status.open() && deadline.isBefore(today);
    }

    /**
     * A reassigned task's dates: the deadline (if it moves) and every open checkpoint, by the days
     * the task spent with the wrong unit ({@link Receipts}).
     */
    void moveForReassignment(LocalDate assignedOn, LocalDate reassignedOn) {
        LocalDate moved = Receipts.shiftedDeadline(deadline, assignedOn, reassignedOn);
        if (moved.equals(deadline)) return;
        for (Checkpoint c : checkpoints) {
            if (c.getDoneOn() == null)
                c.moveTo(Receipts.shiftedCheckpoint(c.getDue(), assignedOn, reassignedOn, moved));
        }
        changeDeadline(moved);
    }

    /**
     * A deadline set by hand or moved: its text names the year too ("2027年1月31日前"), as a task of
     * one year's plan may be due in the next.
     */
    void changeDeadline(LocalDate newDeadline) {
        changeDeadline(
                newDeadline,
                newDeadline.getYear()
                        + "年"
                        + newDeadline.getMonthValue()
                        + "月"
                        + newDeadline.getDayOfMonth()
                        + "日前");
    }

    private void changeDeadline(LocalDate newDeadline, String text) {
        this.deadline = newDeadline;
        this.deadlineText = text;
        this.deadlineOverridden = true;
        refreshNextDue();
    }

    /**
     * A plan re-published with another deadline rule: follows it unless someone changed the
     * deadline by hand.
     */
    boolean followPlanDeadline(LocalDate planDeadline, String text) {
        if (deadlineOverridden
                || (planDeadline.equals(deadline) && java.util.Objects.equals(text, deadlineText)))
            return false;
        this.deadline = planDeadline;
        this.deadlineText = text;
        refreshNextDue();
        return true;
    }

    void setStatus(TaskStatus status) {
        this.status = status;
    }

    void setProgress(int progress) {
        this.progress = progress;
    }

    void setRole(UnitRole role) {
        this.role = role;
    }

    void setKeyTask(boolean keyTask) {
        this.keyTask = keyTask;
    }

    void setTitle(String title) {
        this.title = title;
    }

    void setLastReportAt(Instant at) {
        this.lastReportAt = at;
    }

    void complete(LocalDate on, Rating rating) {
        this.status = TaskStatus.APPROVED;
        this.progress = 100;
        this.completedOn = on;
        this.onTime = !on.isAfter(deadline);
        this.rating = rating;
    }

    /** The sign-off's step after a decision, with who took it, when, and the reason if any. */
    void signOff(SignOff next, String by, String note) {
        this.signOff = next;
        this.signOffBy = by;
        this.signOffAt = AppClock.now();
        this.signOffNote = note;
    }

    public SignOff getSignOff() {
        return signOff;
    }

    public String getSignOffBy() {
        return signOffBy;
    }

    public Instant getSignOffAt() {
        return signOffAt;
    }

    public String getSignOffNote() {
        return signOffNote;
    }

    public UUID getPlanId() {
        return planId;
    }

    public PlanPoint getPoint() {
        return point;
    }

    public Unit getUnit() {
        return unit;
    }

    public UnitRole getRole() {
        return role;
    }

    public String getTitle() {
        return title;
    }

    public String getDeadlineText() {
        return deadlineText;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public LocalDate getOriginalDeadline() {
        return originalDeadline;
    }

    public boolean isDeadlineOverridden() {
        return deadlineOverridden;
    }

    public LocalDate getNextDue() {
        return nextDue;
    }

    public boolean isKeyTask() {
        return keyTask;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public int getProgress() {
        return progress;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public Boolean getOnTime() {
        return onTime;
    }

    public Rating getRating() {
        return rating;
    }

    public Instant getLastReportAt() {
        return lastReportAt;
    }

    public LocalDate getRedSince() {
        return redSince;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public int getVersion() {
        return version;
    }

    public List<Checkpoint> getCheckpoints() {
        return checkpoints;
    }

    /** Acknowledged (签收) by a named person of the unit; the first receipt stands. */
    void receive(Instant at, String by, String byName) {
        if (receivedAt != null) return;
        this.receivedAt = at;
        this.receivedBy = by;
        this.receivedByName = byName;
    }

    /** The unit sends the task back as not its own (退回错派). */
    void dispute(String reason, Instant at, String by) {
        this.disputeState = DisputeState.PENDING;
        this.disputeReason = reason;
        this.disputedAt = at;
        this.disputedBy = by;
        this.disputeAnswer = null;
        this.disputeAnsweredAt = null;
        this.disputeAnsweredBy = null;
    }

    /** The district's answer to a dispute: insisted (the unit must take it) or reassigned. */
    void answerDispute(DisputeState answer, String reason, Instant at, String by) {
        this.disputeState = answer;
        this.disputeAnswer = reason;
        this.disputeAnsweredAt = at;
        this.disputeAnsweredBy = by;
    }

    /** A fresh task given to the right unit, replacing a mis-assigned one. */
    void replaces(Task misassigned) {
        this.reassignedFrom = misassigned.getId();
        this.receivedAt = null;
        this.receivedBy = null;
        this.receivedByName = null;
        this.disputeState = null;
        this.disputeReason = null;
        this.disputedAt = null;
        this.disputedBy = null;
        this.disputeAnswer = null;
        this.disputeAnsweredAt = null;
        this.disputeAnsweredBy = null;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getReceivedBy() {
        return receivedBy;
    }

    /** The receiver's name as it was at the receipt; the login for receipts before V25. */
    public String getReceivedByName() {
        return receivedByName != null ? receivedByName : receivedBy;
    }

    public DisputeState getDisputeState() {
        return disputeState;
    }

    public String getDisputeReason() {
        return disputeReason;
    }

    public Instant getDisputedAt() {
        return disputedAt;
    }

    public String getDisputedBy() {
        return disputedBy;
    }

    public String getDisputeAnswer() {
        return disputeAnswer;
    }

    public Instant getDisputeAnsweredAt() {
        return disputeAnsweredAt;
    }

    public String getDisputeAnsweredBy() {
        return disputeAnsweredBy;
    }

    public UUID getReassignedFrom() {
        return reassignedFrom;
    }

    /** Handed to a colleague (经办人), or taken back to the whole unit (username null). */
    void hand(String username, String name, Instant at, String by) {
        this.holderUsername = username;
        this.holderName = username == null ? null : name;
        this.handedAt = at;
        this.handedBy = by;
    }

    public String getHolderUsername() {
        return holderUsername;
    }

    public String getHolderName() {
        return holderName;
    }

    public Instant getHandedAt() {
        return handedAt;
    }

    public String getHandedBy() {
        return handedBy;
    }

    public UUID getSupervisorUnitId() {
        return supervisorUnitId;
    }

    void setSupervisorUnitId(UUID supervisorUnitId) {
        this.supervisorUnitId = supervisorUnitId;
    }

    public UUID getParentTaskId() {
        return parentTaskId;
    }

    void setParentTaskId(UUID parentTaskId) {
        this.parentTaskId = parentTaskId;
    }
}
