package cn.duban.demo;

import cn.duban.ledger.LedgerClock;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import cn.duban.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At deployment, with {@code duban.demo.year=<tenant>} ({@code DUBAN_DEMO_YEAR}; only the run
 * command sets it), writes the demo year into that tenant if it is not there yet, in two
 * transactions: the plan (imported, published, with its scheme), then, after refreshing the
 * database's statistics, the year's steps. A failed run of the steps leaves nothing of them behind
 * and the next start writes them again. Without the setting it does nothing.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "AuditKeyring", "AuditSealer", "Printing"})
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoYear {

    private static final Logger LOG = Logger.getLogger(DemoYear.class.getName());

    /**
     * Seconds each of the year's two transactions may take. The steps took 562 to 887 s on busy
     * machines before the statistics were refreshed between the two (155 s idle); the margin stays.
     */
    private static final int TIMEOUT_SECONDS = 1_800;

    @EJB DemoYearWriter writer;

    @EJB DemoTownWriter townWriter;

    @EJB cn.duban.city.CityReports cityReports;

    @Resource UserTransaction tx;

    @Resource TimerService timers;

    @PostConstruct
    void schedule() {
        if (AppClock.demoYearTenant() == null) return;
        timers.createSingleActionTimer(1_000, new TimerConfig("demo-year", false));
    }

    @Timeout
    void generate() {
        String tenant = AppClock.demoYearTenant();
        if (tenant == null) return;
        long started = System.nanoTime();
        try {
            // 1. The plan, imported and published, with its scheme: committed on its own.
            UUID plan = inTransaction(tenant, () -> writer.prepare(tenant, LedgerClock.today()));
            if (plan == null) {
                // The town running its own plan (issue 21): its own transaction, once a year.
                town(tenant);
                LOG.info(
                        () ->
                                "Demo year already in tenant "
                                        + tenant
                                        + " (checked in "
                                        + (System.nanoTime() - started) / 1_000_000
                                        + " ms)");
                return;
            }
            // 2. Statistics that know the new district's 700 tasks: without them PostgreSQL looks a
            // task up by scanning all of the district's (its statistics say the district has none),
            // which made each of the year's 2,000 steps take 250-450 ms in one transaction.
            analyze();
            // 3. The year's steps, in one transaction: there completely or not at all (a failed
            // run leaves the plan without reports, and the next start writes the steps again).
            DemoYearWriter.Outcome o =
                    inTransaction(tenant, () -> writer.steps(tenant, LedgerClock.today(), plan));
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info(
                    () ->
                            "Demo year "
                                    + o.year()
                                    + " written in tenant "
                                    + tenant
                                    + " in "
                                    + ms
                                    + " ms: "
                                    + o.tasks()
                                    + " tasks, steps "
                                    + o.steps());
            town(tenant);
            reportUp(tenant);
        } catch (Exception e) {
            // The application still starts: the demo year is a convenience, not a service.
            LOG.log(Level.WARNING, "Demo year for tenant " + tenant + " not written", e);
        }
    }

    /**
     * 4. The city part (issue 21): the district and 嘉定区 (a district on its first day) report up to
     * their city, as the daily timer does (only when a member, only what changed since the last
     * snapshot), so the city's viewer sees both side by side at once.
     */
    private void reportUp(String tenant) {
        // 嘉定区 only beside the run command's 普陀区: a demo year in a district of its own
        // (DemoYearIT's)
        // writes nothing anywhere else.
        java.util.List<String> districts =
                "putuo".equals(tenant)
                        ? java.util.List.of("putuo", "jiading")
                        : java.util.List.of(tenant);
        for (String t : districts) {
            try {
                String done = inTransaction(t, () -> cityReports.sendIfChanged());
                LOG.info(() -> "Demo city report of " + t + ": " + done);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Demo city report of " + t + " not sent", e);
            }
        }
    }

    /**
     * Work in a transaction of its own, opened by the tenant's system caller as a timer's work is:
     * row-level security and Hibernate's tenant filter hold every step inside this one tenant.
     */
    private <T> T inTransaction(String tenant, Supplier<T> work) throws Exception {
        tx.setTransactionTimeout(TIMEOUT_SECONDS);
        tx.begin();
        try {
            Object[] result = new Object[1];
            Caller.runAs(Caller.system(tenant), () -> result[0] = work.get());
            tx.commit();
            @SuppressWarnings("unchecked")
            T t = (T) result[0];
            return t;
        } catch (Exception | Error e) {
            try {
                tx.rollback();
            } catch (Exception ignored) {
                // committed or rolled back already
            }
            throw e;
        }
    }

    /** 长寿路街道's own plan in progress; a failure leaves the district's year as it is. */
    private void town(String tenant) {
        try {
            DemoTownWriter.Outcome o =
                    inTransaction(
                            tenant,
                            () ->
                                    townWriter.write(
                                            tenant, DemoScript.planYear(LedgerClock.today())));
            if (o.plan() != null)
                LOG.info(() -> "Demo town plan written in " + tenant + ": " + o.tasks() + " tasks");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Demo town plan for tenant " + tenant + " not written", e);
        }
    }

    /**
     * ANALYZE of the tables the steps read, as the schema owner (only the owner may; the
     * application's role may not). Demo mode only: the owner's connection is opened for this and
     * closed, as for the migrations.
     */
    private static void analyze() throws Exception {
        String url = Settings.required("duban.db.url", "DUBAN_DB_URL");
        Properties login = new Properties();
        login.setProperty(
                "user", Settings.get("duban.db.owner-user", "DUBAN_DB_OWNER_USER", "duban_owner"));
        login.setProperty(
                "password",
                Settings.required("duban.db.owner-password", "DUBAN_DB_OWNER_PASSWORD"));
        Driver driver =
                (Driver)
                        Class.forName(
                                        "org.postgresql.Driver",
                                        true,
                                        DemoYear.class.getClassLoader())
                                .getDeclaredConstructor()
                                .newInstance();
        try (Connection c = driver.connect(url, login);
                Statement s = c.createStatement()) {
            s.execute(
                    "analyze task, task_checkpoint, progress_report, plan, plan_point, plan_section,"
                            + " unit, inbox_message, audit_log");
        }
    }
}
