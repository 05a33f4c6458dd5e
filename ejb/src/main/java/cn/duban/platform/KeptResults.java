package cn.duban.platform;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Kept results of heavy derived reads (rankings, the leaders' dashboard, the colour cards), per
 * node, checked against the database on every read so that they are never stale, on any node of a
 * cluster and on the read replica.
 *
 * <p>Each write statement on a table those reads depend on notes its transaction in {@code
 * scoring_write} (a trigger, V41: no write path can forget it). A result is kept with the snapshot
 * ({@code pg_current_snapshot()}) taken before it was computed; it is used again only while no
 * write of its tenant (or a tenant-less one) exists that this snapshot does not see. That check is
 * one indexed query on the same connection the read would use, so a caller who has just written
 * (read-your-writes, {@link cn.duban.platform.replica.ReplicaReads}) or a write committed on
 * another node is seen at once. A result computed inside a transaction that has itself written is
 * not kept (it could still roll back).
 *
 * <p>The work must depend on nothing but the key and the database rows of those tables: put every
 * parameter (period, day, scheme year, ...) into the key.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class KeptResults {

    static final int MAX_ENTRIES = 2_000;

    /** One kept result: the snapshot it was computed under, and the result. */
    private record Kept(String snapshot, Object value) {}

    private final Map<List<Object>, Kept> kept =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, Kept> eldest) {
                    return size() > MAX_ENTRIES;
                }
            };

    private final AtomicLong hits = new AtomicLong(), misses = new AtomicLong();

    /**
     * The kept result for this tenant and key if no write since makes it stale, else the work's
     * result, kept. em is the entity manager the work reads with (primary or replica).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(EntityManager em, String tenant, List<Object> key, Supplier<T> work) {
        List<Object> k = new java.util.ArrayList<>(key.size() + 2);
        // Per data source (primary, replica): each one's results stay consistent with what it
        // shows, so a lagging replica answers as it did, not with the primary's newer result.
        k.add(em.getEntityManagerFactory());
        k.add(tenant);
        k.addAll(key);
        k = List.copyOf(k);
        Kept old;
        synchronized (kept) {
            old = kept.get(k);
        }
        // The snapshot is taken before the work reads anything: a write the work sees but the
        // snapshot does not only makes the kept result stale early, never late.
        Object[] now =
                (Object[])
                        em.createNativeQuery(
                                        "select pg_current_snapshot()::text,"
                                                + " pg_current_xact_id_if_assigned() is null,"
                                                + " ?2 <> '' and not exists (select 1 from scoring_write w"
                                                + " where w.tenant_id in (?1, '*')"
                                                + " and w.txid >= pg_snapshot_xmin(cast(nullif(?2, '') as pg_snapshot))"
                                                + " and not pg_visible_in_snapshot(w.txid, cast(nullif(?2, '') as pg_snapshot)))"
                                                + " and (select max(upto) from scoring_write_pruned)"
                                                + " <= pg_snapshot_xmin(cast(nullif(?2, '') as pg_snapshot))")
                                .setParameter(1, tenant)
                                .setParameter(2, old == null ? "" : old.snapshot())
                                .getSingleResult();
        if (old != null && Boolean.TRUE.equals(now[2])) {
            hits.incrementAndGet();
            return (T) old.value();
        }
        misses.incrementAndGet();
        T value = work.get();
        if (Boolean.TRUE.equals(now[1]) && value != null) {
            synchronized (kept) {
                kept.put(k, new Kept((String) now[0], value));
            }
        }
        return value;
    }

    /** Reads answered from a kept result, and computed, since start (for the operators, tests). */
    public Map<String, Long> counts() {
        return Map.of("hits", hits.get(), "misses", misses.get());
    }
}
