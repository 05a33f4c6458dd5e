package cn.duban.ledger.pack;

import java.time.Instant;
import java.util.UUID;

/**
 * An evidence file of a report or of a contribution, without its bytes.
 *
 * @param ownerId the report's or the contribution's id
 */
public record PackFile(
        UUID id,
        boolean contribution,
        UUID ownerId,
        String name,
        long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
