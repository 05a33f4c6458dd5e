package cn.duban.tenant.offboard;

import cn.duban.platform.Caller;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * What the application reads and writes of the tombstones the deletion tool leaves ({@code
 * tenant_tombstone}, platform rows: row-level security shows them to the platform's transactions
 * only).
 */
@Stateless
public class Tombstones {

    @PersistenceContext EntityManager em;

    /** Whether a deleted tenant had this code: a code is never given to a second district. */
    public boolean exists(String code) {
        Caller.require(Caller.PLATFORM_ADMIN);
        return !em.createNativeQuery("select 1 from tenant_tombstone where tenant_code = ?1")
                .setParameter(1, code)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /**
     * Codes of deleted tenants whose Keycloak users and clients are still to be removed. A code
     * that a live tenant holds again (created before codes were kept from reuse) is left alone: its
     * users are that tenant's now.
     */
    @SuppressWarnings("unchecked")
    public List<String> awaitingDirectoryPurge() {
        Caller.require(Caller.PLATFORM_ADMIN);
        return em.createNativeQuery(
                        "select distinct tenant_code from tenant_tombstone b where directory_purged_at is null"
                                + " and not exists (select 1 from tenant t where t.id = b.tenant_code)"
                                + " order by tenant_code")
                .getResultList();
    }

    public void directoryPurged(String code, int users, int clients) {
        Caller.require(Caller.PLATFORM_ADMIN);
        em.createNativeQuery(
                        "update tenant_tombstone set directory_purged_at = now(),"
                                + " directory_users_removed = ?2, directory_clients_removed = ?3"
                                + " where tenant_code = ?1 and directory_purged_at is null")
                .setParameter(1, code)
                .setParameter(2, users)
                .setParameter(3, clients)
                .executeUpdate();
    }
}
