package cn.duban.evaluation;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A closed period's published scores, frozen as JSON with its SHA-256. A later close of the same
 * period adds the next version with a reason; the earlier one stays as it was.
 */
@Entity
@Immutable
@Table(name = "evaluation_snapshot")
public class ScoreSnapshot extends TenantOwned {

    private int year;

    @Column(name = "period_key")
    private String periodKey;

    private int version;

    @Column(name = "scheme_id")
    private UUID schemeId;

    @Column(name = "as_of")
    private LocalDate asOf;

    private String content;
    private String sha256;
    private String reason;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected ScoreSnapshot() {}

    ScoreSnapshot(
            Period period,
            int version,
            UUID schemeId,
            LocalDate asOf,
            String content,
            String sha256,
            String reason,
            String closedBy) {
        this.id = UUID.randomUUID();
        this.year = period.year();
        this.periodKey = period.key();
        this.version = version;
        this.schemeId = schemeId;
        this.asOf = asOf;
        this.content = content;
        this.sha256 = sha256;
        this.reason = reason;
        this.closedBy = closedBy;
        this.closedAt = AppClock.now();
    }

    public int getYear() {
        return year;
    }

    public String getPeriodKey() {
        return periodKey;
    }

    public int getVersion() {
        return version;
    }

    public UUID getSchemeId() {
        return schemeId;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public String getContent() {
        return content;
    }

    public String getSha256() {
        return sha256;
    }

    public String getReason() {
        return reason;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
