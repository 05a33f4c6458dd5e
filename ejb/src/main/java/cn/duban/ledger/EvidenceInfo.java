package cn.duban.ledger;

import cn.duban.ledger.evidence.StoredFile;
import java.time.Instant;
import java.util.UUID;

/** An evidence file of a report without its bytes (the API's and the task page's view). */
public record EvidenceInfo(
        UUID id,
        UUID reportId,
        String fileName,
        String contentType,
        int size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {

    /** The JPQL that reads these from {@code Evidence e} (without the file's bytes). */
    static final String SELECT =
            "select new cn.duban.ledger.EvidenceInfo(e.id, e.reportId, e.file.fileName, "
                    + "e.file.contentType, e.file.size, e.file.sha256, e.uploadedBy, e.uploadedAt) "
                    + "from Evidence e ";

    static EvidenceInfo of(Evidence e) {
        StoredFile f = e.getFile();
        return new EvidenceInfo(
                e.getId(),
                e.getReportId(),
                f.fileName(),
                f.contentType(),
                f.size(),
                f.sha256(),
                e.getUploadedBy(),
                e.getUploadedAt());
    }
}
