package cn.duban.account;

import cn.duban.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Checks at deployment that the secret of the {@code duban-accounts} service-account client is set.
 * Without it the deployment fails with one log line naming the variable, as for the audit key: a
 * server whose operators cannot onboard a district or disable an account is misconfigured, not
 * degraded. There is no default; the dev stack and the tests pass the dev realm's.
 */
@Singleton
@Startup
public class AccountsSecret {

    private static final Logger LOG = Logger.getLogger(AccountsSecret.class.getName());

    @PostConstruct
    void check() {
        try {
            Settings.required("duban.accounts.secret", "DUBAN_ACCOUNTS_SECRET");
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
    }
}
