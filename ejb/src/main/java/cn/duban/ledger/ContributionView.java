package cn.duban.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A co-operating unit's contribution as its unit, the point's lead unit and the district see it.
 * {@code id} is null while the co-unit has written nothing yet.
 *
 * @param late first sent after the co-unit task's deadline (or not sent, the deadline passed)
 * @param sentByName who sent it, by name (the login for contributions sent before V25)
 * @param acknowledgedAt when the lead unit confirmed it has it (确认收到); null before
 */
public record ContributionView(
        UUID id,
        UUID taskId,
        String unitName,
        LocalDate deadline,
        UUID leadTaskId,
        String leadUnitName,
        String state,
        String text,
        int percent,
        Instant firstSentAt,
        Instant sentAt,
        String sentBy,
        String sentByName,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String acknowledgedByName,
        boolean late,
        int version,
        List<File> evidence) {

    /** An evidence file without its bytes. */
    public record File(
            UUID id,
            String fileName,
            String contentType,
            int size,
            String sha256,
            Instant uploadedAt) {
        static final String SELECT =
                "select new cn.duban.ledger.ContributionView$File(e.id, e.file.fileName, e.file.contentType, "
                        + "e.file.size, e.file.sha256, e.uploadedAt) from ContributionEvidence e ";

        static File of(ContributionEvidence e) {
            return new File(
                    e.getId(),
                    e.getFile().fileName(),
                    e.getFile().contentType(),
                    e.getFile().size(),
                    e.getFile().sha256(),
                    e.getUploadedAt());
        }
    }

    /** Whether sending at {@code sent} (Asia/Shanghai day) meets the co-unit task's deadline. */
    static boolean late(Instant sent, LocalDate deadline, LocalDate today) {
        if (deadline == null) return false;
        LocalDate day = sent == null ? today : LedgerClock.dateOf(sent);
        return sent == null ? deadline.isBefore(day) : day.isAfter(deadline);
    }
}
