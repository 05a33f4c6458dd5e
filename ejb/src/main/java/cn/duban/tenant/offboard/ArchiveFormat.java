package cn.duban.tenant.offboard;

import java.util.Locale;
import java.util.Set;

/**
 * Pure rules of a tenant's archive: which columns are secrets and stay out, how a value is written
 * to CSV, and how a stored file name becomes a safe path inside the zip. Linear in the input, no
 * regular expressions.
 */
public final class ArchiveFormat {

    private ArchiveFormat() {}

    /**
     * Parts of a column name that mark a secret: channel credentials, webhook tokens, API keys. A
     * table added later with such a column is left out of the archive without anyone remembering to
     * list it.
     */
    static final Set<String> SECRET_WORDS =
            Set.of("secret", "password", "passwd", "token", "credential", "apikey", "privatekey");

    /** True if a column of that name must not leave the database. */
    public static boolean isSecret(String column) {
        String squashed = column.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (String word : SECRET_WORDS) {
            if (squashed.contains(word)) return true;
        }
        return false;
    }

    /** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; null is empty. */
    public static String csvField(String value) {
        if (value == null) return "";
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        // A leading = + - @ would be a formula in Excel: prefixed with ' (OWASP CSV injection).
        String safe =
                !value.isEmpty() && "=+-@\t".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                        ? "'" + value
                        : value;
        if (!quote) return safe;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static boolean isNumber(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i == s.length()) return false;
        boolean dot = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) dot = true;
            else if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /**
     * A stored file name as the last part of a zip path: no directories, no dot-only names, no
     * control characters, at most 100 characters; Chinese is kept.
     */
    public static String safeFileName(String name) {
        StringBuilder out = new StringBuilder();
        if (name != null) {
            for (int i = 0; i < name.length() && out.length() < 100; i++) {
                char c = name.charAt(i);
                boolean bad =
                        c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '*'
                                || c == '?' || c == '"' || c == '<' || c == '>' || c == '|';
                out.append(bad ? '_' : c);
            }
        }
        String s = out.toString().strip();
        boolean dotsOnly = true;
        for (int i = 0; i < s.length(); i++) dotsOnly &= s.charAt(i) == '.';
        return dotsOnly ? "file" : s;
    }
}
