package cn.duban.tenant;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** Tenants, managed by the platform operator. */
@Stateless
public class TenantService {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    @PersistenceContext EntityManager em;

    @Inject TenantProvisioner provisioner;

    @jakarta.ejb.EJB cn.duban.audit.OperatorAudit operatorAudit;

    @jakarta.ejb.EJB cn.duban.tenant.offboard.Tombstones tombstones;

    public List<Tenant> list() {
        Caller.require(Caller.PLATFORM_ADMIN);
        return em.createQuery("select t from Tenant t order by t.createdAt, t.id", Tenant.class)
                .getResultList();
    }

    /** One tenant for the operator, or 404 {@code tenant.not-found}. */
    public Tenant get(String id) {
        Caller.require(Caller.PLATFORM_ADMIN);
        Tenant t = id == null ? null : em.find(Tenant.class, id);
        if (t == null) throw DubanException.notFound("tenant.not-found", "租户不存在。");
        return t;
    }

    /**
     * 409 when the code or the name is held by a tenant, or the code was a deleted tenant's: audit
     * records, exports and the tombstone name districts by code, so a code names one district
     * forever.
     */
    public void requireAvailable(TenantInput input) {
        Caller.require(Caller.PLATFORM_ADMIN);
        if (input.id() != null && tombstones.exists(input.id())) {
            throw DubanException.conflict(
                    "tenant.code-retired", "租户代码“" + input.id() + "”曾属于已删除的租户，不能再用，请换一个。");
        }
        if (list().stream()
                .anyMatch(t -> t.getId().equals(input.id()) || t.getName().equals(input.name()))) {
            throw DubanException.conflict("tenant.exists", "租户代码或名称已存在。");
        }
    }

    /**
     * The caller's own tenant row (the page header, its time zone): a district's people and a
     * city's viewers (市级查看) alike; only their own row, which the tenant table's policy shows.
     */
    public Tenant mine() {
        Caller caller = Caller.requireTenant(TENANT_ROLES);
        Tenant t = em.find(Tenant.class, caller.tenantId());
        if (t == null) throw DubanException.notFound("tenant.not-found", "租户不存在。");
        return t;
    }

    private static final String[] TENANT_ROLES =
            cn.duban.platform.Role.TENANT_ROLES.toArray(String[]::new);

    /**
     * Creates a tenant with its units in one transaction. The work runs inside the new tenant
     * (Hibernate's tenant and PostgreSQL's app.tenant_id), which is only possible in a transaction
     * that starts after the tenant is chosen, hence no transaction here.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Tenant create(TenantInput input) {
        Caller caller = Caller.require(Caller.PLATFORM_ADMIN);
        if (input.id() == null || !ID.matcher(input.id()).matches()) {
            throw DubanException.badRequest(
                    "tenant.id-invalid",
                    "租户代码“" + input.id() + "”无效：应以小写字母开头，只含小写字母、数字和连字符，2至40位。");
        }
        if (input.name() == null || input.name().isEmpty() || input.name().length() > 100) {
            throw DubanException.badRequest("tenant.name-invalid", "租户名称不能为空，且不超过100字。");
        }
        requireAvailable(input);
        AtomicReference<Tenant> created = new AtomicReference<>();
        Caller.runAs(
                new Caller(caller.username(), input.id(), null, caller.roles()),
                () -> created.set(provisioner.provision(input)));
        // The system administrator's action on the operators' trail (三员分立).
        operatorAudit.record(
                cn.duban.audit.OperatorAction.TENANT_CREATED, input.id(), input.name());
        return created.get();
    }
}
