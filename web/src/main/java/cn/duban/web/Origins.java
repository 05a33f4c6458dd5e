package cn.duban.web;

import cn.duban.platform.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Web origins (scheme://host[:port], RFC 6454) and the rule that keeps cross-site forms away from
 * state-changing calls authenticated by the session cookie. Plain logic, no container types.
 */
public final class Origins {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private Origins() {}

    /**
     * The origin users reach the application at (DUBAN_PUBLIC_URL), or null when not configured.
     */
    public static String publicOrigin() {
        return of(Settings.get("duban.public-url", "DUBAN_PUBLIC_URL", null));
    }

    /** The origin of the Keycloak realm the server trusts (DUBAN_OIDC_PROVIDER_URL). */
    public static String keycloakOrigin() {
        return of(
                Settings.get(
                        "duban.oidc.provider-url",
                        "DUBAN_OIDC_PROVIDER_URL",
                        "http://localhost:8180/realms/duban"));
    }

    /**
     * The origin of a URL (an Origin or Referer header value, a configured public URL), with the
     * scheme and host in lower case and the scheme's default port left out; null for "null", opaque
     * or unparsable values and for schemes other than http and https.
     */
    public static String of(String url) {
        if (url == null || url.isBlank() || url.length() > 4096) return null;
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) return null;
            return of(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The origin of a scheme, host and port (-1 or the scheme's default port: none shown). */
    public static String of(String scheme, String host, int port) {
        if (scheme == null || host == null || host.isEmpty()) return null;
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) return null;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) h = "[" + h + "]"; // IPv6 literal
        boolean defaultPort =
                port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }

    /**
     * Whether a request may go on. Reading (GET, HEAD, OPTIONS) and bearer-token calls always may:
     * a page on another site can neither send an Authorization header nor a custom header without
     * the server's CORS consent, which this server never gives. Anything else must come from one of
     * the trusted origins by its Origin header; without one, by its Referer, or carry
     * X-Requested-With (a custom header a cross-site form cannot send).
     *
     * @param trusted the origins the application is served at (the request's own, the public URL)
     */
    public static boolean mayChangeState(
            String method,
            String authorization,
            String origin,
            String referer,
            String requestedWith,
            Set<String> trusted) {
        if (method == null || SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) return true;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
            return true;
        if (origin != null && !origin.isBlank()) {
            // "null" (a sandboxed frame, a data: page, a cross-site redirect) is never trusted.
            String o = of(origin);
            return o != null && trusted.contains(o);
        }
        if (referer != null && !referer.isBlank()) {
            String r = of(referer);
            if (r != null && trusted.contains(r)) return true;
        }
        return requestedWith != null && !requestedWith.isBlank();
    }
}
