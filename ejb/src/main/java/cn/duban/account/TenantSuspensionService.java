package cn.duban.account;

import cn.duban.audit.OperatorAction;
import cn.duban.audit.OperatorAudit;
import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import cn.duban.tenant.Tenant;
import cn.duban.tenant.TenantService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The platform operator suspends (停用) and resumes a tenant. While suspended nobody of it can work:
 * the request filter refuses its callers with {@code tenant.suspended} within {@link
 * DisabledAccounts}' cache time (the same mechanism as a disabled account, no second one), and its
 * users are disabled in Keycloak so that nobody can log in; the timers skip it. Resuming re-enables
 * exactly the users the suspension disabled.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantSuspensionService {

    @EJB TenantService tenants;

    @EJB TenantSuspension suspension;

    @Inject KeycloakDirectory directory;

    @EJB OperatorAudit operatorAudit;

    /** The outcome: the tenant's state and how many Keycloak users were switched. */
    public record Outcome(
            String tenantId, Instant suspendedAt, int usersSwitched, int directoryFailures) {}

    public Outcome suspend(String tenantId) {
        Caller caller = Caller.require(Role.PLATFORM_ADMIN);
        requireExists(tenantId);
        List<TenantSuspension.Held> enabled =
                directory.usersOfTenant(tenantId).stream()
                        .filter(DirectoryUser::enabled)
                        .map(u -> new TenantSuspension.Held(u.id(), u.username()))
                        .toList();
        Tenant tenant = inside(caller, tenantId, () -> suspension.suspend(enabled));
        int failed = suspension.disableInDirectory(enabled);
        // The tenant's chain has it too; the audit administrator reads only the operators' trail.
        operatorAudit.record(
                OperatorAction.TENANT_SUSPENDED,
                tenantId,
                "users=" + (enabled.size() - failed) + " failed=" + failed);
        return new Outcome(tenantId, tenant.getSuspendedAt(), enabled.size() - failed, failed);
    }

    public Outcome resume(String tenantId) {
        Caller caller = Caller.require(Role.PLATFORM_ADMIN);
        requireExists(tenantId);
        int enabled = inside(caller, tenantId, () -> suspension.resume());
        operatorAudit.record(OperatorAction.TENANT_RESUMED, tenantId, "users=" + enabled);
        return new Outcome(tenantId, null, enabled, 0);
    }

    /** 404 for an unknown id, before anything runs inside it. */
    private void requireExists(String tenantId) {
        if (tenantId == null
                || tenants.list().stream().noneMatch(t -> t.getId().equals(tenantId))) {
            throw TenantSuspension.notFound();
        }
    }

    private static <T> T inside(Caller caller, String tenantId, Supplier<T> work) {
        AtomicReference<T> out = new AtomicReference<>();
        Caller.runAs(
                new Caller(caller.username(), tenantId, null, caller.roles()),
                () -> out.set(work.get()));
        return out.get();
    }
}
