package cn.duban.ledger.pack;

import cn.duban.ledger.Contribution;
import java.time.Instant;
import java.util.UUID;

/** A co-operating unit's contribution (配合情况) as sent to the lead unit. */
public record PackContribution(
        UUID id,
        UUID taskId,
        Contribution.State state,
        int percent,
        String text,
        String sentBy,
        Instant firstSentAt,
        Instant sentAt,
        String acknowledgedBy,
        Instant acknowledgedAt) {

    public boolean acknowledged() {
        return state == Contribution.State.ACKNOWLEDGED;
    }
}
