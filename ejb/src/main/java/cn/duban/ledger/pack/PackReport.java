package cn.duban.ledger.pack;

import cn.duban.ledger.Rating;
import cn.duban.ledger.ReportState;
import java.time.Instant;
import java.util.UUID;

/** A progress report as given to the district, with its review; no evidence bytes. */
public record PackReport(
        UUID id,
        UUID taskId,
        ReportState state,
        int percent,
        String text,
        String submittedBy,
        Instant submittedAt,
        String headDecidedBy,
        Instant headDecidedAt,
        String headComment,
        String reviewedBy,
        Instant reviewedAt,
        String reviewComment,
        Rating rating) {}
