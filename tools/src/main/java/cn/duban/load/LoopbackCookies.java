package cn.duban.load;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A browser's cookie jar for servers on loopback (RFC 6265 as browsers apply it): cookies belong to
 * the host, not the port; {@code Secure} ones are sent over plain http to localhost and 127.0.0.1,
 * which browsers treat as a secure context; values go back exactly as they came (quotes included);
 * {@code Max-Age} ≤ 0 or a past {@code Expires} deletes. java.net.HttpCookie and CookieManager do
 * none of this for Keycloak's {@code Version=1; Secure} cookies, so its login form answered 400.
 */
final class LoopbackCookies {

    private record Cookie(String host, String path, String name, String value, boolean secure) {}

    /** host, path and name → cookie. */
    private final Map<String, Cookie> jar = new ConcurrentHashMap<>();

    /** Keeps the cookies of a response's {@code Set-Cookie} headers. */
    void keep(URI from, List<String> setCookies) {
        for (String header : setCookies) keep(from, header);
    }

    private void keep(URI from, String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) return; // no name: browsers ignore it
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String path = null;
        boolean secure = false;
        boolean gone = false;
        boolean maxAgeSeen = false;
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].trim();
            int e = attr.indexOf('=');
            String key = (e < 0 ? attr : attr.substring(0, e)).trim().toLowerCase(Locale.ROOT);
            String v = e < 0 ? "" : attr.substring(e + 1).trim();
            switch (key) {
                case "path" -> path = v.startsWith("/") ? v : null;
                case "secure" -> secure = true;
                case "max-age" -> {
                    try {
                        gone = Long.parseLong(v) <= 0;
                        maxAgeSeen = true;
                    } catch (NumberFormatException ignored) {
                        // an unreadable Max-Age is ignored
                    }
                }
                case "expires" -> {
                    if (!maxAgeSeen) gone = expired(v);
                }
                default -> {
                    // Domain (everything is one host here), HttpOnly, SameSite, Version: no effect
                }
            }
        }
        if (secure && !secureContext(from)) return;
        if (path == null) path = defaultPath(from.getPath());
        String key = from.getHost() + " " + path + " " + name;
        if (gone) jar.remove(key);
        else jar.put(key, new Cookie(from.getHost(), path, name, value, secure));
    }

    /**
     * The {@code Cookie} header for a request to the address, or null when no cookie goes there.
     */
    String header(URI to) {
        String path = to.getPath() == null || to.getPath().isEmpty() ? "/" : to.getPath();
        List<Cookie> sent = new ArrayList<>();
        for (Cookie c : jar.values()) {
            if (!c.host().equalsIgnoreCase(to.getHost())) continue;
            if (!pathMatches(path, c.path())) continue;
            if (c.secure() && !secureContext(to)) continue;
            sent.add(c);
        }
        if (sent.isEmpty()) return null;
        // Longer paths first, as browsers send them.
        sent.sort(Comparator.comparingInt((Cookie c) -> -c.path().length()));
        StringBuilder out = new StringBuilder();
        for (Cookie c : sent) {
            if (!out.isEmpty()) out.append("; ");
            out.append(c.name()).append('=').append(c.value());
        }
        return out.toString();
    }

    /** The value of a cookie by its name (any host and path), or null. */
    String value(String name) {
        return jar.values().stream()
                .filter(c -> c.name().equals(name))
                .map(Cookie::value)
                .findFirst()
                .orElse(null);
    }

    /** https, or http to a loopback host. */
    static boolean secureContext(URI uri) {
        if ("https".equalsIgnoreCase(uri.getScheme())) return true;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost")
                || host.endsWith(".localhost")
                || host.startsWith("127.")
                || host.equals("[::1]")
                || host.equals("::1");
    }

    /** RFC 6265 5.1.4: the request path up to its last slash. */
    static String defaultPath(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/")) return "/";
        int last = requestPath.lastIndexOf('/');
        return last == 0 ? "/" : requestPath.substring(0, last);
    }

    /** RFC 6265 5.1.4: the cookie's path is the request's, or a prefix ending at a slash. */
    static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) return true;
        if (!requestPath.startsWith(cookiePath)) return false;
        return cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/';
    }

    private static boolean expired(String date) {
        try {
            // "Thu, 01-Jan-1970 00:00:10 GMT" (Netty, Undertow) as well as RFC 1123's spaces
            return ZonedDateTime.parse(date.replace('-', ' '), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .isBefore(Instant.now());
        } catch (DateTimeParseException e) {
            // Other date forms (two-digit years) occur; treat them as "not expired".
            return false;
        }
    }
}
