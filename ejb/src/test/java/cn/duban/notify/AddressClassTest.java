package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressClassTest {

    private static AddressClass of(String literal) throws UnknownHostException {
        return AddressClass.of(InetAddress.getByName(literal));
    }

    @Test
    void loopbackAndAnyLocal() throws UnknownHostException {
        assertThat(of("127.0.0.1")).isEqualTo(AddressClass.LOOPBACK);
        assertThat(of("127.255.0.9")).isEqualTo(AddressClass.LOOPBACK);
        assertThat(of("::1")).isEqualTo(AddressClass.LOOPBACK);
        assertThat(of("0.0.0.0")).isEqualTo(AddressClass.ANY_LOCAL);
        assertThat(of("::")).isEqualTo(AddressClass.ANY_LOCAL);
        assertThat(of("0.1.2.3")).isEqualTo(AddressClass.ANY_LOCAL);
    }

    @Test
    void privateRangesAtTheirEdges() throws UnknownHostException {
        assertThat(of("10.0.0.1")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("10.255.255.255")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("172.16.0.1")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("172.31.255.254")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("172.15.255.255")).isEqualTo(AddressClass.PUBLIC);
        assertThat(of("172.32.0.1")).isEqualTo(AddressClass.PUBLIC);
        assertThat(of("192.168.1.1")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("192.169.1.1")).isEqualTo(AddressClass.PUBLIC);
        assertThat(of("100.64.0.1")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("100.127.255.255")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("100.63.255.255")).isEqualTo(AddressClass.PUBLIC);
        assertThat(of("100.128.0.0")).isEqualTo(AddressClass.PUBLIC);
        assertThat(of("fc00::1")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("fdff:ffff::1")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("fe00::1")).isEqualTo(AddressClass.PUBLIC);
    }

    @Test
    void linkLocalMulticastAndMappedAddresses() throws UnknownHostException {
        assertThat(of("169.254.169.254")).isEqualTo(AddressClass.LINK_LOCAL);
        assertThat(of("fe80::1")).isEqualTo(AddressClass.LINK_LOCAL);
        assertThat(of("224.0.0.1")).isEqualTo(AddressClass.MULTICAST);
        assertThat(of("ff02::1")).isEqualTo(AddressClass.MULTICAST);
        // Java folds ::ffff:a.b.c.d to the IPv4 address; either way it is that address's class.
        assertThat(of("::ffff:10.1.2.3")).isEqualTo(AddressClass.PRIVATE);
        assertThat(of("::ffff:127.0.0.1")).isEqualTo(AddressClass.LOOPBACK);
        assertThat(of("203.119.129.10")).isEqualTo(AddressClass.PUBLIC);
        assertThat(of("2001:db8::1")).isEqualTo(AddressClass.PUBLIC);
    }
}
