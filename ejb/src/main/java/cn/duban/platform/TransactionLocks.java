package cn.duban.platform;

import jakarta.persistence.EntityManager;

/**
 * A lock by name held until the transaction ends (PostgreSQL's transaction-level advisory lock):
 * what is numbered or run once per tenant (文号, a daily run) is serialised across servers.
 */
public final class TransactionLocks {

    private TransactionLocks() {}

    /** Waits for the lock named {@code key}; it is released when the transaction ends. */
    public static void lock(EntityManager em, String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:k))")
                .setParameter("k", key)
                .getSingleResult();
    }
}
