package cn.duban.tenant;

import cn.duban.audit.OperatorAction;
import cn.duban.audit.OperatorAudit;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the schedulers run their jobs once per cluster: every node's timer fires, each names the
 * job's slot of now ({@link ClusterJob#slot}), and only the node whose claim in {@code job_run}
 * wins does the work, per tenant ({@link EachTenant}) or once for the platform. Not transactional
 * itself: each claim, each piece of work and each finish is its own transaction.
 *
 * <p>And the operator's re-run of a missed slot ({@link #runMissed}): a slot nobody claimed (every
 * node was down), or one whose node failed or died mid-run (claimed, never finished; only with
 * {@code takeOver}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OncePerCluster {

    private static final Logger LOG = Logger.getLogger(OncePerCluster.class.getName());

    @EJB TenantService tenants;

    @EJB JobRuns runs;

    @EJB OperatorAudit operatorAudit;

    /** What a re-run did: the tenant, job and slot, and the work's own answer. */
    public record Run(String tenant, String job, String slot, boolean tookOver, String result) {}

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

    /**
     * Runs a tenant's job for a slot by hand (system administrator): 404 for an unknown tenant or
     * job (a platform job has its own endpoint), 400 for a slot not in the job's form or still to
     * come, 409 when the slot is claimed (finished, or unfinished without {@code takeOver}). The
     * work does what is due now, as the missed timer would have, and the run is on the operators'
     * trail ({@link OperatorAction#JOB_RUN}).
     */
    public Run runMissed(
            String tenantId,
            String jobCode,
            String slot,
            boolean takeOver,
            Function<ClusterJob, Function<Tenant, Object>> works) {
        Caller.require(Caller.PLATFORM_ADMIN);
        ClusterJob job =
                ClusterJob.ofCode(jobCode)
                        .filter(j -> !j.isPlatform())
                        .orElseThrow(() -> DubanException.notFound("job.not-found", "没有这个定时任务。"));
        Tenant tenant = tenants.get(tenantId);
        Optional<Instant> start = job.slotStart(slot);
        if (start.isEmpty()) {
            throw DubanException.badRequest(
                    "job.slot-invalid", "时段不符合该任务的格式（如 2026-12-02、2026-12 或 2026-12-02T10:15）。");
        }
        if (start.get().isAfter(Instant.now())) {
            throw DubanException.badRequest("job.slot-future", "该时段尚未到来，不能补跑。");
        }
        Function<Tenant, Object> work = works.apply(job);
        AtomicReference<Run> done = new AtomicReference<>();
        Caller.runAs(
                Caller.system(tenant.getId()),
                () -> {
                    boolean claimed = runs.claim(tenant.getId(), job.code(), slot);
                    boolean tookOver =
                            !claimed && takeOver && runs.takeOver(tenant.getId(), job.code(), slot);
                    if (!claimed && !tookOver) {
                        throw DubanException.conflict(
                                "job.slot-claimed",
                                takeOver ? "该时段已运行完毕。" : "该时段已由其他节点认领；若该节点中途失败，请以 takeOver 接管。");
                    }
                    Object result = work.apply(tenant);
                    runs.finish(tenant.getId(), job.code(), slot);
                    done.set(
                            new Run(
                                    tenant.getId(),
                                    job.code(),
                                    slot,
                                    tookOver,
                                    String.valueOf(result)));
                });
        Run run = done.get();
        operatorAudit.record(
                OperatorAction.JOB_RUN,
                tenant.getId(),
                "job=" + job.code() + " slot=" + slot + (run.tookOver() ? " takeOver" : ""));
        LOG.info(() -> "Job run by hand: " + run);
        return run;
    }
}
