package cn.duban.circular;

import cn.duban.ledger.LedgerClock;
import cn.duban.tenant.EachTenant;
import cn.duban.tenant.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * Drafts each tenant's monthly and quarterly circulars on the first of the month, one transaction
 * per tenant.
 */
@Singleton
public class CircularScheduler {

    private static final Logger LOG = Logger.getLogger(CircularScheduler.class.getName());

    @EJB TenantService tenants;

    @EJB CircularService circulars;

    @Schedule(
            dayOfMonth = "1",
            hour = "7",
            minute = "30",
            timezone = "Asia/Shanghai",
            persistent = false,
            info = "duban-circular-drafts")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void monthly() {
        EachTenant.run(
                tenants, LOG, "Circular drafts", t -> circulars.draftDue(LedgerClock.today()));
    }
}
