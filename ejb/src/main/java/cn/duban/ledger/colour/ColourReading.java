package cn.duban.ledger.colour;

import java.util.List;

/**
 * A task's colour with the reasons for it, most serious first, and whether it has caught up with
 * its schedule (what ends the amber of a task that was red).
 */
public record ColourReading(Colour colour, List<Reason> reasons, boolean caughtUp) {

    /** Why a task has its colour; {@code value} is the days, times or % the kind counts. */
    public record Reason(Kind kind, int value) {}

    /** The reasons, each with a message {@code colour.reason.<KIND>} taking {@code value}. */
    public enum Kind {
        OVERDUE,
        MISSED_CHECKPOINTS,
        RETURNED,
        SILENT,
        DUE_SOON,
        RECOVERING
    }
}
