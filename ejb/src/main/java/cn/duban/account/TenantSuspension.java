package cn.duban.account;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transactions of suspending and resuming a tenant, each inside that tenant (row-level
 * security) with the operator's platform flag (the tenant row's policy). Called by {@link
 * TenantSuspensionService} only, which picks the tenant.
 */
@Stateless
public class TenantSuspension {

    private static final Logger LOG = Logger.getLogger(TenantSuspension.class.getName());

    @PersistenceContext EntityManager em;

    @EJB AuditService audit;

    @EJB DisabledAccountStore disabled;

    @Inject KeycloakDirectory directory;

    /** A user Duban disables for the suspension: re-enabled on resume, and only these. */
    public record Held(String userId, String username) {}

    /**
     * Marks the tenant suspended and records which of its users are enabled now ({@code
     * enabledNow}); committed before Keycloak is touched, so a failure there never loses who must
     * be re-enabled.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Tenant suspend(List<Held> enabledNow) {
        Caller caller = inside();
        Tenant tenant = find(caller.tenantId());
        if (tenant.isSuspended()) {
            throw DubanException.conflict(
                    "tenant.already-suspended", "租户“" + tenant.getName() + "”已处于暂停状态。");
        }
        tenant.setSuspension(Instant.now(), caller.username());
        for (Held h : enabledNow) {
            em.createNativeQuery(
                            "insert into tenant_suspended_user (tenant_id, user_id, username) values (?1, ?2, ?3) "
                                    + "on conflict do nothing")
                    .setParameter(1, caller.tenantId())
                    .setParameter(2, h.userId())
                    .setParameter(3, h.username())
                    .executeUpdate();
        }
        audit.record(
                "tenant.suspended",
                "tenant",
                null,
                "tenant",
                tenant.getId(),
                "users",
                enabledNow.size());
        disabled.forgetAfterCommit(caller.tenantId());
        return tenant;
    }

    /**
     * Re-enables in Keycloak the users the suspension disabled (not those the district itself has
     * disabled), then lifts the suspension. A Keycloak failure rolls it all back; enabling again is
     * harmless, so the operator simply retries.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int resume() {
        Caller caller = inside();
        Tenant tenant = find(caller.tenantId());
        if (!tenant.isSuspended()) {
            throw DubanException.conflict(
                    "tenant.not-suspended", "租户“" + tenant.getName() + "”未处于暂停状态。");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> held =
                em.createNativeQuery(
                                "select s.user_id, s.username from tenant_suspended_user s where s.tenant_id = ?1 "
                                        + "and not exists (select 1 from disabled_account d "
                                        + "where d.tenant_id = s.tenant_id and d.user_id = s.user_id)")
                        .setParameter(1, caller.tenantId())
                        .getResultList();
        List<String> enabled = new ArrayList<>();
        for (Object[] row : held) {
            String id = (String) row[0];
            // A user deleted from Keycloak meanwhile is simply gone.
            if (directory.find(id).isPresent()) {
                directory.setEnabled(id, true);
                enabled.add((String) row[1]);
            }
        }
        em.createNativeQuery("delete from tenant_suspended_user where tenant_id = ?1")
                .setParameter(1, caller.tenantId())
                .executeUpdate();
        tenant.setSuspension(null, null);
        audit.record(
                "tenant.resumed",
                "tenant",
                null,
                "tenant",
                tenant.getId(),
                "users",
                enabled.size());
        disabled.forgetAfterCommit(caller.tenantId());
        return enabled.size();
    }

    /**
     * Disables the held users in Keycloak and ends their sessions, after the suspension committed;
     * the number that failed (logged), which the refusal by the request filter covers meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int disableInDirectory(List<Held> held) {
        int failed = 0;
        for (Held h : held) {
            try {
                directory.setEnabled(h.userId(), false);
                directory.logout(h.userId());
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "Could not disable " + h.username() + " in Keycloak", e);
            }
        }
        return failed;
    }

    private static Caller inside() {
        Caller caller = Caller.require(Role.PLATFORM_ADMIN);
        if (caller.tenantId() == null) {
            throw new IllegalStateException("suspension must run inside the tenant");
        }
        return caller;
    }

    private Tenant find(String id) {
        Tenant tenant = em.find(Tenant.class, id);
        if (tenant == null) throw notFound();
        return tenant;
    }

    static DubanException notFound() {
        return DubanException.notFound("tenant.not-found", "租户不存在。");
    }
}
