package cn.duban.tenant;

import cn.duban.platform.Caller;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background work (timers) done once per tenant, as that tenant's system caller. Each call of the
 * work is its own transaction when it is an EJB method; one tenant's failure is logged and does not
 * stop the others. Suspended tenants and cities (which run no supervision) are skipped.
 */
public final class EachTenant {

    private EachTenant() {}

    public static void run(
            TenantService tenants, Logger log, String what, Function<Tenant, Object> work) {
        AtomicReference<List<Tenant>> all = new AtomicReference<>();
        Caller.runAs(Caller.platformSystem(), () -> all.set(tenants.list()));
        for (Tenant tenant : all.get()) {
            // A suspended district gets no reminders, drafts or mail until it is resumed.
            if (tenant.isSuspended()) {
                log.fine(() -> what + " skipped for suspended tenant " + tenant.getId());
                continue;
            }
            // A city runs no supervision of its own: it only receives its districts' snapshots.
            if (tenant.getKind() == TenantKind.CITY) continue;
            try {
                Caller.runAs(
                        Caller.system(tenant.getId()),
                        () -> {
                            Object result = work.apply(tenant);
                            log.info(() -> what + " for " + tenant.getId() + ": " + result);
                        });
            } catch (RuntimeException e) {
                log.log(Level.WARNING, what + " for tenant " + tenant.getId() + " failed", e);
            }
        }
    }
}
