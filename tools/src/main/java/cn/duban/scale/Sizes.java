package cn.duban.scale;

import java.time.LocalDate;

/**
 * How much to generate. Units, tasks and reports are totals over all tenants, shared out evenly
 * (the first tenants take the remainder). {@code asOf} is the data's "today": every event lies
 * before it and statuses are drawn relative to it; plans cover {@code years} calendar years ending
 * with asOf's year.
 *
 * @param tenants districts (tenants)
 * @param units units in all tenants (at least 3 a tenant: office, a town, a department)
 * @param tasks tasks in all tenants (at least 1 a tenant)
 * @param reports progress reports in all tenants (hit exactly unless fewer than the tasks' statuses
 *     need)
 * @param asOf the data's "today"
 * @param years plan years, ending with asOf's year
 */
public record Sizes(int tenants, int units, long tasks, long reports, LocalDate asOf, int years) {

    /** Per tenant at full size: 40 units, 10,000 tasks, 3⅓ reports a task. */
    public static final int UNITS_PER_TENANT = 40;

    public static final int TASKS_PER_TENANT = 10_000;
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 30);

    public Sizes {
        if (tenants < 1) throw new IllegalArgumentException("tenants must be at least 1");
        if (units < 3L * tenants)
            throw new IllegalArgumentException("units must be at least 3 per tenant");
        if (tasks < tenants)
            throw new IllegalArgumentException("tasks must be at least 1 per tenant");
        if (reports < 0) throw new IllegalArgumentException("reports must not be negative");
        if (years < 1 || years > 10)
            throw new IllegalArgumentException("years must be between 1 and 10");
    }

    /** The full target: 300 tenants, 12,000 units, 3,000,000 tasks, 10,000,000 reports. */
    public static Sizes full() {
        return of(300);
    }

    /** A size proportional to the full target. */
    public static Sizes of(int tenants) {
        long tasks = (long) TASKS_PER_TENANT * tenants;
        return new Sizes(
                tenants, UNITS_PER_TENANT * tenants, tasks, tasks * 10 / 3, DEFAULT_AS_OF, 2);
    }

    /**
     * From system properties scale.tenants, scale.units, scale.tasks, scale.reports, scale.asOf and
     * scale.years; what is not given follows the tenants in the full target's proportions.
     */
    public static Sizes fromSystemProperties() {
        int tenants = Integer.getInteger("scale.tenants", 300);
        Sizes base = of(tenants);
        long tasks = Long.getLong("scale.tasks", base.tasks());
        return new Sizes(
                tenants,
                Integer.getInteger("scale.units", base.units()),
                tasks,
                Long.getLong("scale.reports", tasks * 10 / 3),
                LocalDate.parse(System.getProperty("scale.asOf", DEFAULT_AS_OF.toString())),
                Integer.getInteger("scale.years", base.years()));
    }

    /**
     * Tenant 0 alone: with the same seed it generates the same rows as tenant 0 of this load, since
     * a tenant's data depends only on the seed, its index and its share of the totals.
     */
    public Sizes firstTenantAlone() {
        return new Sizes(
                1,
                (int) share(units, tenants, 0),
                share(tasks, tenants, 0),
                share(reports, tenants, 0),
                asOf,
                years);
    }

    /** Tenant t's share of a total. */
    static long share(long total, int tenants, int t) {
        return total / tenants + (t < total % tenants ? 1 : 0);
    }
}
