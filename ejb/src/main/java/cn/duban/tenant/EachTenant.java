package cn.duban.tenant;

import cn.duban.platform.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background work (timers) done once per tenant, as that tenant's system caller. Each call of the
 * work is its own transaction when it is an EJB method; one tenant's failure is logged and does not
 * stop the others. Suspended tenants and cities (which run no supervision) are skipped.
 *
 * <p>A scheduled job names its slot ({@link ClusterJob#slot}) and runs through {@link
 * #run(TenantService, JobRuns, ClusterJob, String, Logger, Function)}: each tenant's slot is
 * claimed in {@code job_run} first, and a tenant whose slot another node (or an earlier run)
 * claimed is skipped, so the job runs once per tenant however many nodes fire it.
 */
public final class EachTenant {

    private EachTenant() {}

    public static void run(
            TenantService tenants, Logger log, String what, Function<Tenant, Object> work) {
        for (Tenant tenant : supervising(tenants, log, what)) {
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

    /**
     * The job's slot for every tenant, once per cluster: as the tenant's system caller, the slot is
     * claimed (its own committed transaction) and the work done only when this node won the claim;
     * then the slot is marked finished. A tenant whose work fails keeps its slot claimed and
     * unfinished (the operator re-runs it) and the others go on.
     *
     * @return the tenants this node ran the work for (claimed and finished)
     */
    public static List<String> run(
            TenantService tenants,
            JobRuns runs,
            ClusterJob job,
            String slot,
            Logger log,
            Function<Tenant, Object> work) {
        String what = job.code() + " " + slot;
        List<String> ran = new ArrayList<>();
        for (Tenant tenant : supervising(tenants, log, what)) {
            String id = tenant.getId();
            try {
                Caller.runAs(
                        Caller.system(id),
                        () -> {
                            if (!runs.claim(id, job.code(), slot)) {
                                log.fine(() -> what + " for " + id + ": claimed elsewhere");
                                return;
                            }
                            Object result = work.apply(tenant);
                            runs.finish(id, job.code(), slot);
                            ran.add(id);
                            log.info(() -> what + " for " + id + ": " + result);
                        });
            } catch (RuntimeException e) {
                log.log(Level.WARNING, what + " for tenant " + id + " failed", e);
            }
        }
        return ran;
    }

    private static List<Tenant> supervising(TenantService tenants, Logger log, String what) {
        AtomicReference<List<Tenant>> all = new AtomicReference<>();
        Caller.runAs(Caller.platformSystem(), () -> all.set(tenants.list()));
        List<Tenant> out = new ArrayList<>();
        for (Tenant tenant : all.get()) {
            // A suspended district gets no reminders, drafts or mail until it is resumed.
            if (tenant.isSuspended()) {
                log.fine(() -> what + " skipped for suspended tenant " + tenant.getId());
                continue;
            }
            // A city runs no supervision of its own: it only receives its districts' snapshots.
            if (tenant.getKind() == TenantKind.CITY) continue;
            out.add(tenant);
        }
        return out;
    }
}
