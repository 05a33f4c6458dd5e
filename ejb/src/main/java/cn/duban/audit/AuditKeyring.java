package cn.duban.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Holds the audit keys, read once from the configuration when the application is deployed. Without
 * a usable key the deployment fails, with one log line that says what to set: an audit trail the
 * database owner could rewrite unnoticed is no audit trail. There is no built-in default key; the
 * dev stack and the tests pass a fixed one.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditKeyring {

    private static final Logger LOG = Logger.getLogger(AuditKeyring.class.getName());

    private volatile AuditKeys keys;

    @PostConstruct
    void load() {
        try {
            keys = AuditKeys.fromSettings();
        } catch (AuditKeys.Invalid e) {
            LOG.severe(e.getMessage());
            throw e;
        }
        LOG.info(
                () ->
                        "Audit trail keyed with "
                                + keys.algorithm().label()
                                + ", key id "
                                + keys.currentId()
                                + (keys.ids().size() > 1
                                        ? "; older key ids "
                                                + keys.ids().subList(1, keys.ids().size())
                                        : ""));
    }

    public AuditKeys keys() {
        return keys;
    }
}
