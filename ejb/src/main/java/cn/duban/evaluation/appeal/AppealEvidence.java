package cn.duban.evaluation.appeal;

import cn.duban.ledger.evidence.StoredFile;
import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * An evidence file of an appeal, checked like a report's ({@link cn.duban.ledger.EvidenceFile}) and
 * stored like it: its metadata here, the bytes by reference to {@code evidence_content}.
 */
@Entity
@Immutable
@Table(name = "appeal_evidence")
public class AppealEvidence extends TenantOwned {

    @Column(name = "appeal_id", nullable = false)
    private UUID appealId;

    @Embedded private StoredFile file;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected AppealEvidence() {}

    AppealEvidence(UUID appealId, StoredFile file, String uploadedBy) {
        this.id = UUID.randomUUID();
        this.appealId = appealId;
        this.file = file;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = AppClock.now();
    }

    public UUID getAppealId() {
        return appealId;
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
