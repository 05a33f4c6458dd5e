package cn.duban.tenant;

import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes a new tenant and its units; called by {@link TenantService} inside the new tenant. */
@Stateless
public class TenantProvisioner {

    @PersistenceContext EntityManager em;

    @Inject UnitService units;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Tenant provision(TenantInput input) {
        Caller caller = Caller.require(Caller.PLATFORM_ADMIN);
        if (!input.id().equals(caller.tenantId())) {
            throw new IllegalStateException("provision must run inside the new tenant");
        }
        if (em.find(Tenant.class, input.id()) != null) {
            throw DubanException.conflict("tenant.exists", "租户代码“" + input.id() + "”已存在。");
        }
        if (em.createQuery("select count(t) from Tenant t where t.name = :n", Long.class)
                        .setParameter("n", input.name())
                        .getSingleResult()
                > 0) {
            throw DubanException.conflict("tenant.name-taken", "租户名称“" + input.name() + "”已存在。");
        }
        Tenant tenant = new Tenant(input.id(), input.name());
        tenant.setKind(input.kind());
        em.persist(tenant);
        em.flush();
        em.refresh(tenant);

        Set<String> codes = input.units().stream().map(UnitInput::code).collect(Collectors.toSet());
        if (codes.size() != input.units().size()) {
            throw DubanException.badRequest("unit.code-duplicate", "单位代码有重复。");
        }
        Map<String, Unit> created = new HashMap<>();
        for (UnitInput u : input.units()) {
            Unit unit = units.newUnit(u, codes);
            em.persist(unit);
            em.flush();
            created.put(u.code(), unit);
        }
        for (UnitInput u : input.units()) {
            if (u.parentCode() != null && codes.contains(u.parentCode())) {
                if (u.parentCode().equals(u.code())) {
                    throw DubanException.badRequest("unit.parent-invalid", "单位不能以自身为上级。");
                }
                created.get(u.code()).setParent(created.get(u.parentCode()));
            }
        }
        return tenant;
    }
}
