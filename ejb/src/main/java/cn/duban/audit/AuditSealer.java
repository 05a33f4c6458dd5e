package cn.duban.audit;

import cn.duban.platform.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * At deployment, after the migrations: every tenant whose chain ends with legacy (pre-V6, plain
 * SHA-256) entries gets a keyed {@code audit.sealed} entry. Its MAC covers the last legacy hash, so
 * from then on the legacy entries cannot be rewritten either, and a chain that ends with a legacy
 * entry means someone removed or downgraded what followed. Tenants that write again would seal
 * themselves with their next entry; this covers the quiet ones.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "AuditKeyring"})
@TransactionManagement(TransactionManagementType.BEAN)
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

    // The application's own data source: the tenant list with app.platform on, then each tenant's
    // last entry with app.tenant_id set, both transaction-local and rolled back (nothing is written
    // here).
    @Resource(lookup = "java:jboss/datasources/DubanDS")
    DataSource dataSource;

    @EJB AuditService audit;

    @PostConstruct
    void sealLegacyTails() {
        List<String> tenants = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> all = new ArrayList<>();
                try (PreparedStatement s =
                        c.prepareStatement("select set_config('app.platform', 'on', true)")) {
                    s.execute();
                }
                try (PreparedStatement s = c.prepareStatement("select id from tenant order by id");
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) all.add(rs.getString(1));
                }
                for (String tenant : all) {
                    try (PreparedStatement s =
                            c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                        s.setString(1, tenant);
                        s.execute();
                    }
                    try (PreparedStatement s =
                            c.prepareStatement(
                                    "select alg from audit_log where tenant_id = ? order by seq desc limit 1")) {
                        s.setString(1, tenant);
                        try (ResultSet rs = s.executeQuery()) {
                            if (rs.next() && AuditAlgorithm.SHA_256.label().equals(rs.getString(1)))
                                tenants.add(tenant);
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Could not look for legacy audit entries to seal", e);
            return;
        }
        for (String tenant : tenants) {
            try {
                Caller.runAs(
                        Caller.system(tenant),
                        () -> {
                            Long sealed = audit.sealLegacy();
                            if (sealed != null)
                                LOG.info(
                                        () ->
                                                "Audit trail of "
                                                        + tenant
                                                        + ": legacy entries 1–"
                                                        + sealed
                                                        + " sealed by a keyed entry");
                        });
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not seal the legacy audit entries of " + tenant, e);
            }
        }
    }
}
