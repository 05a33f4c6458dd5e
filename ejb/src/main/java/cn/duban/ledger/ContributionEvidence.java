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
 * An evidence file (佐证材料) of a contribution: checked as a report's ({@link EvidenceFile}), its
 * bytes by reference to {@code evidence_content}.
 */
@Entity
@Table(name = "contribution_evidence")
public class ContributionEvidence extends TenantOwned {

    @Column(name = "contribution_id", nullable = false, updatable = false)
    private UUID contributionId;

    @Embedded private StoredFile file;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected ContributionEvidence() {}

    ContributionEvidence(UUID contributionId, StoredFile file, String uploadedBy) {
        this.id = UUID.randomUUID();
        this.contributionId = contributionId;
        this.file = file;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = AppClock.now();
    }

    public UUID getContributionId() {
        return contributionId;
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
