package cn.duban.evaluation.appeal;

import cn.duban.ledger.EvidenceFile;
import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * An evidence file of an appeal, checked like a report's ({@link EvidenceFile}) and stored like it
 * (PostgreSQL, with its SHA-256); the bytes are read only for a download.
 */
@Entity
@Immutable
@Table(name = "appeal_evidence")
public class AppealEvidence extends TenantOwned {

    @Column(name = "appeal_id", nullable = false)
    private UUID appealId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    private int size;

    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected AppealEvidence() {}

    AppealEvidence(UUID appealId, EvidenceFile file, String uploadedBy) {
        this.id = UUID.randomUUID();
        this.appealId = appealId;
        this.fileName = file.name();
        this.contentType = file.contentType();
        this.size = file.content().length;
        this.sha256 = file.sha256();
        this.content = file.content();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = AppClock.now();
    }

    public UUID getAppealId() {
        return appealId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public int getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
