package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the responsible units and the deadline a point names, in the styles plans use:
 * (责任单位:A、B,完成时限:全年), (A负责落实), (A、B分别负责落实), (A牵头,B按职责分工负责),
 * 牵头单位:…;配合单位:…, 责任科室:…. Collectives (各部门, 各街镇, 相关部门 …) are marked.
 */
final class UnitAnnotations {

    private static final Pattern LABEL_NOISE = Pattern.compile("[\\s:：]");
    /** Was {@code ^[，,；;。\s]+|[，,；;。\s]+$}: quadratic on a long run of commas or spaces in a value. */
    static final Scan.Chars VALUE_EDGE = Scan.spaceOr("，,；;。");
    private static final Pattern LEADING_WORD = Pattern.compile("^(由|请|并|和|及)");
    private static final Pattern NOT_A_NAME = Pattern.compile("\\d{1,2}月|^全年$|^年底前$");

    /** What an annotation said, and where it stands in the text (to keep it out of titles). */
    record Found(List<UnitRef> units, String deadline, List<int[]> spans) {
    }

    static final Pattern KEY = Pattern.compile("(?=[责牵配协主负分完时])(?:"
            + "责任单位|责任部门|牵头单位|配合单位|协办单位|主办单位|责任科室|责任主体|负责落实|分别负责|牵头|完成时限|完成时间|时间节点|时限要求)");
    // The lookahead holds the labels' first characters: other positions fail at once (it runs over whole point texts).
    static final Pattern LABELLED = Pattern.compile("(?=[责牵主配协参完时])"
            + "(责任单位|责任部门|牵头单位|主办单位|配合单位|协办单位|参与单位|责任科室|责任主体|完成时限|完成时间|时间节点|时限要求|时限)\\s*[:：]\\s*");
    // A find consumes a whole run of separators or spaces at once: linear.
    private static final Pattern SPLIT = Pattern.compile("[、，,；;/]+|\\s{2,}");
    /**
     * The words {@code (等(相关|有关)?(部门|单位|街镇)?|分别|负责落实|负责|落实|按职责分工|按职责|配合|牵头|参与|协同|共同)+$}
     * strips after a name. As a regex it re-read a run of these words from every position and
     * recursed once per word (a StackOverflowError at a few thousand); see {@link #withoutTrailingWords}.
     */
    private static final List<String> TRAILING_WORDS = trailingWords();
    private static final int LONGEST_TRAILING_WORD = 5;

    private UnitAnnotations() {
    }

    static Found find(String text) {
        Units units = new Units(new ArrayList<>());
        String deadline = null;
        List<int[]> spans = new ArrayList<>();
        for (int[] group : parenGroups(text)) {
            String inner = text.substring(group[0] + 1, group[1] - 1);
            if (!KEY.matcher(inner).find()) continue;
            spans.add(group);
            String d = read(inner, units);
            if (d != null) deadline = d;
        }
        if (units.list.isEmpty()) {
            // Unbracketed labels, e.g. a line "牵头单位：区府办；配合单位：各部门" after the point.
            Matcher m = LABELLED.matcher(text);
            if (m.find()) {
                int start = m.start();
                String tail = text.substring(start);
                String d = read(tail, units);
                if (!units.list.isEmpty() || d != null) {
                    spans.add(new int[] {start, text.length()});
                    if (d != null) deadline = d;
                }
            }
        }
        return new Found(dedupe(units.list), deadline, spans);
    }

    /** Reads one annotation's content into units; returns its deadline phrase if it has one. */
    static String read(String inner, List<UnitRef> units) {
        return read(inner, new Units(units));
    }

    private static String read(String inner, Units units) {
        Matcher m = LABELLED.matcher(inner);
        List<int[]> labels = new ArrayList<>();
        while (m.find()) labels.add(new int[] {m.start(), m.end()});
        String deadline = null;
        if (labels.isEmpty()) {
            addFree(inner, units);
            return null;
        }
        if (labels.get(0)[0] > 0) addFree(inner.substring(0, labels.get(0)[0]), units);
        for (int i = 0; i < labels.size(); i++) {
            int[] l = labels.get(i);
            String label = LABEL_NOISE.matcher(inner.substring(l[0], l[1])).replaceAll("");
            String value = Scan.stripEdges(inner.substring(l[1], i + 1 < labels.size() ? labels.get(i + 1)[0] : inner.length()),
                    VALUE_EDGE, VALUE_EDGE);
            if (label.startsWith("完成") || label.startsWith("时")) {
                deadline = value;
            } else if (label.startsWith("配合") || label.startsWith("协办") || label.startsWith("参与")) {
                for (String name : names(value)) units.add(name, UnitRole.COOPERATING);
            } else if (label.startsWith("牵头") || label.startsWith("主办")) {
                for (String name : names(value)) units.add(name, UnitRole.LEAD);
            } else {
                addFree(value, units);
            }
        }
        return deadline;
    }

    /** "A牵头，B、C配合" / "A、B分别负责落实" / "A、B": the first is lead unless 牵头 says otherwise. */
    private static void addFree(String value, Units units) {
        String v = value.strip();
        if (v.isEmpty()) return;
        int lead = v.indexOf("牵头");
        if (lead > 0) {
            for (String name : names(v.substring(0, lead))) units.add(name, UnitRole.LEAD);
            for (String name : names(v.substring(lead + 2))) units.add(name, UnitRole.COOPERATING);
            return;
        }
        boolean first = !units.hasLead;
        for (String name : names(v)) {
            units.add(name, first ? UnitRole.LEAD : UnitRole.COOPERATING);
            first = false;
        }
    }

    static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String raw : SPLIT.split(list)) {
            String name = LEADING_WORD.matcher(raw.strip()).replaceAll("");
            // "区数据局等相关部门": a unit and a collective.
            int etc = name.indexOf('等');
            if (etc > 0 && etc < name.length() - 1) {
                out.add(withoutTrailingWords(name.substring(0, etc)));
                name = name.substring(etc + 1);
            }
            name = withoutTrailingWords(name).strip();
            if (name.length() >= 2 && name.length() <= 40 && !NOT_A_NAME.matcher(name).find()) out.add(name);
        }
        return out;
    }

    static boolean isCollective(String name) {
        return name.startsWith("各") || name.startsWith("相关") || name.startsWith("有关") || name.startsWith("其他")
                || name.startsWith("全区") || name.startsWith("全市") || name.startsWith("全镇") || name.endsWith("各单位");
    }

    /**
     * The name without the trailing words that end it (配合, 负责落实, 等相关部门 …): the shortest
     * prefix whose rest, up to where {@code $} matches, is a sequence of those words. Read
     * backwards once; a word is at most five characters, so five positions in a row from which no
     * sequence reaches the end stop the scan.
     */
    static String withoutTrailingWords(String name) {
        int end = Scan.endBeforeFinalBreak(name);
        boolean[] reaches = new boolean[LONGEST_TRAILING_WORD + 1]; // ring: position i is at i % 6
        reaches[end % reaches.length] = true;
        int first = -1;
        int misses = 0;
        for (int i = end - 1; i >= 0 && misses < LONGEST_TRAILING_WORD; i--) {
            boolean ok = false;
            for (String w : TRAILING_WORDS) {
                if (i + w.length() <= end && reaches[(i + w.length()) % reaches.length] && name.startsWith(w, i)) {
                    ok = true;
                    break;
                }
            }
            reaches[i % reaches.length] = ok;
            if (ok) {
                first = i;
                misses = 0;
            } else {
                misses++;
            }
        }
        return first < 0 ? name : name.substring(0, first) + name.substring(end);
    }

    private static List<String> trailingWords() {
        List<String> words = new ArrayList<>(List.of("分别", "负责落实", "负责", "落实", "按职责分工", "按职责", "配合", "牵头", "参与", "协同", "共同"));
        for (String kind : new String[] {"", "相关", "有关"}) {
            for (String what : new String[] {"", "部门", "单位", "街镇"}) words.add("等" + kind + what);
        }
        return List.copyOf(words);
    }

    /** The units read so far, and whether one leads (asked for every annotation: a list scan made that quadratic). */
    private static final class Units {
        final List<UnitRef> list;
        boolean hasLead;

        Units(List<UnitRef> list) {
            this.list = list;
            for (UnitRef u : list) hasLead |= u.role() == UnitRole.LEAD;
        }

        void add(String name, UnitRole role) {
            if (name.isEmpty()) return;
            list.add(new UnitRef(name, isCollective(name), role));
            hasLead |= role == UnitRole.LEAD;
        }
    }

    private static List<UnitRef> dedupe(List<UnitRef> units) {
        Map<String, UnitRef> byName = new LinkedHashMap<>();
        for (UnitRef u : units) byName.putIfAbsent(u.name(), u);
        return List.copyOf(byName.values());
    }

    /** Outermost bracket groups （…） / (…) as [start, end) spans, tolerating nesting and mixed widths. */
    static List<int[]> parenGroups(String text) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                if (depth++ == 0) start = i;
            } else if ((c == '）' || c == ')') && depth > 0) {
                if (--depth == 0) out.add(new int[] {start, i + 1});
            }
        }
        return out;
    }
}
