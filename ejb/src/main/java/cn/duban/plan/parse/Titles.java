package cn.duban.plan.parse;

import java.util.List;

/** A point's title: its lead phrase up to the first 。, without the unit/deadline annotation. */
final class Titles {

    /** Was {@code [，,；;：:\s]+$}: quadratic on a long run of commas or spaces inside a title. */
    static final Scan.Chars TRAILING_PUNCTUATION = Scan.spaceOr("，,；;：:");

    private static final int MAX = 300;

    private Titles() {}

    static String title(String text, List<int[]> annotationSpans) {
        String t = withoutSpans(text, annotationSpans).replace("\n", "").strip();
        int stop = t.indexOf('。');
        if (stop > 0) t = t.substring(0, stop);
        t = Scan.stripTrailing(t, TRAILING_PUNCTUATION).strip();
        if (t.isEmpty()) t = text.replace("\n", "").strip();
        return t.length() > MAX ? t.substring(0, MAX) + "…" : t;
    }

    static String withoutSpans(String text, List<int[]> spans) {
        if (spans.isEmpty()) return text;
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int[] s : spans) {
            if (s[0] < from) continue;
            out.append(text, from, s[0]);
            from = s[1];
        }
        out.append(text.substring(Math.min(from, text.length())));
        return out.toString();
    }
}
