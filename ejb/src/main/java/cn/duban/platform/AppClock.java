package cn.duban.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * "Now" for the records the services stamp (reports, reviews, tasks, plans, schemes, snapshots,
 * circulars, inbox messages). It is the system clock, except on a thread inside {@link #at}, which
 * only the demo-year generator uses to write a year in progress with its real dates.
 *
 * <p>{@link #at} refuses to run unless the installation enabled the demo year ({@code
 * duban.demo.year} / {@code DUBAN_DEMO_YEAR}, which only the run command sets), so a production
 * server can never be made to backdate a record. The audit trail does not use this clock: its
 * entries always carry the moment they were written.
 */
public final class AppClock {

    /** The setting that enables the demo year: the tenant to generate it in. */
    public static final String DEMO_YEAR_PROPERTY = "duban.demo.year";

    public static final String DEMO_YEAR_ENV = "DUBAN_DEMO_YEAR";

    private static final ThreadLocal<Instant> SIMULATED = new ThreadLocal<>();

    private AppClock() {}

    public static Instant now() {
        Instant simulated = SIMULATED.get();
        return simulated != null ? simulated : Instant.now();
    }

    /** The tenant the demo year is generated in, or null when the demo year is off. */
    public static String demoYearTenant() {
        String tenant = Settings.get(DEMO_YEAR_PROPERTY, DEMO_YEAR_ENV, null);
        return tenant == null || tenant.equals("off") || tenant.equals("false") ? null : tenant;
    }

    /**
     * Runs work on this thread as if it were {@code when} (never in the future), restoring the
     * previous clock after.
     *
     * @throws IllegalStateException when the demo year is not enabled, or {@code when} is ahead of
     *     the system clock
     */
    public static <T> T at(Instant when, Supplier<T> work) {
        Objects.requireNonNull(when, "when");
        if (demoYearTenant() == null) {
            throw new IllegalStateException(
                    "the clock can only be set back for the demo year (" + DEMO_YEAR_ENV + ")");
        }
        if (when.isAfter(Instant.now())) {
            throw new IllegalStateException("the clock cannot be set ahead: " + when);
        }
        Instant previous = SIMULATED.get();
        SIMULATED.set(when);
        try {
            return work.get();
        } finally {
            if (previous == null) SIMULATED.remove();
            else SIMULATED.set(previous);
        }
    }
}
