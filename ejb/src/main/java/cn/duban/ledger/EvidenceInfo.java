package cn.duban.ledger;

import java.time.Instant;
import java.util.UUID;

/** An evidence file without its bytes. */
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
            "select new cn.duban.ledger.EvidenceInfo(e.id, e.reportId, e.fileName, e.contentType, "
                    + "e.size, e.sha256, e.uploadedBy, e.uploadedAt) from Evidence e ";
}
