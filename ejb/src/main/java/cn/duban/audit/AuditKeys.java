package cn.duban.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The secrets that key the audit chain, from configuration the database does not hold: the current
 * key (new entries), older keys (entries written before a rotation) and the algorithm for new
 * entries. A key is known by its id, derived from the key itself, so an operator never names keys
 * and an entry's {@code key_id} always finds the key that wrote it.
 *
 * <p>Settings (a system property wins over the environment variable, as in server.cli):
 *
 * <ul>
 *   <li>{@code duban.audit.key} / {@code DUBAN_AUDIT_KEY}: at least 32 bytes, base64 or hex (an
 *       optional {@code base64:} or {@code hex:} prefix settles it), e.g. {@code openssl rand
 *       -base64 32};
 *   <li>{@code duban.audit.keys-old} / {@code DUBAN_AUDIT_KEYS_OLD}: earlier keys, separated by
 *       commas;
 *   <li>{@code duban.audit.alg} / {@code DUBAN_AUDIT_ALG}: {@code HMAC-SHA256} (default) or {@code
 *       HMAC-SM3}.
 * </ul>
 */
public final class AuditKeys {

    public static final String KEY_PROPERTY = "duban.audit.key";
    public static final String KEY_ENV = "DUBAN_AUDIT_KEY";
    public static final String OLD_KEYS_PROPERTY = "duban.audit.keys-old";
    public static final String OLD_KEYS_ENV = "DUBAN_AUDIT_KEYS_OLD";
    public static final String ALG_PROPERTY = "duban.audit.alg";
    public static final String ALG_ENV = "DUBAN_AUDIT_ALG";
    public static final int MIN_KEY_BYTES = 32;

    private static final byte[] ID_LABEL = "duban audit key id".getBytes(StandardCharsets.US_ASCII);

    /** A configuration the application cannot start with; the message says what to set. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private final AuditAlgorithm algorithm;
    private final String currentId;
    private final Map<String, byte[]> byId;

    private AuditKeys(AuditAlgorithm algorithm, byte[] current, List<byte[]> older) {
        if (!algorithm.keyed())
            throw new Invalid("the audit algorithm must be keyed: HMAC-SHA256 or HMAC-SM3");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        this.currentId = idOf(current);
        keys.put(currentId, current.clone());
        for (byte[] k : older) keys.putIfAbsent(idOf(k), k.clone());
        this.algorithm = algorithm;
        this.byId = Collections.unmodifiableMap(keys);
    }

    public static AuditKeys of(AuditAlgorithm algorithm, byte[] current, List<byte[]> older) {
        return new AuditKeys(algorithm, current, older);
    }

    /** From the JVM's system properties and environment. */
    public static AuditKeys fromSettings() {
        return fromSettings(System::getProperty, System::getenv);
    }

    /**
     * From settings looked up by name; throws {@link Invalid} with a message naming what to set.
     */
    public static AuditKeys fromSettings(
            UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String key = setting(properties, environment, KEY_PROPERTY, KEY_ENV);
        if (key == null) {
            throw new Invalid(
                    "No audit key: set "
                            + KEY_ENV
                            + " (or -D"
                            + KEY_PROPERTY
                            + ") to at least "
                            + MIN_KEY_BYTES
                            + " random bytes, base64 or hex (e.g. openssl rand -base64 32); Duban does not start without it");
        }
        byte[] current = decode(key, KEY_ENV);
        List<byte[]> older = new ArrayList<>();
        String old = setting(properties, environment, OLD_KEYS_PROPERTY, OLD_KEYS_ENV);
        if (old != null) {
            for (String k : old.split(",")) {
                if (!k.isBlank()) older.add(decode(k, OLD_KEYS_ENV));
            }
        }
        String alg = setting(properties, environment, ALG_PROPERTY, ALG_ENV);
        AuditAlgorithm algorithm =
                alg == null ? AuditAlgorithm.HMAC_SHA256 : AuditAlgorithm.of(alg);
        if (algorithm == null || !algorithm.keyed()) {
            throw new Invalid(
                    ALG_ENV
                            + " (-D"
                            + ALG_PROPERTY
                            + ") must be HMAC-SHA256 or HMAC-SM3, not \""
                            + alg
                            + "\"");
        }
        return new AuditKeys(algorithm, current, older);
    }

    private static String setting(
            UnaryOperator<String> properties,
            UnaryOperator<String> environment,
            String property,
            String env) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) value = environment.apply(env);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A key as configured: {@code hex:…}, {@code base64:…}, or without a prefix hex when the text
     * is only hex digits, else base64 (standard or URL-safe). The message names the setting, never
     * the value.
     */
    static byte[] decode(String text, String settingName) {
        String t = text.strip();
        byte[] key;
        try {
            if (t.regionMatches(true, 0, "hex:", 0, 4)) {
                key = HexFormat.of().parseHex(t.substring(4).strip());
            } else if (t.regionMatches(true, 0, "base64:", 0, 7)) {
                key = base64(t.substring(7).strip());
            } else if (t.length() % 2 == 0 && isHex(t)) {
                key = HexFormat.of().parseHex(t);
            } else {
                key = base64(t);
            }
        } catch (IllegalArgumentException e) {
            throw new Invalid(settingName + " is neither hex nor base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new Invalid(
                    settingName
                            + " holds "
                            + key.length
                            + " bytes; an audit key needs at least "
                            + MIN_KEY_BYTES
                            + " random bytes (e.g. openssl rand -base64 32)");
        }
        return key;
    }

    private static byte[] base64(String t) {
        return t.indexOf('-') >= 0 || t.indexOf('_') >= 0
                ? Base64.getUrlDecoder().decode(t)
                : Base64.getDecoder().decode(t);
    }

    private static boolean isHex(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) return false;
        }
        return !t.isEmpty();
    }

    /**
     * 16 hex digits that name the key: an HMAC of a fixed label, so the id reveals nothing of the
     * key.
     */
    public static String idOf(byte[] key) {
        byte[] mac = AuditAlgorithm.HMAC_SHA256.mac(key, ID_LABEL);
        return HexFormat.of().formatHex(mac, 0, 8);
    }

    /** The algorithm new entries are written with. */
    public AuditAlgorithm algorithm() {
        return algorithm;
    }

    /** The id of the key new entries are written with. */
    public String currentId() {
        return currentId;
    }

    byte[] current() {
        return byId.get(currentId);
    }

    /** The key of that id, or null when it is not configured. */
    byte[] key(String id) {
        return id == null ? null : byId.get(id);
    }

    /** The ids of every configured key, the current one first. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    @Override
    public String toString() {
        return "AuditKeys["
                + algorithm.label()
                + ", current "
                + currentId
                + ", "
                + (byId.size() - 1)
                + " older]";
    }
}
