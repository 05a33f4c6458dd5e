package cn.duban.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The security headers of every answer. Pages: a Content-Security-Policy whose script-src allows
 * only our own files and the per-response nonce PrimeFaces puts on its scripts (primefaces.CSP in
 * web.xml reads {@link #getPagePolicy()} and appends the nonce), so an injected script does not run
 * even if escaping failed somewhere. Everything else (the API, downloads, static files): nothing
 * may run or load at all. Nothing may frame a page; only our own pages may frame an API answer (the
 * circular's PDF preview).
 */
@Named("securityHeaders")
@ApplicationScoped
public class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";

    /**
     * One year; sent only on answers to requests that came over TLS (RFC 6797 forbids it on plain
     * http).
     */
    public static final String HSTS = "max-age=31536000";

    /**
     * Full URLs within the site (the cross-site check may fall back on them), nothing to other
     * sites.
     */
    public static final String REFERRER_POLICY = "same-origin";

    private final String pagePolicy = pagePolicy(Origins.keycloakOrigin());

    /**
     * The pages' policy without the nonce: PrimeFaces appends " 'nonce-…';" to it, so it ends with
     * script-src. Styles may be inline (PrimeFaces and Chart.js set style attributes); scripts may
     * not. Forms post to us, and to Keycloak when a Faces post meets an expired session (the
     * redirect to the login page counts as the form's target).
     */
    static String pagePolicy(String keycloakOrigin) {
        return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self'"
                + (keycloakOrigin == null ? "" : " " + keycloakOrigin)
                + "; script-src 'self'";
    }

    /**
     * The policy of everything that is not a Faces page. Chrome shows a PDF through an embedded
     * viewer of the document itself, hence object-src 'self'.
     */
    static String resourcePolicy(boolean api) {
        return "default-src 'none'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors "
                + (api ? "'self'" : "'none'");
    }

    /** The Swagger UI page (static files, no nonce): our own scripts only, which fetch /openapi. */
    static final String API_DOCS = "/api-docs/";

    static String apiDocsPolicy() {
        return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    public String getPagePolicy() {
        return pagePolicy;
    }
}
