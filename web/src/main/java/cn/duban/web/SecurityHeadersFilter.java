package cn.duban.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Puts the security headers on every answer, before anything else runs (web.xml maps it first, also
 * for forwards and error pages). The default Content-Security-Policy is the strict one of {@link
 * SecurityHeaders#resourcePolicy}; a Faces page replaces it with PrimeFaces' nonce policy, never
 * adds a second one (a browser enforces every policy it gets, so two would block the page). Answers
 * the security layer gives before any filter runs (the 401 challenge, the redirect to the login
 * page) get the strictest of these headers from WEB-INF/undertow-handlers.conf; this filter
 * replaces them on everything else.
 */
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean api = path.startsWith("/api/");
        res.setHeader(
                SecurityHeaders.CSP,
                path.startsWith(SecurityHeaders.API_DOCS)
                        ? SecurityHeaders.apiDocsPolicy()
                        : SecurityHeaders.resourcePolicy(api));
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("X-Frame-Options", api ? "SAMEORIGIN" : "DENY");
        res.setHeader("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
        if (req.isSecure()) res.setHeader("Strict-Transport-Security", SecurityHeaders.HSTS);
        chain.doFilter(req, new OnePolicy(res));
    }

    /** Lets a later Content-Security-Policy replace the default instead of adding to it. */
    private static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (SecurityHeaders.CSP.equalsIgnoreCase(name))
                super.setHeader(SecurityHeaders.CSP, value);
            else super.addHeader(name, value);
        }
    }
}
