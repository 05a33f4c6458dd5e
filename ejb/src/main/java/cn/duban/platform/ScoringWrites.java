package cn.duban.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * The nightly pruning of {@code scoring_write} (V41, {@link KeptResults}): one row per writing
 * transaction and tenant would grow for ever. The horizon moves to the oldest transaction still
 * running, then every row below it goes, in one transaction: a kept result whose snapshot is older
 * than the horizon counts as stale, so no write is hidden from it. Every node may run it; a second
 * run finds nothing more to delete. Kept results are per day anyway, so the night costs nothing.
 */
@Stateless
public class ScoringWrites {

    private static final Logger LOG = Logger.getLogger(ScoringWrites.class.getName());

    @PersistenceContext EntityManager em;

    @Resource SessionContext context;

    @Schedule(hour = "4", minute = "10", persistent = false, info = "duban-scoring-writes-prune")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scheduled() {
        Caller.runAs(
                Caller.platformSystem(),
                () -> {
                    int pruned = context.getBusinessObject(ScoringWrites.class).prune();
                    LOG.info(() -> "Scoring writes pruned: " + pruned);
                });
    }

    /** Moves the horizon to now's oldest running transaction and deletes the rows below it. */
    public int prune() {
        Caller.require(Caller.PLATFORM_ADMIN);
        em.createNativeQuery(
                        "update scoring_write_pruned set upto ="
                                + " pg_snapshot_xmin(pg_current_snapshot())")
                .executeUpdate();
        return em.createNativeQuery(
                        "delete from scoring_write where txid < (select upto from scoring_write_pruned)")
                .executeUpdate();
    }
}
