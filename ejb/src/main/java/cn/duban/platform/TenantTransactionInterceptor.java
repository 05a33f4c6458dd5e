package cn.duban.platform;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Default interceptor of every EJB (see META-INF/ejb-jar.xml): at the first business call of a
 * transaction it tells PostgreSQL which tenant the transaction belongs to. The settings are
 * transaction-local ({@code set_config(..., true)}), so a pooled connection never carries a tenant
 * into the next transaction, and row-level security hides every row when no tenant was set.
 */
public class TenantTransactionInterceptor {

    private static final Object APPLIED = TenantTransactionInterceptor.class;

    @PersistenceContext EntityManager em;

    @Resource TransactionSynchronizationRegistry tsr;

    /**
     * The bean instance whose call began the transaction's tenant context (the first business call
     * in it): {@link cn.duban.platform.replica.ReplicaReads} routes a read only for the bean that
     * began its transaction, in which nothing can have been written yet.
     */
    public static final Object FIRST_BEAN = new Object();

    @AroundInvoke
    public Object applyTenant(InvocationContext ctx) throws Exception {
        if (tsr.getTransactionStatus() == Status.STATUS_ACTIVE) {
            String key = key();
            Object applied = tsr.getResource(APPLIED);
            if (!key.equals(applied)) {
                apply(em, key);
                if (applied == null) tsr.putResource(FIRST_BEAN, ctx.getTarget());
                tsr.putResource(APPLIED, key);
            }
        }
        return ctx.proceed();
    }

    /**
     * Sets the current caller's tenant on the transaction of the entity manager, as on every
     * transaction of the primary: also used for the replica's read-only transactions.
     */
    public static void apply(EntityManager em) {
        apply(em, key());
    }

    private static String key() {
        Caller caller = Caller.current().orElse(null);
        String tenant = caller == null ? "" : Caller.currentTenant().orElse("");
        boolean platform = caller != null && caller.hasRole(Caller.PLATFORM_ADMIN);
        // Only the audit administrator reads the operators' trail (row-level security, V11).
        boolean auditor = caller != null && caller.hasRole(Role.AUDIT_ADMIN);
        return tenant + '|' + platform + '|' + auditor;
    }

    private static void apply(EntityManager em, String key) {
        String[] parts = key.split("\\|", -1);
        em.createNativeQuery(
                        "select set_config('app.tenant_id', ?1, true), set_config('app.platform', ?2, true),"
                                + " set_config('app.operator_audit', ?3, true)")
                .setParameter(1, parts[0])
                .setParameter(2, Boolean.parseBoolean(parts[1]) ? "on" : "off")
                .setParameter(3, Boolean.parseBoolean(parts[2]) ? "on" : "off")
                .getSingleResult();
    }
}
