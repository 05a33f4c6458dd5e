package cn.duban.account;

import cn.duban.platform.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/** The {@code disabled_account} rows of the caller's tenant. */
@Stateless
public class DisabledAccountStore {

    @PersistenceContext EntityManager em;

    @Resource TransactionSynchronizationRegistry tsr;

    /**
     * Id and login name of each disabled account of the current tenant (row-level security picks
     * the tenant).
     */
    public List<Object[]> rows() {
        return em.createQuery("select d.userId, d.username from DisabledAccount d", Object[].class)
                .getResultList();
    }

    /**
     * True if the current tenant is suspended (the tenant's own row is visible to its users under
     * row-level security; a tenant that is not found counts as suspended: it is being deleted).
     */
    public boolean tenantSuspended() {
        List<java.time.Instant> at =
                em.createQuery(
                                "select t.suspendedAt from Tenant t where t.id = :id",
                                java.time.Instant.class)
                        .setParameter("id", Caller.currentTenant().orElse(""))
                        .getResultList();
        return at.isEmpty() || at.get(0) != null;
    }

    /** Lists the account as disabled, in the caller's transaction. */
    public void add(String userId, String username) {
        Caller caller = Caller.requireTenant(cn.duban.platform.Role.DISTRICT_ADMIN);
        if (em.find(DisabledAccount.class, userId) == null) {
            em.persist(new DisabledAccount(userId, username, caller.username()));
        }
        forgetAfterCommit(caller.tenantId());
    }

    public void remove(String userId) {
        Caller caller = Caller.requireTenant(cn.duban.platform.Role.DISTRICT_ADMIN);
        DisabledAccount row = em.find(DisabledAccount.class, userId);
        if (row != null) em.remove(row);
        forgetAfterCommit(caller.tenantId());
    }

    /** The cache must not reload before the change is visible, hence after completion, not now. */
    public void forgetAfterCommit(String tenantId) {
        tsr.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) DisabledAccounts.forget(tenantId);
                    }
                });
    }
}
