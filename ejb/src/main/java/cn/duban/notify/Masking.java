package cn.duban.notify;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** What the delivery log and the API show of an address: never the whole of it. */
public final class Masking {

    private Masking() {}

    /** 13812345678 → 138****5678; a short number keeps only its last 2 digits. */
    public static String phone(String phone) {
        String p = phone.strip();
        if (p.length() >= 7) return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        return "*".repeat(Math.max(0, p.length() - 2)) + p.substring(Math.max(0, p.length() - 2));
    }

    public static String phones(List<String> phones) {
        return phones.stream().map(Masking::phone).collect(Collectors.joining(", "));
    }

    /** A webhook by its host (the path and query carry the robot's token). */
    public static String host(String url) {
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? "?" : h;
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    /** a***@example.gov.cn */
    public static String email(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** The last 4 characters of a secret, for "set, ends in …"; nothing of a short one. */
    public static String hint(String secret) {
        return secret == null || secret.length() < 12 ? "" : secret.substring(secret.length() - 4);
    }
}
