package cn.duban.ledger;

import cn.duban.platform.AppClock;
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
 * Chases unacknowledged tasks (催签收) every half hour of the office day: a receipt falls due at any
 * working hour, and the daily 08:00 run would chase a task due at 09:30 a day late. Every tenant in
 * its own transaction; each task is chased once ({@link ReceiptService#chase}), and each half hour
 * is run by one node of the cluster ({@link ClusterJob#RECEIPT_CHASE}).
 */
@Singleton
@Lock(LockType.READ)
public class ReceiptScheduler {

    private static final Logger LOG = Logger.getLogger(ReceiptScheduler.class.getName());

    @EJB OncePerCluster once;

    @EJB ReceiptService receipts;

    @Schedule(
            hour = "9-17",
            minute = "*/30",
            timezone = "Asia/Shanghai",
            persistent = false,
            info = "duban-receipt-chase")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void chase() {
        once.eachTenant(ClusterJob.RECEIPT_CHASE, LOG, this::forTenant);
    }

    /** One tenant's chase, as its system caller (also the operator's re-run). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Object forTenant(Tenant t) {
        return receipts.chase(AppClock.now());
    }
}
