package cn.duban.city;

import cn.duban.tenant.EachTenant;
import cn.duban.tenant.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;

/**
 * The daily report up at 06:30 Beijing time: every district with a city sends its snapshot when it
 * differs from the last one sent (the same figures are not sent twice); each district in its own
 * transaction, as its system caller.
 */
@Singleton
public class CityReportScheduler {

    private static final Logger LOG = Logger.getLogger(CityReportScheduler.class.getName());

    @EJB TenantService tenants;

    @EJB CityReports reports;

    @Schedule(
            hour = "6",
            minute = "30",
            timezone = "Asia/Shanghai",
            persistent = false,
            info = "duban-daily-city-reports")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void daily() {
        EachTenant.run(tenants, LOG, "City report", t -> reports.sendIfChanged());
    }
}
