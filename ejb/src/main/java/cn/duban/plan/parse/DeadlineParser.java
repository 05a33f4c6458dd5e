package cn.duban.plan.parse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads deadline phrases (完成时限) as rules for a plan year: 全年, 8月, 10月底前, 3月31日前, 上半年, 第三季度, 每季度,
 * 每年8月, 年内至少1次, 决策出台后10个工作日内 … Never throws; an unreadable phrase keeps its text and falls back to
 * the year end.
 */
public final class DeadlineParser {

    /**
     * Was {@code ^[：:，,；;\s]+|[。；;，,\s]+$}: quadratic on a long run of commas or spaces in a
     * phrase.
     */
    static final Scan.Chars LEADING_EDGE = Scan.spaceOr("：:，,；;");

    static final Scan.Chars TRAILING_EDGE = Scan.spaceOr("。；;，,");

    private static final String CN_NUM = "一二三四五六七八九十";
    // Linear: a match starts at a digit, and each \s* sits between a digit run and 年/月/日 (never a
    // space), so a run of spaces is read from one start only.
    private static final Pattern FULL_DATE =
            Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern YEAR_MONTH =
            Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(上旬|中旬|下旬)?");
    private static final Pattern MONTH_DAY =
            Pattern.compile("(?<!\\d)(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    // Possessive runs (*+, ++) wherever the next token cannot start with what the run holds: the
    // same matches, without re-trying every split of a long run of spaces or digits. \s*(?:月)?\s*
    // (quadratic on spaces) is \s*+(?:月\s*+)?; QUARTER's leading 第?\s* re-read a run of spaces
    // from each of its positions and only moved where a match starts, never its group.
    static final Pattern MONTH_RANGE =
            Pattern.compile("(?<!\\d)(\\d{1,2})\\s*+(?:月\\s*+)?[-—–~～至到]\\s*+(\\d{1,2})\\s*+月");
    private static final Pattern MONTH =
            Pattern.compile("(?<![\\d年])(\\d{1,2})\\s*月\\s*(上旬|中旬|下旬)?");
    // A leading (?=[…]) lists the characters a match starts with: other positions fail at once
    // (a deadline phrase may be a whole annotation value).
    static final Pattern MONTH_CN =
            Pattern.compile("(?=[一二三四五六七八九十])(?<![\\d年每])(十[一二]?|[一二三四五六七八九])月\\s*(上旬|中旬|下旬)?");
    static final Pattern QUARTER = Pattern.compile("([1-4一二三四])\\s*+季度");
    private static final Pattern EVERY_YEAR_MONTH = Pattern.compile("每年\\s*(\\d{1,2})\\s*月");
    static final Pattern AT_LEAST =
            Pattern.compile(
                    "(?=[年每全])(?:年内|每年|全年)[^，。；]{0,8}?至少[^，。；\\d一二两三四五六七八九十]{0,6}(\\d++|[一二两三四五六七八九十])\\s*+次");
    // Possessive: neither \S nor a number starts with a space, and 个 and the units start with
    // neither a digit nor a Chinese numeral, so a run given back could never be used; \S{0,6}? is
    // bounded.
    static final Pattern RELATIVE =
            Pattern.compile(
                    "(?=[后之及适随])(?:后\\s*+\\S{0,6}?(\\d++|[一二三四五六七八九十]++)\\s*+(个)?(工作日|日|天|周|个月|月)内|之日起|及时|适时|随时)");
    static final Pattern CONTINUOUS =
            Pattern.compile("(?=[全年持长常每当])(?:全年|年底|年末|年内|持续|长期|常态|全程|每年|年度内|当年)");

    /**
     * Date phrases inside a point's text: 6月底前, 9月30日前, 上半年, 第三季度, 年底前. The lookahead holds the
     * first characters of the alternatives: other positions fail at once instead of in each
     * alternative (the pattern runs over whole point texts).
     */
    static final Pattern IN_TEXT =
            Pattern.compile(
                    "(?=[年每全上下第一二三四\\d])(?:"
                            + "(?:年内|每年|全年)[^，。；,;]{0,8}?至少[^，。；,;\\d一二两三四五六七八九十]{0,6}(?:\\d++|[一二两三四五六七八九十])\\s*+次"
                            + "|(?<![\\d年])(?:\\d{4}\\s*+年\\s*+)?\\d{1,2}\\s*+月\\s*+(?:\\d{1,2}\\s*+日\\s*+)?(?:(?:上旬|中旬|下旬|底|末)\\s*+)?(?:前|以前|之前)"
                            + "|(?:上半年|下半年|第?[一二三四1-4]季度)(?:末|底)?\\s*(?:前|以前|之前)?"
                            + "|年底前|年内|每季度|每月|每年\\s*\\d{1,2}\\s*月)");

    private DeadlineParser() {}

    public static Deadline parse(String phrase, int year) {
        try {
            return read(phrase, year);
        } catch (RuntimeException e) {
            // A phrase like "2月30日" or an absurd year: keep the words, fall back to the year end.
            return new Deadline(
                    clean(phrase),
                    yearEnd(year),
                    phrase == null || phrase.isBlank()
                            ? DeadlineKind.DEFAULT
                            : DeadlineKind.RELATIVE,
                    null);
        }
    }

    static Deadline read(String phrase, int year) {
        String p = clean(phrase);
        if (p == null) return new Deadline(null, yearEnd(year), DeadlineKind.DEFAULT, null);
        String n = TextNormalizer.normalize(p);
        Matcher m;
        if ((m = AT_LEAST.matcher(n)).find()) {
            return new Deadline(
                    p,
                    yearEnd(year),
                    DeadlineKind.FREQUENCY,
                    "AT_LEAST_" + number(m.group(1)) + "_PER_YEAR");
        }
        if (n.contains("每季度") || n.contains("每个季度") || n.contains("按季度") || n.contains("逐季")) {
            return new Deadline(p, yearEnd(year), DeadlineKind.RECURRING, "QUARTERLY");
        }
        if (n.contains("每半年"))
            return new Deadline(p, yearEnd(year), DeadlineKind.RECURRING, "HALF_YEARLY");
        if (n.contains("每月") || n.contains("按月") || n.contains("逐月")) {
            return new Deadline(p, yearEnd(year), DeadlineKind.RECURRING, "MONTHLY");
        }
        if (n.contains("每周"))
            return new Deadline(p, yearEnd(year), DeadlineKind.RECURRING, "WEEKLY");
        if ((m = EVERY_YEAR_MONTH.matcher(n)).find()) {
            return new Deadline(
                    p, monthEnd(year, month(m.group(1))), DeadlineKind.RECURRING, "YEARLY");
        }
        if (RELATIVE.matcher(n).find())
            return new Deadline(p, yearEnd(year), DeadlineKind.RELATIVE, null);
        LocalDate date = date(n, year);
        if (date != null) return new Deadline(p, date, DeadlineKind.BY_DATE, null);
        if (n.contains("上半年"))
            return new Deadline(p, LocalDate.of(year, 6, 30), DeadlineKind.PERIOD, null);
        if (n.contains("下半年")) return new Deadline(p, yearEnd(year), DeadlineKind.PERIOD, null);
        if ((m = QUARTER.matcher(n)).find()) {
            int q = number(m.group(1));
            return new Deadline(p, monthEnd(year, q * 3), DeadlineKind.PERIOD, null);
        }
        if (CONTINUOUS.matcher(n).find())
            return new Deadline(p, yearEnd(year), DeadlineKind.YEAR_END_CONTINUOUS, null);
        return new Deadline(p, yearEnd(year), DeadlineKind.RELATIVE, null);
    }

    /** The date a phrase names, or null: explicit dates win over month names. */
    static LocalDate date(String n, int year) {
        Matcher m;
        if ((m = FULL_DATE.matcher(n)).find()) {
            return LocalDate.of(
                    plausibleYear(m.group(1), year), month(m.group(2)), day(m.group(3)));
        }
        if ((m = YEAR_MONTH.matcher(n)).find()) {
            return inMonth(plausibleYear(m.group(1), year), month(m.group(2)), m.group(3));
        }
        if ((m = MONTH_DAY.matcher(n)).find())
            return LocalDate.of(year, month(m.group(1)), day(m.group(2)));
        if ((m = MONTH_RANGE.matcher(n)).find()) return monthEnd(year, month(m.group(2)));
        if ((m = MONTH.matcher(n)).find()) return inMonth(year, month(m.group(1)), m.group(2));
        if ((m = MONTH_CN.matcher(n)).find()) return inMonth(year, number(m.group(1)), m.group(2));
        return null;
    }

    /** Milestones: each dated clause of the text, with the clause as its description. */
    public static List<Milestone> milestones(String text, int year) {
        return dates(text, year).milestones();
    }

    /**
     * A text's date phrases: the last one ({@link #phraseIn}) and its {@link #milestones}, from one
     * pass.
     */
    record Dates(String last, List<Milestone> milestones) {}

    static Dates dates(String text, int year) {
        List<Milestone> out = new ArrayList<>();
        if (text == null) return new Dates(null, out);
        String n = TextNormalizer.normalize(text);
        Matcher m = IN_TEXT.matcher(n);
        String last = null;
        boolean collecting = true;
        while (m.find()) {
            last = m.group();
            if (!collecting || out.size() >= 20 || last.startsWith("每") || last.equals("年内"))
                continue;
            try {
                Deadline d = read(last, year);
                if (d.kind() == DeadlineKind.BY_DATE || d.kind() == DeadlineKind.PERIOD) {
                    out.add(new Milestone(clause(n, m.start(), m.end()), d.date()));
                }
            } catch (RuntimeException e) {
                // Milestones are a help, not a requirement: a strange date ends them (the last
                // phrase is still wanted).
                collecting = false;
            }
        }
        return new Dates(last, out);
    }

    /** The last deadline-like phrase in a text (……，年底前完成。), or null. */
    public static String phraseIn(String text) {
        if (text == null) return null;
        Matcher m = IN_TEXT.matcher(TextNormalizer.normalize(text));
        String last = null;
        while (m.find()) last = m.group();
        return last;
    }

    static String clause(String text, int start, int end) {
        int from = start;
        while (from > 0 && "，。；,;！？\n".indexOf(text.charAt(from - 1)) < 0) from--;
        int to = end;
        while (to < text.length() && "，。；,;！？\n".indexOf(text.charAt(to)) < 0) to++;
        return text.substring(from, to).strip();
    }

    private static LocalDate inMonth(int year, int month, String part) {
        if ("上旬".equals(part)) return LocalDate.of(year, month, 10);
        if ("中旬".equals(part)) return LocalDate.of(year, month, 20);
        return monthEnd(year, month);
    }

    private static int plausibleYear(String y, int planYear) {
        int v = Integer.parseInt(y);
        return v >= 2000 && v <= 2100 ? v : planYear;
    }

    private static int month(String s) {
        int m = Integer.parseInt(s.strip());
        if (m < 1 || m > 12) throw new IllegalArgumentException("month " + m);
        return m;
    }

    private static int day(String s) {
        return Integer.parseInt(s.strip());
    }

    static int number(String s) {
        if (s.chars().allMatch(Character::isDigit)) return Integer.parseInt(s);
        if (s.equals("两")) return 2;
        if (s.equals("十")) return 10;
        if (s.startsWith("十")) return 10 + CN_NUM.indexOf(s.charAt(1)) + 1;
        if (s.endsWith("十")) return (CN_NUM.indexOf(s.charAt(0)) + 1) * 10;
        if (s.length() == 3 && s.charAt(1) == '十')
            return (CN_NUM.indexOf(s.charAt(0)) + 1) * 10 + CN_NUM.indexOf(s.charAt(2)) + 1;
        return CN_NUM.indexOf(s.charAt(0)) + 1;
    }

    private static LocalDate monthEnd(int year, int month) {
        return YearMonth.of(year, month).atEndOfMonth();
    }

    private static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 12, 31);
    }

    private static String clean(String phrase) {
        if (phrase == null) return null;
        String p = Scan.stripEdges(phrase.strip(), LEADING_EDGE, TRAILING_EDGE);
        return p.isEmpty() ? null : p;
    }
}
