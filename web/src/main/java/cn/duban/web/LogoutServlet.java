package cn.duban.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.wildfly.security.http.oidc.OidcClientConfiguration;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.RefreshableOidcSecurityContext;
import org.wildfly.security.http.oidc.ServerRequest;

/**
 * Logs out by POST only (the layout's form; {@link CrossSiteRequestFilter} refuses other sites'
 * forms, so no page can log a user out behind their back, and a GET answers 405). The Keycloak
 * session ends server to server (the end-session endpoint with the refresh token and the client's
 * credentials), so no token ever travels in a URL, where access logs and browser history keep it.
 * Should Keycloak not answer, the browser goes to the end-session endpoint with only client_id and
 * post_logout_redirect_uri, and Keycloak asks the user to confirm.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LogoutServlet.class.getName());

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res)
            throws ServletException, IOException {
        String home = req.getContextPath() + "/";
        String location = home;
        if (req.getUserPrincipal() instanceof OidcPrincipal<?> p
                && p.getOidcSecurityContext() instanceof RefreshableOidcSecurityContext ctx
                && !endKeycloakSession(ctx, p.getName())) {
            OidcClientConfiguration config = ctx.getOidcClientConfiguration();
            if (config != null && config.getLogoutUrl() != null) {
                String origin = Origins.publicOrigin();
                if (origin == null)
                    origin = Origins.of(req.getScheme(), req.getServerName(), req.getServerPort());
                location =
                        config.getLogoutUrl()
                                + "?client_id="
                                + URLEncoder.encode(
                                        config.getResourceName(), StandardCharsets.UTF_8)
                                + "&post_logout_redirect_uri="
                                + URLEncoder.encode(origin + home, StandardCharsets.UTF_8);
            }
        }
        req.logout();
        HttpSession session = req.getSession(false);
        if (session != null) session.invalidate();
        res.setStatus(HttpServletResponse.SC_SEE_OTHER);
        res.setHeader("Location", location);
    }

    private static boolean endKeycloakSession(RefreshableOidcSecurityContext ctx, String user) {
        OidcClientConfiguration config = ctx.getOidcClientConfiguration();
        if (config == null || ctx.getRefreshToken() == null) return false;
        try {
            ServerRequest.invokeLogout(config, ctx.getRefreshToken());
            return true;
        } catch (IOException | ServerRequest.HttpFailure e) {
            LOG.warning(
                    "Keycloak did not end the session of "
                            + user
                            + " ("
                            + e
                            + "); the user confirms the logout there");
            return false;
        }
    }
}
