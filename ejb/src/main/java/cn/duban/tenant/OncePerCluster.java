package cn.duban.tenant;

import cn.duban.platform.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the schedulers run their jobs once per cluster: every node's timer fires, each names the
 * job's slot of now ({@link ClusterJob#slot}), and only the node whose claim in {@code job_run}
 * wins does the work, per tenant ({@link EachTenant}) or once for the platform. Not transactional
 * itself: each claim, each piece of work and each finish is its own transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OncePerCluster {

    @EJB TenantService tenants;

    @EJB JobRuns runs;

    /** The job's slot of now for every supervising tenant, where this node wins the claim. */
    public List<String> eachTenant(ClusterJob job, Logger log, Function<Tenant, Object> work) {
        return EachTenant.run(tenants, runs, job, job.slot(Instant.now()), log, work);
    }

    /**
     * A platform job's slot of now, as the platform's system caller (tenant ''), where this node
     * wins the claim: true when it ran here. A failure is logged and leaves the slot unfinished.
     */
    public boolean platform(ClusterJob job, Logger log, Runnable work) {
        String slot = job.slot(Instant.now());
        AtomicReference<Boolean> ran = new AtomicReference<>(false);
        Caller.runAs(
                Caller.platformSystem(),
                () -> {
                    try {
                        if (!runs.claim(ClusterJob.PLATFORM, job.code(), slot)) {
                            log.fine(() -> job.code() + " " + slot + ": claimed elsewhere");
                            return;
                        }
                        work.run();
                        runs.finish(ClusterJob.PLATFORM, job.code(), slot);
                        ran.set(true);
                    } catch (RuntimeException e) {
                        log.log(Level.WARNING, job.code() + " " + slot + " failed", e);
                    }
                });
        return ran.get();
    }
}
