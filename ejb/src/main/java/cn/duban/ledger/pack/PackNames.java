package cn.duban.ledger.pack;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Paths inside an evidence pack: readable Chinese folder names, file names cleaned for every file
 * system, and no two entries alike. Names are user input (plan and task titles, unit names,
 * uploaded file names), so each becomes one safe path segment: no separators, no {@code ..}, no
 * drive letter or absolute path, no control or bidirectional-override characters (a name shown as
 * {@code 报告.pdf} that is really {@code ...fdp.exe}), no Windows device names, no trailing dots or
 * blanks, and bounded in length. Uniqueness is case-insensitive (Windows and macOS extract {@code
 * A.pdf} and {@code a.pdf} to one file). Pure: no container types, unit-tested.
 */
public final class PackNames {

    /** Longest folder name in code points: Windows paths still fit in 260 characters. */
    static final int FOLDER_MAX = 60;

    /** Longest file name in code points, its extension included. */
    static final int FILE_MAX = 80;

    /** Longest plan folder name in code points. */
    static final int PLAN_MAX = 40;

    /** Characters of a task title kept in its folder name. */
    static final int SHORT_TITLE = 24;

    private static final Set<String> DEVICES =
            Set.of(
                    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6",
                    "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
                    "lpt8", "lpt9");

    /** Every path handed out, lower-cased: folders and files alike. */
    private final Set<String> taken = new HashSet<>();

    /**
     * A new, unique folder {@code name} under {@code parent} ("" for the root), as a path without a
     * trailing slash.
     */
    public String folder(String parent, String name) {
        return unique(parent, segment(name, FOLDER_MAX, "未命名"), "");
    }

    /** A new, unique path for a file called {@code name} in the folder {@code parent}. */
    public String file(String parent, String name) {
        String clean = segment(name, Integer.MAX_VALUE, "未命名文件");
        int dot = clean.lastIndexOf('.');
        String ext = dot > 0 && clean.length() - dot <= 10 ? clean.substring(dot) : "";
        String base = clean.substring(0, clean.length() - ext.length());
        base = trim(cut(base, FILE_MAX - ext.codePointCount(0, ext.length())));
        return unique(parent, base.isEmpty() ? "未命名文件" : base, ext);
    }

    private String unique(String parent, String base, String ext) {
        String prefix = parent.isEmpty() ? "" : parent + "/";
        String path = prefix + base + ext;
        for (int n = 2; !taken.add(path.toLowerCase(Locale.ROOT)); n++) {
            path = prefix + base + " (" + n + ")" + ext;
        }
        return path;
    }

    /**
     * A task's folder name: {@code <point number> <short title> - <unit name>}, e.g. {@code 3
     * 开展政务公开专项检查 - 长寿路街道}.
     */
    public static String taskFolder(String pointNumber, String title, String unitName) {
        String unit = unitName == null ? "" : unitName.strip();
        String numbered = numbered(pointNumber, title);
        String number = pointNumber == null ? "" : pointNumber.strip();
        // The number stays whole however short the title is cut.
        String rest = number.isEmpty() ? numbered : numbered.substring(number.length()).strip();
        String head = number.isEmpty() ? "" : number + " ";
        return (head + shortTitle(rest) + " - " + unit).strip();
    }

    /**
     * The task's title led by its point's number, as the ledger writes it (published tasks already
     * carry it; a title without it gets it).
     */
    public static String numbered(String pointNumber, String title) {
        String number = pointNumber == null ? "" : pointNumber.strip();
        String t = title == null ? "" : title.strip();
        if (number.isEmpty() || t.equals(number) || t.startsWith(number + " ")) return t;
        return number + " " + t;
    }

    /** A plan's folder name: its title, shortened. */
    public static String planFolder(String title) {
        return cut(segment(title, Integer.MAX_VALUE, "未命名计划"), PLAN_MAX);
    }

    /**
     * The title up to its first full stop or clause (the rest is in the summary), at most {@value
     * #SHORT_TITLE} characters.
     */
    static String shortTitle(String title) {
        String t = title == null ? "" : title.strip();
        int end = t.length();
        for (char stop : new char[] {'。', '；', ';', '：', ':', '\n'}) {
            int i = t.indexOf(stop);
            if (i >= 4 && i < end) end = i;
        }
        t = t.substring(0, end).strip();
        int cut = t.codePointCount(0, t.length()) > SHORT_TITLE ? SHORT_TITLE - 1 : -1;
        return cut < 0 ? t : cut(t, cut) + "…";
    }

    /**
     * One safe path segment: separators and characters Windows refuses become their full-width
     * forms (still readable in Chinese), control and format characters go, leading and trailing
     * dots and blanks go, device names get a leading underscore, and it is cut to {@code max} code
     * points. Never empty: {@code fallback} instead.
     */
    static String segment(String raw, int max, String fallback) {
        StringBuilder out = new StringBuilder();
        if (raw != null) {
            raw.codePoints()
                    .forEach(
                            cp -> {
                                int type = Character.getType(cp);
                                if (cp == '\t' || cp == '\n' || cp == '\r') out.append(' ');
                                else if (type == Character.CONTROL
                                        || type == Character.FORMAT
                                        || type == Character.PRIVATE_USE
                                        || type == Character.SURROGATE
                                        || type == Character.UNASSIGNED
                                        || type == Character.LINE_SEPARATOR
                                        || type == Character.PARAGRAPH_SEPARATOR) {
                                    // dropped: invisible, or reorders what the reader sees
                                } else out.append(Character.toChars(replacement(cp)));
                            });
        }
        String s = collapseBlanks(out.toString());
        s = trim(s);
        s = cut(s, max);
        s = trim(s);
        if (s.isEmpty()) return fallback;
        String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        if (DEVICES.contains(stem.strip().toLowerCase(Locale.ROOT))) s = "_" + s;
        return s;
    }

    private static int replacement(int cp) {
        return switch (cp) {
            case '/' -> '／';
            case '\\' -> '＼';
            case ':' -> '：';
            case '*' -> '＊';
            case '?' -> '？';
            case '"' -> '＂';
            case '<' -> '＜';
            case '>' -> '＞';
            case '|' -> '｜';
            default -> cp;
        };
    }

    private static String collapseBlanks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean blank = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean b = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (b && blank) continue;
            out.append(b ? ' ' : c);
            blank = b;
        }
        return out.toString();
    }

    /** Without leading and trailing blanks and dots ("..", ". ", "x." are no names to extract). */
    private static String trim(String s) {
        int from = 0, to = s.length();
        while (from < to && (s.charAt(from) == '.' || s.charAt(from) == ' ')) from++;
        while (to > from && (s.charAt(to - 1) == '.' || s.charAt(to - 1) == ' ')) to--;
        return s.substring(from, to);
    }

    /** At most {@code max} code points, never splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (max == Integer.MAX_VALUE || s.codePointCount(0, s.length()) <= max) return s;
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, max)));
    }
}
