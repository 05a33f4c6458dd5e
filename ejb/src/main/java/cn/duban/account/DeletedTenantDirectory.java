package cn.duban.account;

import cn.duban.audit.OperatorAction;
import cn.duban.audit.OperatorAudit;
import cn.duban.platform.Caller;
import cn.duban.tenant.ClusterJob;
import cn.duban.tenant.OncePerCluster;
import cn.duban.tenant.offboard.Tombstones;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Removes a deleted tenant's Keycloak users and integrators' API clients. The deletion tool
 * (bin/duban-tenant-delete) works on the database only and leaves a tombstone; the application,
 * which holds the Keycloak service account, finishes the job every quarter of an hour (or at once,
 * {@code POST /api/v1/tenants/deleted/directory-purge}) and notes on the tombstone when it did and
 * how much went. The suspension had already disabled those users; this frees their login names and
 * e-mail addresses and leaves nothing of the district in Keycloak. Each quarter of an hour is run
 * by one node of the cluster ({@link ClusterJob#DELETED_TENANT_DIRECTORY}, claimed as the
 * platform).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeletedTenantDirectory {

    private static final Logger LOG = Logger.getLogger(DeletedTenantDirectory.class.getName());

    @EJB Tombstones tombstones;

    @Inject KeycloakDirectory directory;

    @EJB OperatorAudit operatorAudit;

    @EJB OncePerCluster once;

    /** What went for one deleted tenant. */
    public record Purged(String tenant, int users, int clients) {}

    /** Every deleted tenant still present in Keycloak, now (system administrator). */
    public List<Purged> purge() {
        Caller.require(Caller.PLATFORM_ADMIN);
        List<Purged> out = new ArrayList<>();
        for (String code : tombstones.awaitingDirectoryPurge()) out.add(purge(code));
        return out;
    }

    @Schedule(
            minute = "*/15",
            hour = "*",
            persistent = false,
            info = "duban-deleted-tenant-directory")
    void scheduled() {
        // Keycloak down: logged, the slot stays unfinished, the next quarter of an hour tries
        // again.
        once.platform(
                ClusterJob.DELETED_TENANT_DIRECTORY,
                LOG,
                () -> purge().forEach(p -> LOG.info(() -> "Directory of deleted tenant: " + p)));
    }

    private Purged purge(String code) {
        // Clients first: deleting one deletes its service-account user too.
        List<KeycloakDirectory.ApiClient> clients =
                directory.clientsOfTenant(IntegratorService.clientPrefix(code), code);
        for (KeycloakDirectory.ApiClient c : clients) directory.deleteClient(c.id());
        List<DirectoryUser> users = directory.usersOfTenant(code);
        for (DirectoryUser u : users) directory.delete(u.id());
        tombstones.directoryPurged(code, users.size(), clients.size());
        operatorAudit.record(
                OperatorAction.TENANT_DIRECTORY_PURGED,
                code,
                "users=" + users.size() + " clients=" + clients.size());
        return new Purged(code, users.size(), clients.size());
    }
}
