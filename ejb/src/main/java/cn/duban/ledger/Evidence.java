package cn.duban.ledger;

import cn.duban.platform.AppClock;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An evidence file (佐证材料) of a progress report, stored in PostgreSQL with its SHA-256. Listings use
 * {@link EvidenceInfo} projections so the bytes are read only for downloads.
 */
@Entity
@Table(name = "evidence")
public class Evidence extends TenantOwned {

    @Column(name = "report_id", nullable = false, updatable = false)
    private UUID reportId;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(nullable = false, updatable = false)
    private int size;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected Evidence() {}

    Evidence(
            UUID reportId,
            String fileName,
            String contentType,
            byte[] content,
            String sha256,
            String uploadedBy) {
        this.id = UUID.randomUUID();
        this.reportId = reportId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = AppClock.now();
    }

    public UUID getReportId() {
        return reportId;
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
