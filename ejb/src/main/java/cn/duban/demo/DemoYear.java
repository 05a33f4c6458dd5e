package cn.duban.demo;

import cn.duban.ledger.LedgerClock;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At deployment, with {@code duban.demo.year=<tenant>} ({@code DUBAN_DEMO_YEAR}; only the run
 * command sets it), writes the demo year into that tenant if it is not there yet: one transaction,
 * so a failed run leaves nothing behind and the next start tries again. Without the setting it does
 * nothing.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "AuditKeyring", "AuditSealer", "Printing"})
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoYear {

    private static final Logger LOG = Logger.getLogger(DemoYear.class.getName());

    /**
     * Seconds the year's transaction may take. It took 562 and 593 s in full CI runs of session 6
     * and 791 s in session 7's (155 s on an idle machine): 900 s left too little room on a busy
     * machine. Writing the year in smaller transactions is the real fix (see the closing notes).
     */
    private static final int TIMEOUT_SECONDS = 1_800;

    @EJB DemoYearWriter writer;

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
            tx.setTransactionTimeout(TIMEOUT_SECONDS);
            tx.begin();
            // The tenant's system caller opens the transaction, as a timer's work does: row-level
            // security and Hibernate's tenant filter hold every step inside this one tenant.
            DemoYearWriter.Outcome[] outcome = new DemoYearWriter.Outcome[1];
            Caller.runAs(
                    Caller.system(tenant),
                    () -> outcome[0] = writer.write(tenant, LedgerClock.today()));
            tx.commit();
            long ms = (System.nanoTime() - started) / 1_000_000;
            DemoYearWriter.Outcome o = outcome[0];
            LOG.info(
                    () ->
                            o.written()
                                    ? "Demo year "
                                            + o.year()
                                            + " written in tenant "
                                            + tenant
                                            + " in "
                                            + ms
                                            + " ms: "
                                            + o.tasks()
                                            + " tasks, steps "
                                            + o.steps()
                                    : "Demo year "
                                            + o.year()
                                            + " already in tenant "
                                            + tenant
                                            + " (checked in "
                                            + ms
                                            + " ms)");
        } catch (Exception e) {
            try {
                tx.rollback();
            } catch (Exception ignored) {
                // nothing was begun, or it is rolled back already
            }
            // The application still starts: the demo year is a convenience, not a service.
            LOG.log(Level.WARNING, "Demo year for tenant " + tenant + " not written", e);
        }
    }
}
