package cn.duban.notify;

import cn.duban.platform.Settings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Channel secrets at rest (SMS gateway keys, robot webhook URLs and 钉钉 secrets): AES-256-GCM with a
 * random 96-bit IV per value, stored as {@code v1:<base64(iv ‖ ciphertext ‖ tag)>}. The associated
 * data names the tenant and the field, so a value copied into another tenant's row or another
 * column does not decrypt.
 *
 * <p>The key comes from {@code duban.secret-key} / {@code DUBAN_SECRET_KEY}: at least 32 random
 * bytes, base64 or hex (e.g. {@code openssl rand -base64 32}); no default (the dev stack and the
 * tests pass a fixed dev key).
 */
public final class SecretBox {

    public static final String PROPERTY = "duban.secret-key";
    public static final String ENV = "DUBAN_SECRET_KEY";
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] material) {
        if (material.length < 32)
            throw new IllegalStateException(
                    ENV + " must hold at least 32 random bytes (openssl rand -base64 32)");
        try {
            // A key of its own, derived with a label: the same bytes reused elsewhere stay apart.
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("duban channel secrets v1".getBytes(StandardCharsets.US_ASCII));
            key = new SecretKeySpec(sha.digest(material), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From the setting; throws naming the variable when it is missing or short. */
    public static SecretBox fromSettings() {
        return new SecretBox(decode(Settings.required(PROPERTY, ENV)));
    }

    static byte[] decode(String text) {
        String t = text.strip();
        try {
            if (t.length() % 2 == 0 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0))
                return HexFormat.of().parseHex(t);
            return Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ENV + " is neither hex nor base64");
        }
    }

    public String seal(String plain, String context) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, iv.length + ct.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String open(String sealed, String context) {
        if (sealed == null) return null;
        if (!sealed.startsWith(PREFIX))
            throw new IllegalStateException("not a sealed value of this release");
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "a channel secret does not decrypt: was DUBAN_SECRET_KEY changed?", e);
        }
    }
}
