package cn.duban.ledger;

import cn.duban.ledger.colour.ColourSweep;
import cn.duban.ledger.escalation.EscalationSweep;
import cn.duban.tenant.ClusterJob;
import cn.duban.tenant.OncePerCluster;
import cn.duban.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily run at 08:00 Beijing time: first the colours (which tasks are red today, which have
 * caught up), then the reminders, then the escalation ladder (after the day's overdue notice);
 * every tenant in its own transaction, so one tenant's failure neither stops nor rolls back
 * another's. Once per cluster: each tenant's day ({@link ClusterJob#DAILY_REMINDERS}) is claimed by
 * one node, which does the three steps for it in that order; a step that fails is logged and the
 * next still runs.
 */
@Singleton
@Lock(LockType.READ)
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class.getName());

    @EJB OncePerCluster once;

    @EJB ReminderService reminders;

    @EJB ColourSweep colours;

    @EJB EscalationSweep ladder;

    @Schedule(
            hour = "8",
            minute = "0",
            timezone = "Asia/Shanghai",
            persistent = false,
            info = "duban-daily-reminders")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void daily() {
        once.eachTenant(ClusterJob.DAILY_REMINDERS, LOG, this::forTenant);
    }

    /**
     * One tenant's day, as its system caller: colours, reminders, ladder (each its own
     * transaction). Also the operator's re-run of a missed day. A failed step does not stop the
     * next; the day then ends in an exception, so that its slot stays unfinished for a re-run
     * (every step sends each notice once).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Object forTenant(Tenant t) {
        List<String> done = new ArrayList<>();
        List<RuntimeException> failed = new ArrayList<>();
        step(done, failed, t, "Colours", () -> colours.sweep(LedgerClock.today()));
        step(done, failed, t, "Reminders", () -> reminders.daily(LedgerClock.today()));
        step(done, failed, t, "Escalation ladder", () -> ladder.run());
        if (!failed.isEmpty()) {
            IllegalStateException e = new IllegalStateException("Daily run incomplete: " + done);
            failed.forEach(e::addSuppressed);
            throw e;
        }
        return done;
    }

    private static void step(
            List<String> done,
            List<RuntimeException> failed,
            Tenant t,
            String what,
            Supplier<Object> work) {
        try {
            done.add(what + ": " + work.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " for tenant " + t.getId() + " failed", e);
            done.add(what + ": failed");
            failed.add(e);
        }
    }
}
