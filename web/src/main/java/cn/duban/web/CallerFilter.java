package cn.duban.web;

import cn.duban.account.DisabledAccounts;
import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import jakarta.ejb.EJB;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Fixes the caller of a request from its verified OIDC token: user name, tenant and unit come from
 * the token's claims, roles from the container. Nothing the client sends in the request itself can
 * change the tenant. A token of an account its district has disabled is refused here (401 for the
 * API, the UI session is ended), although Keycloak signed it and it has not expired: see {@link
 * DisabledAccounts}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CallerFilter extends HttpFilter {

    static final List<String> ROLES = Role.ALL;

    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB DisabledAccounts disabledAccounts;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req.getUserPrincipal() instanceof OidcPrincipal<?> principal)) {
            chain.doFilter(req, res);
            return;
        }
        AccessToken token = principal.getOidcSecurityContext().getToken();
        Caller caller = callerOf(req, principal, token);
        Caller.set(caller);
        try {
            DisabledAccounts.Refusal refusal =
                    disabledAccounts.refusal(
                            caller.tenantId(), token.getSubject(), caller.username());
            if (refusal != DisabledAccounts.Refusal.NONE) {
                refuse(req, res, refusal);
                return;
            }
            chain.doFilter(req, res);
        } finally {
            Caller.clear();
        }
    }

    static Caller callerOf(HttpServletRequest req, OidcPrincipal<?> principal, AccessToken token) {
        Set<String> roles = new HashSet<>();
        for (String role : ROLES) {
            if (req.isUserInRole(role)) roles.add(role);
        }
        String tenant = blankToNull(token.getClaimValueAsString("tenant"));
        // The platform operator works across tenants and never carries one.
        if (roles.contains(Caller.PLATFORM_ADMIN)) tenant = null;
        return new Caller(
                principal.getName(),
                tenant,
                blankToNull(token.getClaimValueAsString("unit")),
                roles);
    }

    /**
     * A disabled account (401 {@code auth.disabled}) or a suspended tenant (403 {@code
     * tenant.suspended}): the API answers problem+json; a browser's session ends and it gets a
     * short page saying why (a redirect to the login would only meet Keycloak's own refusal).
     */
    private static void refuse(
            HttpServletRequest req, HttpServletResponse res, DisabledAccounts.Refusal refusal)
            throws IOException {
        HttpSession session = req.getSession(false);
        if (session != null) session.invalidate();
        boolean suspended = refusal == DisabledAccounts.Refusal.TENANT_SUSPENDED;
        int status =
                suspended ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED;
        res.setStatus(status);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String accept = req.getHeader("Accept");
        if (accept != null
                && accept.contains("text/html")
                && !req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            res.setContentType("text/html;charset=UTF-8");
            if (suspended) {
                res.getWriter()
                        .write(
                                "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>督办</title></head>"
                                        + "<body><h1 id=\"tenant-suspended\">本区已暂停使用</h1>"
                                        + "<p>平台运维已暂停本区的督办服务，暂时无法登录或使用。如有疑问，请联系平台运维。</p></body></html>");
                return;
            }
            res.getWriter()
                    .write(
                            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>督办</title></head>"
                                    + "<body><h1 id=\"account-disabled\">账号已停用</h1><p>您的账号已被区府办停用，请联系区府办。</p></body></html>");
            return;
        }
        res.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        res.getWriter()
                .write(
                        JSONB.toJson(
                                Problem.of(
                                        status,
                                        suspended ? "tenant.suspended" : "auth.disabled",
                                        suspended ? "本区已暂停使用，请联系平台运维。" : "账号已停用，请联系区府办。",
                                        req.getRequestURI(),
                                        null)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
