package cn.duban.evaluation.appeal;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A unit's appeal (申诉) against a score line, a deduction item or an overdue mark of a period, with
 * its reason; decided once by the district office (accepted or rejected, with the note or reason).
 */
@Entity
@Table(name = "appeal")
public class Appeal extends TenantOwned {

    /** What is contested. */
    public enum Kind {
        SCORE_LINE("得分项"),
        ADJUSTMENT("扣分事项"),
        OVERDUE("逾期认定");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        OPEN("待处理"),
        ACCEPTED("已采纳"),
        REJECTED("已驳回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(name = "period_key", nullable = false, updatable = false)
    private String periodKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "target_key", nullable = false, updatable = false)
    private String targetKey;

    @Column(name = "target_label", nullable = false, updatable = false)
    private String targetLabel;

    @Column(updatable = false)
    private String indicator;

    @Column(name = "task_id", updatable = false)
    private UUID taskId;

    @Column(name = "adjustment_id", updatable = false)
    private UUID adjustmentId;

    @Column(name = "contested_points", updatable = false)
    private BigDecimal contestedPoints;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;

    @Column(name = "filed_by", nullable = false, updatable = false)
    private String filedBy;

    @Column(name = "filed_at", nullable = false, updatable = false)
    private Instant filedAt;

    private String decision;

    @Column(name = "corrected_points")
    private BigDecimal correctedPoints;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "republished_version")
    private Integer republishedVersion;

    @Version private int version;

    protected Appeal() {}

    Appeal(
            UUID unitId,
            String periodKey,
            Kind kind,
            String targetKey,
            String targetLabel,
            String indicator,
            UUID taskId,
            UUID adjustmentId,
            BigDecimal contestedPoints,
            String reason,
            String filedBy) {
        this.id = UUID.randomUUID();
        this.unitId = unitId;
        this.periodKey = periodKey;
        this.kind = kind;
        this.targetKey = targetKey;
        this.targetLabel = targetLabel;
        this.indicator = indicator;
        this.taskId = taskId;
        this.adjustmentId = adjustmentId;
        this.contestedPoints = contestedPoints;
        this.reason = reason;
        this.filedBy = filedBy;
        this.filedAt = AppClock.now();
    }

    void decide(Status outcome, String note, BigDecimal corrected, String by) {
        this.status = outcome;
        this.decision = note;
        this.correctedPoints = corrected;
        this.decidedBy = by;
        this.decidedAt = AppClock.now();
    }

    void republished(int snapshotVersion) {
        this.republishedVersion = snapshotVersion;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public String getPeriodKey() {
        return periodKey;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTargetKey() {
        return targetKey;
    }

    public String getTargetLabel() {
        return targetLabel;
    }

    public String getIndicator() {
        return indicator;
    }

    public UUID getTaskId() {
        return taskId;
    }

    public UUID getAdjustmentId() {
        return adjustmentId;
    }

    public BigDecimal getContestedPoints() {
        return contestedPoints;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public String getDecision() {
        return decision;
    }

    public BigDecimal getCorrectedPoints() {
        return correctedPoints;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Integer getRepublishedVersion() {
        return republishedVersion;
    }

    public int getVersion() {
        return version;
    }
}
