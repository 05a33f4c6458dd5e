package cn.duban.circular;

import cn.duban.ledger.LedgerClock;
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
import java.util.logging.Logger;

/**
 * Drafts each tenant's monthly and quarterly circulars on the first of the month, one transaction
 * per tenant, by one node of the cluster ({@link ClusterJob#CIRCULAR_DRAFTS}).
 */
@Singleton
@Lock(LockType.READ)
public class CircularScheduler {

    private static final Logger LOG = Logger.getLogger(CircularScheduler.class.getName());

    @EJB OncePerCluster once;

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
        once.eachTenant(ClusterJob.CIRCULAR_DRAFTS, LOG, this::forTenant);
    }

    /** One tenant's drafts, as its system caller (also the operator's re-run). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Object forTenant(Tenant t) {
        return circulars.draftDue(LedgerClock.today());
    }
}
