package cn.duban.tenant.offboard;

import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The recorded exports of the current tenant (row-level security picks it). */
@Stateless
public class TenantExports {

    @PersistenceContext EntityManager em;

    public record Export(UUID id, Instant at, String by, String sha256, long size) {}

    public List<Export> list() {
        Caller caller = Caller.require(Role.PLATFORM_ADMIN);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select id, exported_at, exported_by, sha256, size from tenant_export "
                                        + "where tenant_id = ?1 order by exported_at desc")
                        .setParameter(1, caller.tenantId())
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Export(
                                        (UUID) r[0],
                                        r[1] instanceof Timestamp ts
                                                ? ts.toInstant()
                                                : (Instant) r[1],
                                        (String) r[2],
                                        ((String) r[3]).strip(),
                                        ((Number) r[4]).longValue()))
                .toList();
    }
}
