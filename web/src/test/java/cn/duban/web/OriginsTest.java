package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginsTest {

    private static final Set<String> OURS =
            Set.of("https://duban.example.gov.cn", "http://localhost:18080");

    @Test
    void originsAreNormalised() {
        assertThat(Origins.of("HTTPS://Duban.Example.gov.cn:443/app/index.xhtml?x=1"))
                .isEqualTo("https://duban.example.gov.cn");
        assertThat(Origins.of("http://localhost:18080")).isEqualTo("http://localhost:18080");
        assertThat(Origins.of("http://localhost:80/")).isEqualTo("http://localhost");
        assertThat(Origins.of("https", "::1", 8443)).isEqualTo("https://[::1]:8443");
        assertThat(Origins.of("http://[::1]:8080/x")).isEqualTo("http://[::1]:8080");
        assertThat(Origins.of("null")).isNull();
        assertThat(Origins.of("data:text/html,<form>")).isNull();
        assertThat(Origins.of("file:///tmp/x.html")).isNull();
        assertThat(Origins.of("not a url")).isNull();
        assertThat(Origins.of("")).isNull();
        assertThat(Origins.of(null)).isNull();
    }

    @Test
    void readingAndBearerCallsAlwaysPass() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "get"}) {
            assertThat(
                            Origins.mayChangeState(
                                    method, null, "https://evil.example", null, null, OURS))
                    .isTrue();
        }
        assertThat(
                        Origins.mayChangeState(
                                "POST", "Bearer eyJ…", "https://evil.example", null, null, OURS))
                .isTrue();
        assertThat(Origins.mayChangeState("DELETE", "bearer eyJ…", null, null, null, OURS))
                .isTrue();
    }

    @Test
    void cookieCallsMustComeFromOurOrigin() {
        assertThat(Origins.mayChangeState("POST", null, "http://localhost:18080", null, null, OURS))
                .isTrue();
        assertThat(
                        Origins.mayChangeState(
                                "PUT", null, "https://duban.example.gov.cn", null, null, OURS))
                .isTrue();
        // Another port is another origin (a page on the same host, another application).
        assertThat(Origins.mayChangeState("POST", null, "http://localhost:18081", null, null, OURS))
                .isFalse();
        assertThat(Origins.mayChangeState("POST", null, "https://evil.example", null, null, OURS))
                .isFalse();
        // http is not https: a plain-http page on our host must not act on the TLS site.
        assertThat(
                        Origins.mayChangeState(
                                "POST", null, "http://duban.example.gov.cn", null, null, OURS))
                .isFalse();
        // Sandboxed frames and data: pages send "null".
        assertThat(
                        Origins.mayChangeState(
                                "POST", null, "null", "http://localhost:18080/", null, OURS))
                .isFalse();
        // A wrong Origin is not rescued by a Referer or X-Requested-With.
        assertThat(
                        Origins.mayChangeState(
                                "POST",
                                null,
                                "https://evil.example",
                                "http://localhost:18080/app",
                                "XMLHttpRequest",
                                OURS))
                .isFalse();
        // Not a Bearer scheme: a cross-site form cannot send Authorization, but Basic is not our
        // API's.
        assertThat(
                        Origins.mayChangeState(
                                "POST", "Basic dXNlcg==", "https://evil.example", null, null, OURS))
                .isFalse();
    }

    @Test
    void withoutOriginTheRefererOrACustomHeaderDecides() {
        assertThat(
                        Origins.mayChangeState(
                                "POST",
                                null,
                                null,
                                "http://localhost:18080/app/admin/index.xhtml",
                                null,
                                OURS))
                .isTrue();
        assertThat(
                        Origins.mayChangeState(
                                "POST", null, null, "https://evil.example/page", null, OURS))
                .isFalse();
        assertThat(Origins.mayChangeState("POST", null, null, null, "XMLHttpRequest", OURS))
                .isTrue();
        assertThat(Origins.mayChangeState("POST", null, null, null, null, OURS)).isFalse();
        assertThat(Origins.mayChangeState("POST", null, "", "", " ", OURS)).isFalse();
    }

    @Test
    void longOrCraftedHeadersAreJustRefused() {
        String huge = "https://" + "a".repeat(100_000) + ".example";
        assertThat(Origins.mayChangeState("POST", null, huge, null, null, OURS)).isFalse();
        assertThat(
                        Origins.mayChangeState(
                                "POST",
                                null,
                                "http://localhost:18080@evil.example",
                                null,
                                null,
                                OURS))
                .isFalse();
        assertThat(
                        Origins.mayChangeState(
                                "POST",
                                null,
                                "http://localhost:18080.evil.example",
                                null,
                                null,
                                OURS))
                .isFalse();
    }
}
