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
        Instant uploadedAt) {}
