package cn.duban.account;

import java.security.SecureRandom;

/**
 * One-time passwords for new and reset accounts: 14 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), at least one upper-case letter, lower-case letter, digit and symbol, so they
 * pass the password policies a production realm usually sets. Keycloak makes the person replace it
 * at the first login (required action UPDATE_PASSWORD); Duban never keeps it.
 */
public final class TemporaryPasswords {

    static final int LENGTH = 14;
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%+=-";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {}

    public static String generate() {
        char[] out = new char[LENGTH];
        String[] required = {UPPER, LOWER, DIGITS, SYMBOLS};
        for (int i = 0; i < out.length; i++) {
            String from = i < required.length ? required[i] : ALL;
            out[i] = from.charAt(RANDOM.nextInt(from.length()));
        }
        // Shuffle so the required classes are not always in front.
        for (int i = out.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }
}
