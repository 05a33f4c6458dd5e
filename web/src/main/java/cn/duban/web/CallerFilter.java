package cn.duban.web;

import cn.duban.account.DisabledAccounts;
import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import cn.duban.platform.Settings;
import cn.duban.platform.replica.ReplicaReads;
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
 *
 * <p>An integrator's API client (client credentials, {@link cn.duban.account.IntegratorService})
 * has no person behind its token: its caller is {@code client:<clientId>}, which the audit trail
 * records as the actor. Such a token must carry a tenant, no unit and no role beyond {@link
 * Role#INTEGRATOR_GRANTS}, or it is refused with 403 (a client an operator changed by hand in
 * Keycloak's console does not become a district administrator).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CallerFilter extends HttpFilter {

    static final List<String> ROLES = Role.ALL;

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** The caller name prefix of an API client's tokens (no person logs in with a colon). */
    public static final String CLIENT_PREFIX = "client:";

    /** The web login's client: every person's token is issued to it. */
    private static final String WEB_CLIENT =
            Settings.get("duban.oidc.client-id", "DUBAN_OIDC_CLIENT_ID", "duban-web");

    @EJB DisabledAccounts disabledAccounts;

    @EJB ReplicaReads replicaReads;

    /** Methods that never change anything (RFC 9110); any other request may have written. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req.getUserPrincipal() instanceof OidcPrincipal<?> principal)) {
            chain.doFilter(req, res);
            return;
        }
        AccessToken token = principal.getOidcSecurityContext().getToken();
        Caller caller = callerOf(req, principal, token);
        if (caller.username().startsWith(CLIENT_PREFIX) && !acceptableClient(caller)) {
            problem(req, res, 403, "auth.client", "接口客户端的令牌不符合要求（须带区、不带单位、仅含允许的角色），请联系区府办。");
            return;
        }
        if (Role.dutiesConflict(caller.roles())) {
            // 三员分立: an account given two operator roles by hand in Keycloak works as neither.
            problem(req, res, 403, "auth.duties", "系统管理员、安全管理员和审计管理员须由不同账号担任，请联系安全管理员。");
            return;
        }
        Caller.set(caller);
        try {
            DisabledAccounts.Refusal refusal =
                    disabledAccounts.refusal(
                            caller.tenantId(), token.getSubject(), caller.username());
            if (refusal != DisabledAccounts.Refusal.NONE) {
                refuse(req, res, refusal);
                return;
            }
            // Read-your-writes on the replica: this caller's heavy reads wait for what it writes.
            boolean mayWrite = !SAFE_METHODS.contains(req.getMethod());
            if (mayWrite) replicaReads.beginWrite();
            try {
                chain.doFilter(req, res);
            } finally {
                if (mayWrite) replicaReads.endWrite();
            }
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
        // The platform's operators (三员) work across tenants and never carry one.
        if (Role.isOperator(roles)) tenant = null;
        return new Caller(
                serviceAccountOf(token, principal.getName())
                        .map(client -> CLIENT_PREFIX + client)
                        .orElse(principal.getName()),
                tenant,
                blankToNull(token.getClaimValueAsString("unit")),
                roles,
                Caller.nameOf(
                        token.getClaimValueAsString("given_name"),
                        token.getClaimValueAsString("family_name"),
                        token.getClaimValueAsString("name")));
    }

    /**
     * The client id when the token is a client's own (client credentials): issued to a client other
     * than the web login ({@code azp}) for that client's service account. A person's token is
     * always issued to the web client.
     */
    static java.util.Optional<String> serviceAccountOf(AccessToken token, String principalName) {
        String azp = blankToNull(token.getClaimValueAsString("azp"));
        if (azp == null || azp.equals(WEB_CLIENT)) return java.util.Optional.empty();
        String username = token.getClaimValueAsString("preferred_username");
        if (!("service-account-" + azp).equals(username != null ? username : principalName))
            return java.util.Optional.empty();
        return java.util.Optional.of(azp);
    }

    /** An API client's caller: a tenant, no unit, and only the roles an integrator may hold. */
    static boolean acceptableClient(Caller caller) {
        return caller.tenantId() != null
                && caller.unitCode() == null
                && Role.INTEGRATOR_GRANTS.containsAll(caller.roles());
    }

    /** The refusal as problem+json: the one way this filter answers the API. */
    private static void problem(
            HttpServletRequest req, HttpServletResponse res, int status, String code, String detail)
            throws IOException {
        res.setStatus(status);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        res.getWriter()
                .write(
                        JSONB.toJson(
                                Problem.of(
                                        status,
                                        code,
                                        detail,
                                        req.getRequestURI(),
                                        null,
                                        ProblemTexts.apiLocale(req.getHeader("Accept-Language")))));
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
        String accept = req.getHeader("Accept");
        if (accept != null
                && accept.contains("text/html")
                && !req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            res.setStatus(status);
            res.setCharacterEncoding(StandardCharsets.UTF_8.name());
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
        problem(
                req,
                res,
                status,
                suspended ? "tenant.suspended" : "auth.disabled",
                suspended ? "本区已暂停使用，请联系平台运维。" : "账号已停用，请联系区府办。");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
