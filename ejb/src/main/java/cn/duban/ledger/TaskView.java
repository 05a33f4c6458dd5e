package cn.duban.ledger;

import cn.duban.ledger.colour.Colour;
import cn.duban.ledger.colour.ColourReading;
import cn.duban.plan.TaskSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A task as lists and the API show it, with its derived overdue flag and its colour by the tenant's
 * rules ({@code light} is the colour's class on pages, kept for API clients); {@code progress} is
 * the approved %, {@code reportedProgress} the % of a report awaiting review (null if none).
 */
public record TaskView(
        UUID id,
        UUID planId,
        String planTitle,
        UUID pointId,
        String pointNumber,
        String sectionTitle,
        String title,
        UUID unitId,
        String unitName,
        String role,
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
        boolean overdue,
        Colour colour,
        List<ColourReading.Reason> colourReasons,
        String light,
        int version,
        Integer reportedProgress,
        TaskSource source,
        SignOff signOff,
        Instant receivedAt) {

    /** Open with its unit and not yet acknowledged (未签收). */
    public boolean unreceived() {
        return receivedAt == null && TaskStatus.WITH_UNIT.contains(status);
    }

    /**
     * The % a list shows: a report's figure while it awaits review (see {@link #awaitingReview()}),
     * else the approved one.
     */
    public int shownProgress() {
        return reportedProgress != null ? reportedProgress : progress;
    }

    /** True when {@link #shownProgress()} is a reported figure not yet approved. */
    public boolean awaitingReview() {
        return reportedProgress != null;
    }

    /** The source's label (领导批示 …), for lists and pages. */
    public String sourceLabel() {
        return source == null ? TaskSource.PLAN.label() : source.label();
    }

    /** Whether the task is a matter (交办事项) rather than a plan's point. */
    public boolean matter() {
        return source != null && source.matter();
    }

    public static TaskView of(TaskRow r, ColourReading colour, LocalDate today) {
        boolean overdue = r.status().open() && r.deadline().isBefore(today);
        return new TaskView(
                r.id(),
                r.planId(),
                r.planTitle(),
                r.pointId(),
                r.pointNumber(),
                r.sectionTitle(),
                r.title(),
                r.unitId(),
                r.unitName(),
                r.role().name(),
                r.deadline(),
                r.deadlineText(),
                r.originalDeadline(),
                r.nextDue(),
                r.keyTask(),
                r.status(),
                r.progress(),
                r.completedOn(),
                r.onTime(),
                r.rating(),
                r.lastReportAt(),
                overdue,
                colour.colour(),
                colour.reasons(),
                colour.colour().css(),
                r.version(),
                r.reportedProgress(),
                r.source(),
                r.signOff(),
                r.receivedAt());
    }
}
