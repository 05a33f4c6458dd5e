package cn.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditKeysTest {

    static final byte[] K1 =
            HexFormat.of()
                    .parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    static final byte[] K2 =
            HexFormat.of()
                    .parseHex("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");

    static AuditKeys from(Map<String, String> properties, Map<String, String> env) {
        return AuditKeys.fromSettings(properties::get, env::get);
    }

    @Test
    void aMissingKeyStopsTheStartWithAMessageNamingTheVariable() {
        assertThatThrownBy(() -> from(Map.of(), Map.of()))
                .isInstanceOf(AuditKeys.Invalid.class)
                .hasMessageContaining("DUBAN_AUDIT_KEY")
                .hasMessageContaining("duban.audit.key");
        assertThatThrownBy(
                        () -> from(Map.of("duban.audit.key", " "), Map.of("DUBAN_AUDIT_KEY", "")))
                .hasMessageContaining("DUBAN_AUDIT_KEY");
    }

    @Test
    void shortOrGarbledKeysAreRefusedWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        assertThatThrownBy(() -> from(Map.of(), Map.of("DUBAN_AUDIT_KEY", shortKey)))
                .hasMessageContaining("31 bytes")
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> from(Map.of(), Map.of("DUBAN_AUDIT_KEY", "not a key!")))
                .hasMessageContaining("neither hex nor base64");
        assertThatThrownBy(
                        () ->
                                from(
                                        Map.of(),
                                        Map.of(
                                                "DUBAN_AUDIT_KEY",
                                                HexFormat.of().formatHex(K1),
                                                "DUBAN_AUDIT_KEYS_OLD",
                                                "abcd")))
                .hasMessageContaining("DUBAN_AUDIT_KEYS_OLD");
        assertThatThrownBy(
                        () ->
                                from(
                                        Map.of(),
                                        Map.of(
                                                "DUBAN_AUDIT_KEY",
                                                HexFormat.of().formatHex(K1),
                                                "DUBAN_AUDIT_ALG",
                                                "SHA-256")))
                .hasMessageContaining("DUBAN_AUDIT_ALG");
    }

    @Test
    void hexAndBase64KeysAreTheSameKey() {
        String hex = HexFormat.of().formatHex(K1);
        String b64 = Base64.getEncoder().encodeToString(K1);
        String id = AuditKeys.idOf(K1);
        assertThat(from(Map.of(), Map.of("DUBAN_AUDIT_KEY", hex)).currentId()).isEqualTo(id);
        assertThat(from(Map.of(), Map.of("DUBAN_AUDIT_KEY", hex.toUpperCase())).currentId())
                .isEqualTo(id);
        assertThat(from(Map.of(), Map.of("DUBAN_AUDIT_KEY", b64)).currentId()).isEqualTo(id);
        assertThat(
                        from(
                                        Map.of(),
                                        Map.of(
                                                "DUBAN_AUDIT_KEY",
                                                "base64:"
                                                        + Base64.getUrlEncoder()
                                                                .withoutPadding()
                                                                .encodeToString(K1)))
                                .currentId())
                .isEqualTo(id);
        assertThat(from(Map.of(), Map.of("DUBAN_AUDIT_KEY", "hex:" + hex)).currentId())
                .isEqualTo(id);
        assertThat(id)
                .hasSize(16)
                .isNotEqualTo(AuditKeys.idOf(K2))
                .doesNotContain(hex.substring(0, 8));
    }

    @Test
    void thePropertyWinsOverTheEnvironmentAndOldKeysAreKnownByTheirIds() {
        AuditKeys keys =
                from(
                        Map.of(
                                "duban.audit.key",
                                HexFormat.of().formatHex(K2),
                                "duban.audit.alg",
                                "hmac-sm3"),
                        Map.of(
                                "DUBAN_AUDIT_KEY",
                                HexFormat.of().formatHex(K1),
                                "DUBAN_AUDIT_KEYS_OLD",
                                " " + Base64.getEncoder().encodeToString(K1) + " , "));
        assertThat(keys.currentId()).isEqualTo(AuditKeys.idOf(K2));
        assertThat(keys.algorithm()).isEqualTo(AuditAlgorithm.HMAC_SM3);
        assertThat(keys.ids()).containsExactly(AuditKeys.idOf(K2), AuditKeys.idOf(K1));
        assertThat(keys.key(AuditKeys.idOf(K1))).isEqualTo(K1);
        assertThat(keys.key("0000000000000000")).isNull();
        assertThat(keys.toString())
                .doesNotContain(HexFormat.of().formatHex(K2))
                .contains("HMAC-SM3");
        assertThat(
                        from(Map.of(), Map.of("DUBAN_AUDIT_KEY", HexFormat.of().formatHex(K1)))
                                .algorithm())
                .isEqualTo(AuditAlgorithm.HMAC_SHA256);
    }
}
