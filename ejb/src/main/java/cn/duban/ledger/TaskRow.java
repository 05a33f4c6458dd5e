package cn.duban.ledger;

import cn.duban.plan.TaskSource;
import cn.duban.plan.parse.UnitRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The columns a ledger list reads in one query, before {@link TaskView} adds the derived fields;
 * {@code reportedProgress} is the % of a submitted report not yet reviewed (null if none).
 */
public record TaskRow(
        UUID id,
        UUID planId,
        String planTitle,
        UUID pointId,
        String pointNumber,
        String sectionTitle,
        String title,
        UUID unitId,
        String unitName,
        UnitRole role,
        LocalDate deadline,
        String deadlineText,
        LocalDate originalDeadline,
        LocalDate nextDue,
        boolean keyTask,
        TaskStatus status,
        int progress,
        LocalDate completedOn,
        Boolean onTime,
        Rating rating,
        Instant lastReportAt,
        int version,
        Integer reportedProgress,
        TaskSource source,
        SignOff signOff,
        Instant receivedAt,
        Instant publishedAt,
        LocalDate redSince)
        implements cn.duban.ledger.colour.ColourColumns {

    /**
     * The select list matching this record over {@code t} (task), {@code p} (point), {@code s}
     * (section), {@code u} (unit), {@code pl} (plan).
     */
    static final String SELECT =
            "select new cn.duban.ledger.TaskRow(t.id, t.planId, pl.title, p.id, p.number, s.title, "
                    + "t.title, u.id, u.name, t.role, t.deadline, t.deadlineText, t.originalDeadline, t.nextDue, t.keyTask, "
                    + "t.status, t.progress, t.completedOn, t.onTime, t.rating, t.lastReportAt, t.version, "
                    // The % of a report awaiting review: shown (marked) until the review sets the
                    // task's progress.
                    + "(select max(r.percent) from ProgressReport r where r.task = t and r.state = cn.duban.ledger.ReportState.SUBMITTED), "
                    + "pl.source, t.signOff, t.receivedAt, t.publishedAt, t.redSince) "
                    + "from Task t join t.point p join p.section s join t.unit u join p.plan pl ";
}
