package cn.duban.tenant;

import cn.duban.platform.Caller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The claims of {@link ClusterJob} slots in {@code job_run} (V37): the database, not a lock
 * service, decides which node runs a slot. Each call is its own transaction, committed before the
 * work starts, so the other nodes see the claim at once and the work's own transactions never roll
 * it back. The row is the current caller's tenant's (row-level security): a tenant's system caller
 * for a tenant's job, the platform's system caller (tenant '') for a platform job.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobRuns {

    /** This server's name in {@code job_run.node}: WildFly's node name, else the host name. */
    public static final String NODE = node();

    @PersistenceContext EntityManager em;

    /**
     * Claims the slot for this node: true when this node inserted the row and so runs the job,
     * false when another node (or an earlier run) already has it.
     */
    public boolean claim(String tenantId, String job, String slot) {
        requireOwnTenant(tenantId);
        return em.createNativeQuery(
                                "insert into job_run (tenant_id, job, slot, node) values (?1, ?2, ?3, ?4)"
                                        + " on conflict do nothing")
                        .setParameter(1, tenantId)
                        .setParameter(2, job)
                        .setParameter(3, slot)
                        .setParameter(4, NODE)
                        .executeUpdate()
                == 1;
    }

    /**
     * Takes over a slot that was claimed and never finished (its node failed or died mid-run): true
     * when it was such a slot and is now this node's, false when it was finished or never claimed.
     */
    public boolean takeOver(String tenantId, String job, String slot) {
        requireOwnTenant(tenantId);
        return em.createNativeQuery(
                                "update job_run set node = ?4, started_at = now()"
                                        + " where tenant_id = ?1 and job = ?2 and slot = ?3"
                                        + " and finished_at is null")
                        .setParameter(1, tenantId)
                        .setParameter(2, job)
                        .setParameter(3, slot)
                        .setParameter(4, NODE)
                        .executeUpdate()
                == 1;
    }

    /** Notes that the slot's work is done. */
    public void finish(String tenantId, String job, String slot) {
        requireOwnTenant(tenantId);
        em.createNativeQuery(
                        "update job_run set finished_at = now()"
                                + " where tenant_id = ?1 and job = ?2 and slot = ?3")
                .setParameter(1, tenantId)
                .setParameter(2, job)
                .setParameter(3, slot)
                .executeUpdate();
    }

    // Row-level security would hide a mismatch (the insert fails its check, the update finds
    // nothing); saying so is clearer.
    private static void requireOwnTenant(String tenantId) {
        String current = Caller.currentTenant().orElse(ClusterJob.PLATFORM);
        if (!current.equals(tenantId)) {
            throw new IllegalStateException(
                    "job_run of " + tenantId + " claimed as caller of '" + current + "'");
        }
    }

    private static String node() {
        String name = System.getProperty("jboss.node.name");
        if (name != null && !name.isBlank()) return name;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
