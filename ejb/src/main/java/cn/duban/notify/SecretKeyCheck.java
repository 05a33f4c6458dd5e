package cn.duban.notify;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Checks at deployment that the channel secrets' key ({@code DUBAN_SECRET_KEY}) is set and long
 * enough, as for the audit key: without it no channel could be configured or sent, and a key
 * missing at the first send would be found too late.
 */
@Singleton
@Startup
public class SecretKeyCheck {

    private static final Logger LOG = Logger.getLogger(SecretKeyCheck.class.getName());

    @PostConstruct
    void check() {
        try {
            SecretBox.fromSettings();
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
    }
}
