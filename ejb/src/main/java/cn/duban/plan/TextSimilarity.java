package cn.duban.plan;

import java.util.HashSet;
import java.util.Set;

/**
 * Similarity of two Chinese passages as the Dice coefficient of their character bigrams: robust to
 * the rewording typical between a district point and a town's response to it, and needs no word
 * segmentation.
 */
public final class TextSimilarity {

    private TextSimilarity() {}

    public static Set<String> bigrams(String text) {
        Set<String> grams = new HashSet<>();
        String t = text == null ? "" : text.replaceAll("[\\p{P}\\p{S}\\s\\d]", "");
        for (int i = 0; i + 1 < t.length(); i++) grams.add(t.substring(i, i + 2));
        return grams;
    }

    public static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int common = 0;
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String g : small) if (large.contains(g)) common++;
        return 2.0 * common / (a.size() + b.size());
    }

    public static double similarity(String a, String b) {
        return dice(bigrams(a), bigrams(b));
    }
}
