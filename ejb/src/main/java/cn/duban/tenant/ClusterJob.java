package cn.duban.tenant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The scheduled jobs that must run once per cluster, and their slot rule. Every node fires the same
 * {@code @Schedule}; each names the run it is about to do by the job's slot (the day, the month or
 * the quarter of an hour, in Beijing time), and the first node to claim that slot in {@code
 * job_run} ({@link JobRuns#claim}) does the work. A node whose clock runs up to {@link #SKEW} early
 * (or whose timer fires a moment before the hour) names the slot it was meant for: the instant is
 * moved on by the skew before it is cut to the slot, so 07:59:58 on one node and 08:00:01 on
 * another are the same {@code 2026-12-02}. A timer that fires late stays in its slot (cut
 * downwards).
 */
public enum ClusterJob {
    /** Colours, reminders, escalation ladder: daily at 08:00 ({@code ReminderScheduler}). */
    DAILY_REMINDERS("daily-reminders", Unit.DAY, 0, false),
    /** 催签收 every half hour of the office day ({@code ReceiptScheduler}). */
    RECEIPT_CHASE("receipt-chase", Unit.MINUTES, 30, false),
    /** Monthly and quarterly circular drafts on the first ({@code CircularScheduler}). */
    CIRCULAR_DRAFTS("circular-drafts", Unit.MONTH, 0, false),
    /** The daily report up to the city at 06:30 ({@code CityReportScheduler}). */
    CITY_REPORTS("city-reports", Unit.DAY, 0, false),
    /** The platform's purge of deleted tenants from Keycloak, every quarter of an hour. */
    DELETED_TENANT_DIRECTORY("deleted-tenant-directory", Unit.MINUTES, 15, true);

    /** Beijing time: the schedules' time zone, and so the slots'. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** How early a node's timer may fire and still name the slot it was meant for. */
    public static final Duration SKEW = Duration.ofSeconds(30);

    /** The tenant column of a platform job's row (no tenant). */
    public static final String PLATFORM = "";

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private enum Unit {
        DAY,
        MONTH,
        MINUTES
    }

    private final String code;
    private final Unit unit;
    private final int minutes;
    private final boolean platform;

    ClusterJob(String code, Unit unit, int minutes, boolean platform) {
        this.code = code;
        this.unit = unit;
        this.minutes = minutes;
        this.platform = platform;
    }

    /** The name in {@code job_run.job} and in the operator's URL. */
    public String code() {
        return code;
    }

    /** A platform job runs once for the platform (tenant ''), not once per tenant. */
    public boolean isPlatform() {
        return platform;
    }

    /** The job of that name; empty for an unknown name. */
    public static Optional<ClusterJob> ofCode(String code) {
        return Arrays.stream(values()).filter(j -> j.code.equals(code)).findFirst();
    }

    /**
     * The slot of a run fired at {@code firedAt}: {@code 2026-12-02} (daily), {@code 2026-12}
     * (monthly), {@code 2026-12-02T10:15} (every n minutes, cut to the n-minute boundary).
     */
    public String slot(Instant firedAt) {
        ZonedDateTime at = firedAt.plus(SKEW).atZone(ZONE);
        return switch (unit) {
            case DAY -> at.toLocalDate().toString();
            case MONTH -> YearMonth.from(at).toString();
            case MINUTES -> {
                LocalDateTime t = at.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
                yield MINUTE.format(t.withMinute(t.getMinute() / minutes * minutes));
            }
        };
    }

    /**
     * Where the slot begins, for a slot in this job's form (the operator's re-run); empty for any
     * other text, so that a slot that no node would ever claim cannot be claimed by hand.
     */
    public Optional<Instant> slotStart(String slot) {
        if (slot == null) return Optional.empty();
        try {
            Instant start =
                    switch (unit) {
                        case DAY -> LocalDate.parse(slot).atStartOfDay(ZONE).toInstant();
                        case MONTH -> YearMonth.parse(slot).atDay(1).atStartOfDay(ZONE).toInstant();
                        case MINUTES -> LocalDateTime.parse(slot, MINUTE).atZone(ZONE).toInstant();
                    };
            // Only the canonical form: 2026-12-02T10:20 is no slot of a quarter-hourly job.
            return slot(start).equals(slot) ? Optional.of(start) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
