package cn.duban.evaluation;

import cn.duban.ledger.evidence.StoredFile;
import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A bonus or deduction item (加分/扣分项) for a unit, with its reason and optional evidence file. */
@Entity
@Immutable
@Table(name = "evaluation_adjustment")
public class ScoreAdjustment extends TenantOwned {

    private int year;

    @Column(name = "unit_id")
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    private Adjustment.Kind kind;

    private BigDecimal points;
    private String reason;

    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    /** The evidence file, if any: its bytes by reference to {@code evidence_content}. */
    @Embedded
    @AttributeOverride(name = "fileName", column = @Column(name = "evidence_name"))
    @AttributeOverride(name = "contentType", column = @Column(name = "evidence_type"))
    @AttributeOverride(name = "size", column = @Column(name = "evidence_size"))
    @AttributeOverride(name = "sha256", column = @Column(name = "evidence_sha256"))
    private StoredFile evidence;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ScoreAdjustment() {}

    ScoreAdjustment(
            UUID unitId,
            Adjustment.Kind kind,
            BigDecimal points,
            String reason,
            LocalDate occurredOn,
            StoredFile evidence,
            String createdBy) {
        this.id = UUID.randomUUID();
        this.year = occurredOn.getYear();
        this.unitId = unitId;
        this.kind = kind;
        this.points = points;
        this.reason = reason;
        this.occurredOn = occurredOn;
        this.evidence = evidence;
        this.createdBy = createdBy;
        this.createdAt = AppClock.now();
    }

    Adjustment fact() {
        return new Adjustment(id, unitId, kind, points, reason, occurredOn);
    }

    public int getYear() {
        return year;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public Adjustment.Kind getKind() {
        return kind;
    }

    public BigDecimal getPoints() {
        return points;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    /** The evidence file's metadata; null without one. */
    public StoredFile getEvidence() {
        return evidence;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
