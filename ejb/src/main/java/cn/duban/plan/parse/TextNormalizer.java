package cn.duban.plan.parse;

/**
 * Normalises what varies between copies of the same document without changing its words: line ends,
 * page breaks, full-width digits and letters, the many kinds of spaces. Chinese punctuation (，。：（）)
 * is kept as written.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static String normalize(String text) {
        // Most text has nothing to normalise: the same string, not a copy of it.
        int first = 0;
        while (first < text.length() && !changes(text.charAt(first))) first++;
        if (first == text.length()) return text;
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            } else if (c == '\f' || c == '\u2028' || c == '\u2029' || c == '\u000B') {
                out.append('\n');
            } else if (c == '\u00A0'
                    || c == '\u3000'
                    || c == '\u2002'
                    || c == '\u2003'
                    || c == '\u2009'
                    || c == '\u200B'
                    || c == '\uFEFF') {
                out.append(c == '\u200B' || c == '\uFEFF' ? "" : " ");
            } else if (c >= '\uFF10' && c <= '\uFF19') {
                out.append((char) (c - '\uFF10' + '0'));
            } else if ((c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')) {
                out.append((char) (c - '\uFF01' + '!'));
            } else if (c == '\uFF0E') {
                out.append('．');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether normalize changes or drops the character. */
    private static boolean changes(char c) {
        return c == '\r'
                || c == '\f'
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u000B'
                || c == '\u00A0'
                || c == '\u3000'
                || c == '\u2002'
                || c == '\u2003'
                || c == '\u2009'
                || c == '\u200B'
                || c == '\uFEFF'
                || c >= '\uFF10' && c <= '\uFF19'
                || c >= '\uFF21' && c <= '\uFF3A'
                || c >= '\uFF41' && c <= '\uFF5A'
                || c == '\uFF0E';
    }
}
