package cn.duban.ledger.colour;

import cn.duban.ledger.TaskStatus;
import java.time.LocalDate;

/**
 * What a task's colour is read from.
 *
 * @param status the task's status
 * @param deadline its deadline
 * @param nextDue the earliest open checkpoint, or the deadline
 * @param progress the approved %
 * @param startedOn the day it was published to its unit (null: unknown)
 * @param lastReportOn the day of its newest submitted report (null: none yet)
 * @param returns reports returned since the last approved one (the work being corrected)
 * @param missedCheckpoints open checkpoints whose day has passed
 * @param redSince the day the daily run found it red, until it caught up (null: never, or caught
 *     up)
 */
public record TaskSignals(
        TaskStatus status,
        LocalDate deadline,
        LocalDate nextDue,
        int progress,
        LocalDate startedOn,
        LocalDate lastReportOn,
        int returns,
        int missedCheckpoints,
        LocalDate redSince) {}
