package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static String directive(String policy, String name) {
        return Arrays.stream(policy.split(";"))
                .map(String::strip)
                .filter(d -> d.startsWith(name + " "))
                .findFirst()
                .orElse(null);
    }

    @Test
    void pagesRunOnlyOurScriptsAndNoncedOnes() {
        String page = SecurityHeaders.pagePolicy("http://localhost:8180");
        // PrimeFaces appends " 'nonce-…';" to the policy: it must end inside script-src.
        assertThat(page).endsWith("script-src 'self'");
        assertThat(directive(page, "script-src"))
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .doesNotContain("*");
        assertThat(directive(page, "default-src")).isEqualTo("default-src 'self'");
        assertThat(directive(page, "object-src")).isEqualTo("object-src 'none'");
        assertThat(directive(page, "base-uri")).isEqualTo("base-uri 'self'");
        assertThat(directive(page, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(directive(page, "form-action"))
                .isEqualTo("form-action 'self' http://localhost:8180");
        assertThat(directive(SecurityHeaders.pagePolicy(null), "form-action"))
                .isEqualTo("form-action 'self'");
    }

    @Test
    void everythingElseRunsNothing() {
        for (boolean api : new boolean[] {true, false}) {
            String policy = SecurityHeaders.resourcePolicy(api);
            assertThat(directive(policy, "default-src")).isEqualTo("default-src 'none'");
            assertThat(directive(policy, "script-src"))
                    .isNull(); // falls back to default-src 'none'
            assertThat(policy).doesNotContain("unsafe");
        }
        assertThat(directive(SecurityHeaders.resourcePolicy(true), "frame-ancestors"))
                .isEqualTo("frame-ancestors 'self'");
        assertThat(directive(SecurityHeaders.resourcePolicy(false), "frame-ancestors"))
                .isEqualTo("frame-ancestors 'none'");
    }

    @Test
    void theSwaggerUiPageRunsOurScriptsOnly() {
        // Static files, so no nonce: the resource policy (default-src 'none') blocked its scripts
        // altogether.
        String docs = SecurityHeaders.apiDocsPolicy();
        assertThat(directive(docs, "script-src")).isEqualTo("script-src 'self'");
        assertThat(directive(docs, "connect-src")).isEqualTo("connect-src 'self'");
        assertThat(directive(docs, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(directive(docs, "object-src")).isEqualTo("object-src 'none'");
    }
}
