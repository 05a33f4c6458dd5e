package cn.duban.ledger;

import cn.duban.ledger.colour.ColourSweep;
import cn.duban.ledger.escalation.EscalationSweep;
import cn.duban.tenant.EachTenant;
import cn.duban.tenant.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * The daily run at 08:00 Beijing time: first the colours (which tasks are red today, which have
 * caught up), then the reminders, then the escalation ladder (after the day's overdue notice);
 * every tenant in its own transaction, so one tenant's failure neither stops nor rolls back
 * another's.
 */
@Singleton
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class.getName());

    @EJB TenantService tenants;

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
        EachTenant.run(tenants, LOG, "Colours", t -> colours.sweep(LedgerClock.today()));
        EachTenant.run(tenants, LOG, "Reminders", t -> reminders.daily(LedgerClock.today()));
        EachTenant.run(tenants, LOG, "Escalation ladder", t -> ladder.run());
    }
}
