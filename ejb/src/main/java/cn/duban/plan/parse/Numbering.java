package cn.duban.plan.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering styles of Chinese official documents: 一、 / (一)（一） / 1. 1、 1． / (1)（1） / ①. Which
 * style is which depth is learnt from each document, not fixed.
 */
enum Numbering {
    CHINESE("一二三四五六七八九十百", "^([一二三四五六七八九十百]{1,4})\\s*[、．.，,]\\s*"),
    PAREN_CHINESE("（(", "^[（(]\\s*([一二三四五六七八九十百]{1,4})\\s*[）)]\\s*[、．.]?\\s*"),
    ARABIC("0123456789", "^(\\d{1,3})\\s*(?:[、．.](?!\\d)|[，,](?=\\D))\\s*"),
    PAREN_ARABIC("（(", "^[（(]\\s*(\\d{1,3})\\s*[）)]\\s*[、．.]?\\s*"),
    CIRCLED("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", "^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\\s*"),
    ORDINAL("第", "^(第[一二三四五六七八九十百]{1,4}[部分章条项])\\s*[、：:．.]?\\s*");

    // Linear: lookingAt, one attempt per line; each \s* sits between tokens that are not spaces
    // (or ends the pattern, which then has nothing to backtrack into).
    private static final Numbering[] STYLES = values();

    /**
     * The characters a numbered line of this style starts with: other lines need no Matcher (one
     * per line and style adds up).
     */
    final String starts;

    final Pattern pattern;

    Numbering(String starts, String regex) {
        this.starts = starts;
        this.pattern = Pattern.compile(regex);
    }

    /** A numbered line: its style, display number, value and the text after the number. */
    record Match(Numbering style, String number, int value, String rest) {}

    static Match match(String line) {
        if (line.isEmpty()) return null;
        char first = line.charAt(0);
        for (Numbering n : STYLES) {
            if (n.starts.indexOf(first) < 0) continue;
            Matcher m = n.pattern.matcher(line);
            // Every style is anchored at the start: lookingAt, not a find that tries each position
            // of a long line.
            if (m.lookingAt()) {
                String rest = line.substring(m.end()).strip();
                // "1、" alone or "2025年" are not points; a heading needs words after its number.
                if (rest.isEmpty() && n != CHINESE) return null;
                String raw = m.group(1);
                return new Match(n, n.display(raw), n.value(raw), rest);
            }
        }
        return null;
    }

    private String display(String raw) {
        return switch (this) {
            case PAREN_CHINESE, PAREN_ARABIC -> "(" + raw + ")";
            default -> raw;
        };
    }

    private int value(String raw) {
        return switch (this) {
            case ARABIC, PAREN_ARABIC -> Integer.parseInt(raw);
            case CIRCLED -> raw.charAt(0) - '①' + 1;
            case ORDINAL ->
                    DeadlineParser.number(
                            raw.substring(1, raw.length() - (raw.endsWith("部分") ? 2 : 1)));
            default -> DeadlineParser.number(raw);
        };
    }
}
