package cn.duban.dist;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30 s), as the realm's OTP policy
 * sets them.
 */
final class Totp {

    private Totp() {}

    /** The code for the 30-second step {@code step} (epoch seconds / 30). */
    static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0xf;
            int binary =
                    ((h[offset] & 0x7f) << 24)
                            | ((h[offset + 1] & 0xff) << 16)
                            | ((h[offset + 2] & 0xff) << 8)
                            | (h[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long currentStep() {
        return System.currentTimeMillis() / 1000 / 30;
    }

    /** RFC 4648 base32, ignoring spaces and padding (Keycloak shows the key in groups of four). */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(text.length());
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase().toCharArray()) {
            if (c == ' ' || c == '=') continue;
            int v = alphabet.indexOf(c);
            if (v < 0) throw new IllegalArgumentException("not base32: " + c);
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }
}
