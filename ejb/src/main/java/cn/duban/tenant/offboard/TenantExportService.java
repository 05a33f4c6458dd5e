package cn.duban.tenant.offboard;

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
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The platform operator's export of a tenant (all of its data as a zip, see {@link
 * TenantExporter}); each export is recorded (time, SHA-256 of the archive, by whom) because the
 * deletion tool demands one taken after the tenant's last change.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantExportService {

    private static final Logger LOG = Logger.getLogger(TenantExportService.class.getName());

    @EJB TenantService tenants;

    @EJB TenantExporter exporter;

    @EJB TenantExports exports;

    @EJB OperatorAudit operatorAudit;

    /** The tenant, or 404 {@code tenant.not-found}: checked before the answer starts streaming. */
    public Tenant require(String tenantId) {
        return tenants.get(tenantId);
    }

    /** Writes the archive to {@code out} and records it. */
    public TenantExporter.Written export(String tenantId, OutputStream out) {
        Caller caller = Caller.require(Role.PLATFORM_ADMIN);
        require(tenantId);
        AtomicReference<TenantExporter.Written> written = new AtomicReference<>();
        Caller.runAs(
                new Caller(caller.username(), tenantId, null, caller.roles()),
                () -> written.set(exporter.export(out)));
        TenantExporter.Written w = written.get();
        operatorAudit.record(
                OperatorAction.TENANT_EXPORTED,
                tenantId,
                "sha256=" + w.sha256() + " size=" + w.size());
        LOG.info(
                () ->
                        "Tenant "
                                + tenantId
                                + " exported by "
                                + caller.username()
                                + ": "
                                + w.size()
                                + " bytes, sha256 "
                                + w.sha256());
        return w;
    }

    /** The tenant's recorded exports, newest first. */
    public List<TenantExports.Export> exports(String tenantId) {
        Caller caller = Caller.require(Role.PLATFORM_ADMIN);
        require(tenantId);
        AtomicReference<List<TenantExports.Export>> out = new AtomicReference<>();
        Caller.runAs(
                new Caller(caller.username(), tenantId, null, caller.roles()),
                () -> out.set(exports.list()));
        return out.get();
    }

    /** For the answer: when and which. */
    public record Summary(String tenantId, Instant at, String sha256, long size) {}
}
