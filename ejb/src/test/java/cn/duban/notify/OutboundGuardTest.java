package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundGuardTest {

    /** A fixed DNS: names the test controls, never the network. */
    static OutboundGuard.Resolver dns(Map<String, String> names) {
        return host -> {
            String ip = names.getOrDefault(host, host);
            return new InetAddress[] {InetAddress.getByName(ip)};
        };
    }

    static final OutboundGuard.Resolver DNS =
            dns(
                    Map.of(
                            "oapi.dingtalk.com", "203.119.129.10",
                            "rebound.example.com", "127.0.0.1",
                            "sms.gov.example", "10.8.0.5"));

    static final List<AllowEntry> ALLOW =
            List.of(
                    new AllowEntry("oapi.dingtalk.com", 0, false, null),
                    new AllowEntry("rebound.example.com", 0, false, null),
                    new AllowEntry("sms.gov.example", 8443, true, null),
                    new AllowEntry("127.0.0.1", 0, false, null));

    private static String refusal(String url) {
        try {
            OutboundGuard.check(url, ALLOW, DNS);
            return "allowed";
        } catch (OutboundGuard.Refused e) {
            return e.code();
        }
    }

    @Test
    void aListedPublicHttpsHostPasses() {
        assertThat(refusal("https://oapi.dingtalk.com/robot/send?access_token=x"))
                .isEqualTo("allowed");
        assertThat(refusal("https://OAPI.DingTalk.com./robot/send")).isEqualTo("allowed");
    }

    @Test
    void onlyHttpsWithoutUserInfo() {
        assertThat(refusal("http://oapi.dingtalk.com/robot/send")).isEqualTo("outbound.https-only");
        assertThat(refusal("ftp://oapi.dingtalk.com/")).isEqualTo("outbound.https-only");
        assertThat(refusal("https://a:b@oapi.dingtalk.com/")).isEqualTo("outbound.invalid-url");
        assertThat(refusal("https://exa mple.com/")).isEqualTo("outbound.invalid-url");
    }

    @Test
    void aHostNotOnTheListIsRefused() {
        assertThat(refusal("https://example.org/hook")).isEqualTo("outbound.host-not-allowed");
        assertThat(refusal("https://dingtalk.com/")).isEqualTo("outbound.host-not-allowed");
    }

    @Test
    void listedHostsResolvingInsideAreRefusedUnlessInternalForThatPort() {
        // Listed, but its name now points at loopback (DNS rebinding): refused at send time.
        assertThat(refusal("https://rebound.example.com/")).isEqualTo("outbound.address-refused");
        // The server's own ports on loopback.
        assertThat(refusal("https://127.0.0.1:8443/")).isEqualTo("outbound.address-refused");
        assertThat(refusal("https://127.0.0.1:9990/management"))
                .isEqualTo("outbound.address-refused");
        // Marked internal for exactly 8443: allowed there, refused on any other port.
        assertThat(refusal("https://sms.gov.example:8443/send")).isEqualTo("allowed");
        assertThat(refusal("https://sms.gov.example/send")).isEqualTo("outbound.host-not-allowed");
    }
}
