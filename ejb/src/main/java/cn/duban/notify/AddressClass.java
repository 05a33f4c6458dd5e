package cn.duban.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What kind of address a resolved host is, for the outbound check: only {@link #PUBLIC} may be
 * reached unless the operator marked the exact host:port internal.
 */
public enum AddressClass {
    PUBLIC,
    LOOPBACK,
    PRIVATE,
    LINK_LOCAL,
    ANY_LOCAL,
    MULTICAST;

    public static AddressClass of(InetAddress a) {
        if (a.isAnyLocalAddress()) return ANY_LOCAL;
        if (a.isLoopbackAddress()) return LOOPBACK;
        if (a.isMulticastAddress()) return MULTICAST;
        if (a.isLinkLocalAddress()) return LINK_LOCAL;
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            // An IPv4-mapped address (::ffff:10.0.0.1) is the IPv4 address it maps.
            if (isMapped(b)) return ofV4(new byte[] {b[12], b[13], b[14], b[15]});
            if ((b[0] & 0xfe) == 0xfc) return PRIVATE; // fc00::/7 unique local
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return PRIVATE; // fec0::/10 site
            return PUBLIC;
        }
        return a instanceof Inet4Address ? ofV4(b) : PRIVATE;
    }

    private static AddressClass ofV4(byte[] b) {
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff;
        if (a0 == 0) return ANY_LOCAL; // 0.0.0.0/8 "this network"
        if (a0 == 127) return LOOPBACK;
        if (a0 == 10) return PRIVATE;
        if (a0 == 172 && a1 >= 16 && a1 <= 31) return PRIVATE;
        if (a0 == 192 && a1 == 168) return PRIVATE;
        if (a0 == 100 && a1 >= 64 && a1 <= 127) return PRIVATE; // 100.64/10 carrier-grade NAT
        if (a0 == 169 && a1 == 254) return LINK_LOCAL;
        if (a0 >= 224 && a0 <= 239) return MULTICAST;
        if (a0 >= 240) return PRIVATE; // reserved and broadcast
        return PUBLIC;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
