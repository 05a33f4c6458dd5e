package cn.duban.ledger;

import cn.duban.platform.Caller;
import cn.duban.tenant.Tenant;
import cn.duban.tenant.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily reminder run at 08:00 Beijing time: every tenant in its own transaction, so one
 * tenant's failure neither stops nor rolls back another's notices.
 */
@Singleton
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class.getName());

    @EJB
    TenantService tenants;

    @EJB
    ReminderService reminders;

    @Schedule(hour = "8", minute = "0", timezone = "Asia/Shanghai", persistent = false, info = "duban-daily-reminders")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void daily() {
        AtomicReference<List<Tenant>> all = new AtomicReference<>();
        Caller.runAs(new Caller("system", null, null, Set.of(Caller.PLATFORM_ADMIN)), () -> all.set(tenants.list()));
        for (Tenant tenant : all.get()) {
            try {
                Caller.runAs(Caller.system(tenant.getId()), () -> {
                    ReminderService.Run run = reminders.daily(LedgerClock.today());
                    LOG.info(() -> "Reminders for " + tenant.getId() + ": " + run);
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reminders for tenant " + tenant.getId() + " failed", e);
            }
        }
    }
}
