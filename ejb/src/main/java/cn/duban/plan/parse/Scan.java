package cn.duban.plan.parse;

/**
 * One-pass scans that replace regexes which backtracked quadratically (or worse) on runs of
 * punctuation, spaces or annotation words: {@code [，,\s]+$} tried from every position of a run
 * re-reads the rest of the run each time. Each method says which regex it stands for and keeps its
 * meaning exactly, including where {@code $} matches (at the end, or before a final line break);
 * ScanEquivalenceProperties checks them against the regexes.
 */
final class Scan {

    /** A set of characters. */
    @FunctionalInterface
    interface Chars {
        boolean has(char c);
    }

    private Scan() {}

    /** {@code \s} without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What {@code .} does not match (no DOTALL, no UNIX_LINES). */
    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** {@code \s} or one of the listed characters. */
    static Chars spaceOr(String chars) {
        return c -> isSpace(c) || chars.indexOf(c) >= 0;
    }

    static boolean hasLineBreak(CharSequence s) {
        for (int i = 0; i < s.length(); i++) if (isLineBreak(s.charAt(i))) return true;
        return false;
    }

    /**
     * Where {@code $} matches apart from the very end: before a final line break ("\r\n" counts as
     * one), else the length.
     */
    static int endBeforeFinalBreak(CharSequence s) {
        int n = s.length();
        if (n >= 2 && s.charAt(n - 2) == '\r' && s.charAt(n - 1) == '\n') return n - 2;
        if (n >= 1 && isLineBreak(s.charAt(n - 1))) return n - 1;
        return n;
    }

    /**
     * {@code s.replaceAll("[set]+$", "")}, for a set that holds '\n' whenever it holds '\r' (all
     * sets here do): the run of set characters at the end goes, or the run just before a final line
     * break the set does not hold.
     */
    static String stripTrailing(String s, Chars set) {
        int n = s.length();
        int end = n > 0 && !set.has(s.charAt(n - 1)) ? endBeforeFinalBreak(s) : n;
        int start = end;
        while (start > 0 && set.has(s.charAt(start - 1))) start--;
        return start == end ? s : s.substring(0, start) + s.substring(end);
    }

    /** {@code s.replaceAll("^[set]+", "")}. */
    static String stripLeading(String s, Chars set) {
        int start = 0;
        while (start < s.length() && set.has(s.charAt(start))) start++;
        return s.substring(start);
    }

    /** {@code s.replaceAll("^[lead]+|[trail]+$", "")}. */
    static String stripEdges(String s, Chars lead, Chars trail) {
        return stripTrailing(stripLeading(s, lead), trail);
    }
}
