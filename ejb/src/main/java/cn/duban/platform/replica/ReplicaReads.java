package cn.duban.platform.replica;

import cn.duban.platform.Caller;
import cn.duban.platform.Settings;
import cn.duban.platform.TenantTransactionInterceptor;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Heavy read-only work on the streaming replica, when one is configured ({@code
 * DUBAN_DB_REPLICA_URL}): the read runs in a local read-only transaction of its own on the replica
 * (persistence unit duban-read, data source DubanReadDS, not enlisted in JTA), with the caller's
 * tenant set on it exactly as on the primary, so row-level security holds there too. {@link
 * ReplicaRoute} decides per read whether the replica is fresh enough, for everyone and for a caller
 * who has just written; else, or when the replica cannot be reached, the read runs on the primary
 * in the caller's transaction, as without a replica.
 *
 * <p>Only a bean that began its transaction is routed (see {@link
 * TenantTransactionInterceptor#FIRST_BEAN}): called from inside other work, which may have written
 * in the same transaction, the read stays on the primary and sees those writes.
 *
 * <p>Who wrote when is kept in memory on this node ({@link #beginWrite} and {@link #endWrite},
 * noted by the web layer around each request that may write): with several nodes and no sticky
 * sessions a caller's next read may land on a node that does not know of the write; the staleness
 * bound still holds there.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReplicaReads {

    private static final Logger LOG = Logger.getLogger(ReplicaReads.class.getName());

    static final boolean CONFIGURED =
            Settings.get("duban.db.replica-url", "DUBAN_DB_REPLICA_URL", null) != null;

    static final Duration MAX_LAG =
            ReplicaRoute.parseBound(
                    Settings.get("duban.db.replica-max-lag", "DUBAN_DB_REPLICA_MAX_LAG", "5s"));

    @PersistenceUnit(unitName = "duban-read")
    EntityManagerFactory replicaUnit;

    @PersistenceContext EntityManager primary;

    @Resource TransactionSynchronizationRegistry tsr;

    /** Per caller (tenant and user name): their requests that may write. */
    private final Map<String, Mark> writes = new ConcurrentHashMap<>();

    /** Reads per reason ({@link ReplicaRoute.Decision#reason()}, "replica-down", "not-first"). */
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private volatile boolean downLogged;

    /**
     * Runs the read on the replica's entity manager when the rule allows, else on the primary's
     * (the caller's). owner is the calling bean, {@code this}. The work must not write.
     */
    public <T> T read(Object owner, Function<EntityManager, T> work) {
        if (!CONFIGURED) return work.apply(primary);
        if (tsr.getTransactionKey() != null
                && tsr.getResource(TenantTransactionInterceptor.FIRST_BEAN) != owner
                && !Boolean.TRUE.equals(tsr.getResource(ONLY_READS))) {
            count("not-first");
            return work.apply(primary);
        }
        EntityManager replica = null;
        try {
            replica = replicaUnit.createEntityManager();
            replica.getTransaction().begin();
            TenantTransactionInterceptor.apply(replica);
            Object[] state =
                    (Object[])
                            replica.createNativeQuery(
                                            "select pg_last_wal_replay_lsn()::text,"
                                                    + " extract(epoch from now() - pg_last_xact_replay_timestamp())::float8")
                                    .getSingleResult();
            String primaryLsn =
                    (String)
                            primary.createNativeQuery("select pg_current_wal_lsn()::text")
                                    .getSingleResult();
            ReplicaRoute.Decision decision =
                    ReplicaRoute.decide(
                            primaryLsn,
                            (String) state[0],
                            state[1] == null
                                    ? null
                                    : Duration.ofNanos(
                                            (long) (((Number) state[1]).doubleValue() * 1e9)),
                            sinceOwnWrite(),
                            MAX_LAG);
            count(decision.reason());
            downLogged = false;
            if (decision.replica()) return work.apply(replica);
        } catch (PersistenceException e) {
            // The replica cannot be reached, or cancelled the read (a conflict with replay): the
            // read is done again on the primary.
            count("replica-down");
            if (!downLogged) {
                downLogged = true;
                LOG.log(Level.WARNING, "The read replica cannot be read, reading the primary", e);
            }
        } finally {
            if (replica != null) close(replica);
        }
        return work.apply(primary);
    }

    /**
     * Declares that the transaction the calling bean (owner, {@code this}) began only reads: the
     * heavy reads of the beans it calls may then be routed too. Without effect for a bean that did
     * not begin its transaction.
     */
    public void onlyReads(Object owner) {
        if (tsr.getTransactionKey() != null
                && tsr.getResource(TenantTransactionInterceptor.FIRST_BEAN) == owner)
            tsr.putResource(ONLY_READS, Boolean.TRUE);
    }

    private static final Object ONLY_READS = new Object();

    /**
     * A request of the current caller that may write begins: until it ends, their heavy reads go to
     * the primary unless the replica has caught up (the response may reach the client, and the
     * client's next read come in, before the request's {@link #endWrite}).
     */
    public void beginWrite() {
        Caller.current()
                .ifPresent(c -> writes.merge(key(c), new Mark(1, System.nanoTime()), Mark::plus));
    }

    /** That request ended: its writes, if any, are committed. */
    public void endWrite() {
        Caller.current()
                .ifPresent(c -> writes.merge(key(c), new Mark(-1, System.nanoTime()), Mark::plus));
        if (writes.size() > 10_000) {
            long old = System.nanoTime() - MAX_LAG.multipliedBy(2).toNanos();
            writes.values().removeIf(m -> m.inFlight() <= 0 && m.endedAt() - old < 0);
        }
    }

    /** A caller's requests that may write: how many are running, and when the last one ended. */
    record Mark(int inFlight, long endedAt) {
        Mark plus(Mark next) {
            return new Mark(inFlight + next.inFlight, next.inFlight < 0 ? next.endedAt : endedAt);
        }
    }

    /** Reads so far per reason, for the operators and the tests. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Ends the replica's read-only transaction; a broken connection does not hide the answer. */
    private static void close(EntityManager replica) {
        try {
            if (replica.getTransaction().isActive()) replica.getTransaction().rollback();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Rolling back a replica read failed", e);
        } finally {
            replica.close();
        }
    }

    /** The figures of this node's run, once, when the application stops. */
    @PreDestroy
    void logCounts() {
        if (CONFIGURED) LOG.info(() -> "Heavy reads by route since start: " + counts());
    }

    private Duration sinceOwnWrite() {
        Mark m = Caller.current().map(c -> writes.get(key(c))).orElse(null);
        if (m == null) return null;
        return m.inFlight() > 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - m.endedAt());
    }

    private static String key(Caller c) {
        return c.tenantId() + '/' + c.username();
    }

    private void count(String reason) {
        counts.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
        LOG.fine(() -> "replica read: " + reason);
    }
}
