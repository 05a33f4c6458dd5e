package cn.duban.ledger.colour;

import cn.duban.ledger.TaskStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The columns of a task its colour is read from: a ledger list's row and the daily run's lean row
 * both have them (records answer these by their components).
 */
public interface ColourColumns {
    UUID id();

    TaskStatus status();

    LocalDate deadline();

    LocalDate nextDue();

    int progress();

    Instant publishedAt();

    Instant lastReportAt();

    LocalDate redSince();
}
