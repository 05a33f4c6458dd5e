package cn.duban.city;

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
 * The daily report up at 06:30 Beijing time: every district with a city sends its snapshot when it
 * differs from the last one sent (the same figures are not sent twice); each district in its own
 * transaction, as its system caller, by one node of the cluster ({@link ClusterJob#CITY_REPORTS}).
 */
@Singleton
@Lock(LockType.READ)
public class CityReportScheduler {

    private static final Logger LOG = Logger.getLogger(CityReportScheduler.class.getName());

    @EJB OncePerCluster once;

    @EJB CityReports reports;

    @Schedule(
            hour = "6",
            minute = "30",
            timezone = "Asia/Shanghai",
            persistent = false,
            info = "duban-daily-city-reports")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void daily() {
        once.eachTenant(ClusterJob.CITY_REPORTS, LOG, this::forTenant);
    }

    /** One district's report, as its system caller (also the operator's re-run). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Object forTenant(Tenant t) {
        return reports.sendIfChanged();
    }
}
