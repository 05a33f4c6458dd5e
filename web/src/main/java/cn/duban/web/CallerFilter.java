package cn.duban.web;

import cn.duban.platform.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Fixes the caller of a request from its verified OIDC token: user name, tenant and unit
 * come from the token's claims, roles from the container. Nothing the client sends in the
 * request itself can change the tenant.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CallerFilter extends HttpFilter {

    static final List<String> ROLES = List.of(
            Caller.PLATFORM_ADMIN, Caller.DISTRICT_ADMIN, Caller.UNIT_REPORTER, Caller.LEADER);

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Caller caller = callerOf(req);
        if (caller == null) {
            chain.doFilter(req, res);
            return;
        }
        Caller.set(caller);
        try {
            chain.doFilter(req, res);
        } finally {
            Caller.clear();
        }
    }

    static Caller callerOf(HttpServletRequest req) {
        if (!(req.getUserPrincipal() instanceof OidcPrincipal<?> principal)) {
            return null;
        }
        AccessToken token = principal.getOidcSecurityContext().getToken();
        Set<String> roles = new HashSet<>();
        for (String role : ROLES) {
            if (req.isUserInRole(role)) roles.add(role);
        }
        String tenant = blankToNull(token.getClaimValueAsString("tenant"));
        // The platform operator works across tenants and never carries one.
        if (roles.contains(Caller.PLATFORM_ADMIN)) tenant = null;
        return new Caller(principal.getName(), tenant, blankToNull(token.getClaimValueAsString("unit")), roles);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
