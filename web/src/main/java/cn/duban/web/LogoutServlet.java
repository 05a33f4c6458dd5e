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
import org.wildfly.security.http.oidc.OidcPrincipal;

/** Ends the local session and the Keycloak session, then returns to the start page. */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        String target = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + req.getContextPath() + "/";
        String redirect = target;
        if (req.getUserPrincipal() instanceof OidcPrincipal<?> p) {
            var ctx = p.getOidcSecurityContext();
            redirect = ctx.getToken().getIssuer() + "/protocol/openid-connect/logout?post_logout_redirect_uri="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8)
                    + (ctx.getIDTokenString() == null ? "" : "&id_token_hint=" + ctx.getIDTokenString());
        }
        req.logout();
        HttpSession session = req.getSession(false);
        if (session != null) session.invalidate();
        res.sendRedirect(redirect);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        doGet(req, res);
    }
}
