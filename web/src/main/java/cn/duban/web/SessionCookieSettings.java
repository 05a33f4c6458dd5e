package cn.duban.web;

import cn.duban.platform.Settings;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The UI's session cookie: HttpOnly, SameSite=Lax (another site's form posts and frames do not
 * carry it), and Secure unless DUBAN_SECURE_COOKIES=false (the dev stack and the tests, which run
 * on plain http). Secure by default: production is served over TLS.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(
                secure(Settings.get("duban.secure-cookies", "DUBAN_SECURE_COOKIES", "true")));
        cookie.setAttribute("SameSite", "Lax");
    }

    /** Anything but an explicit "false" keeps cookies secure. */
    static boolean secure(String setting) {
        return !"false".equalsIgnoreCase(setting == null ? "" : setting.strip());
    }
}
