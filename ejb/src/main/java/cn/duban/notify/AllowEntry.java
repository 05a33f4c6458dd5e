package cn.duban.notify;

import java.util.Locale;

/**
 * One host of the operator's outbound allow-list. Port 0 is any port. {@code internal} lets that
 * exact host:port resolve to a private or loopback address (an SMS gateway on 政务外网); it needs a
 * port.
 */
public record AllowEntry(String host, int port, boolean internal, String note) {

    public AllowEntry {
        host = normalise(host);
    }

    static String normalise(String host) {
        if (host == null) return "";
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return h;
    }

    boolean matches(String host, int port) {
        return this.host.equals(host) && (this.port == 0 || this.port == port);
    }

    /** Whether the operator allows a private address for exactly this host and port. */
    boolean exempts(String host, int port) {
        return internal && this.host.equals(host) && this.port == port;
    }
}
