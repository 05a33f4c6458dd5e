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

    @AroundInvoke
    public Object applyTenant(InvocationContext ctx) throws Exception {
        if (tsr.getTransactionStatus() == Status.STATUS_ACTIVE) {
            Caller caller = Caller.current().orElse(null);
            String tenant = caller == null ? "" : Caller.currentTenant().orElse("");
            boolean platform = caller != null && caller.hasRole(Caller.PLATFORM_ADMIN);
            // Only the audit administrator reads the operators' trail (row-level security, V11).
            boolean auditor = caller != null && caller.hasRole(Role.AUDIT_ADMIN);
            String key = tenant + '|' + platform + '|' + auditor;
            if (!key.equals(tsr.getResource(APPLIED))) {
                em.createNativeQuery(
                                "select set_config('app.tenant_id', ?1, true), set_config('app.platform', ?2, true),"
                                        + " set_config('app.operator_audit', ?3, true)")
                        .setParameter(1, tenant)
                        .setParameter(2, platform ? "on" : "off")
                        .setParameter(3, auditor ? "on" : "off")
                        .getSingleResult();
                tsr.putResource(APPLIED, key);
            }
        }
        return ctx.proceed();
    }
}
