package cn.duban.evaluation;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
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

    @Column(name = "evidence_name")
    private String evidenceName;

    @Column(name = "evidence_type")
    private String evidenceType;

    @Column(name = "evidence_sha256")
    private String evidenceSha256;

    @Basic(fetch = FetchType.LAZY)
    private byte[] evidence;

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
            cn.duban.ledger.EvidenceFile file,
            String createdBy) {
        this.id = UUID.randomUUID();
        this.year = occurredOn.getYear();
        this.unitId = unitId;
        this.kind = kind;
        this.points = points;
        this.reason = reason;
        this.occurredOn = occurredOn;
        if (file != null) {
            this.evidenceName = file.name();
            this.evidenceType = file.contentType();
            this.evidenceSha256 = file.sha256();
            this.evidence = file.content();
        }
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

    public String getEvidenceName() {
        return evidenceName;
    }

    public String getEvidenceType() {
        return evidenceType;
    }

    public String getEvidenceSha256() {
        return evidenceSha256;
    }

    public byte[] getEvidence() {
        return evidence;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
