package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    static final SecretBox BOX =
            new SecretBox("duban-test-secret-key-32-bytes-long!".getBytes(StandardCharsets.UTF_8));

    @Test
    void sealsWithAFreshIvAndOpensOnlyInItsContext() {
        String a = BOX.seal("SECabcdef", "t1|sms-key"), b = BOX.seal("SECabcdef", "t1|sms-key");
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("SECabcdef");
        assertThat(BOX.open(a, "t1|sms-key")).isEqualTo("SECabcdef");
        assertThatThrownBy(() -> BOX.open(a, "t2|sms-key"))
                .isInstanceOf(IllegalStateException.class);
        SecretBox other =
                new SecretBox(
                        "another-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> other.open(a, "t1|sms-key"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new SecretBox(new byte[16]))
                .hasMessageContaining("DUBAN_SECRET_KEY");
    }
}
