package cn.duban.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The outbound rule for every webhook and gateway URL, checked when it is saved and again when a
 * message is sent (DNS may have changed): https only, no user info, the host on the operator's
 * allow-list, and every address it resolves to public, unless the operator marked that exact
 * host:port internal. Loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7),
 * link-local, any-local and multicast addresses are refused.
 */
public final class OutboundGuard {

    private OutboundGuard() {}

    /** A refused URL: a problem code and a Chinese sentence for the office. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = InetAddress::getAllByName;

    /** The URL if it may be called now; otherwise {@link Refused}. */
    public static URI check(String url, List<AllowEntry> allow, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("outbound.invalid-url", "地址格式不正确。");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()))
            throw new Refused("outbound.https-only", "仅允许 https:// 地址。");
        if (uri.getRawUserInfo() != null || uri.getHost() == null)
            throw new Refused("outbound.invalid-url", "地址格式不正确。");
        String host = AllowEntry.normalise(uri.getHost());
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        if (allow.stream().noneMatch(e -> e.matches(host, port)))
            throw new Refused(
                    "outbound.host-not-allowed", "主机 " + host + ":" + port + " 不在平台运维设置的外发白名单中。");
        boolean internal = allow.stream().anyMatch(e -> e.exempts(host, port));
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("outbound.unresolvable", "无法解析主机 " + host + "。");
        }
        if (addresses.length == 0)
            throw new Refused("outbound.unresolvable", "无法解析主机 " + host + "。");
        if (!internal) {
            for (InetAddress a : addresses) {
                AddressClass c = AddressClass.of(a);
                if (c != AddressClass.PUBLIC)
                    throw new Refused(
                            "outbound.address-refused",
                            "主机 "
                                    + host
                                    + " 解析到内部地址（"
                                    + c.name().toLowerCase(java.util.Locale.ROOT)
                                    + "），不允许外发；政务外网地址须由平台运维标记为内网。");
            }
        }
        return uri;
    }
}
