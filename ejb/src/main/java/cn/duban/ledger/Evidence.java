package cn.duban.ledger;

import cn.duban.ledger.evidence.StoredFile;
import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An evidence file (佐证材料) of a progress report: its metadata, the bytes by reference to {@code
 * evidence_content} ({@link cn.duban.ledger.evidence.EvidenceContents}). Listings use {@link
 * EvidenceInfo} projections.
 */
@Entity
@Table(name = "evidence")
public class Evidence extends TenantOwned {

    @Column(name = "report_id", nullable = false, updatable = false)
    private UUID reportId;

    @Embedded private StoredFile file;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected Evidence() {}

    Evidence(UUID reportId, StoredFile file, String uploadedBy) {
        this.id = UUID.randomUUID();
        this.reportId = reportId;
        this.file = file;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = AppClock.now();
    }

    public UUID getReportId() {
        return reportId;
    }

    public StoredFile getFile() {
        return file;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
