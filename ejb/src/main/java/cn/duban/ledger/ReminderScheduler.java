package cn.duban.ledger;

import cn.duban.tenant.EachTenant;
import cn.duban.tenant.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * The daily reminder run at 08:00 Beijing time: every tenant in its own transaction, so one
 * tenant's failure neither stops nor rolls back another's notices.
 */
@Singleton
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class.getName());

    @EJB TenantService tenants;

    @EJB ReminderService reminders;

    @Schedule(
            hour = "8",
            minute = "0",
            timezone = "Asia/Shanghai",
            persistent = false,
            info = "duban-daily-reminders")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void daily() {
        EachTenant.run(tenants, LOG, "Reminders", t -> reminders.daily(LedgerClock.today()));
    }
}
