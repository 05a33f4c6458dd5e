package cn.duban.platform;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Gives Hibernate the tenant of the current caller for {@code @TenantId} columns. Without a tenant
 * it answers a value no tenant can have, so a forgotten context reads nothing and cannot write into
 * a real tenant.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

    /** Not a valid tenant id (see the check constraint on tenant.id). */
    public static final String NO_TENANT = "-";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return Caller.currentTenant().orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
