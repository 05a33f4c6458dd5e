package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the responsible units and the deadline a point names, in the styles plans use:
 * (责任单位:A、B,完成时限:全年), (A负责落实), (A、B分别负责落实), (A牵头,B按职责分工负责), 牵头单位:…;配合单位:…, 责任科室:…. Collectives
 * (各部门, 各街镇, 相关部门 …) are marked.
 */
final class UnitAnnotations {

    private static final Pattern LABEL_NOISE = Pattern.compile("[\\s:：]");

    /**
     * Was {@code ^[，,；;。\s]+|[，,；;。\s]+$}: quadratic on a long run of commas or spaces in a value.
     */
    static final Scan.Chars VALUE_EDGE = Scan.spaceOr("，,；;。");

    private static final Pattern LEADING_WORD = Pattern.compile("^(由|请|并|和|及)");
    private static final Pattern NOT_A_NAME = Pattern.compile("\\d{1,2}月|^全年$|^年底前$");

    /** What an annotation said, and where it stands in the text (to keep it out of titles). */
    record Found(List<UnitRef> units, String deadline, List<int[]> spans) {}

    static final Pattern KEY =
            Pattern.compile(
                    "(?=[责牵配协主负分完时按])(?:"
                            + "责任单位|责任部门|牵头单位|配合单位|协办单位|主办单位|责任科室|责任主体|负责落实|分别负责|牵头|完成时限|完成时间|时间节点|时限要求|按职责分工)");
    // The lookahead holds the labels' first characters: other positions fail at once (it runs over
    // whole point texts).
    static final Pattern LABELLED =
            Pattern.compile(
                    "(?=[责牵主配协参完时])"
                            + "(责任单位|责任部门|牵头单位|主办单位|配合单位|协办单位|参与单位|责任科室|责任主体|完成时限|完成时间|时间节点|时限要求|时限)\\s*[:：]\\s*");

    /**
     * The words {@code (等(相关|有关)?(部门|单位|街镇)?|分别|负责落实|负责|落实|按职责分工|按职责|配合|牵头|参与|协同|共同)+$} strips
     * after a name. As a regex it re-read a run of these words from every position and recursed
     * once per word (a StackOverflowError at a few thousand); see {@link #withoutTrailingWords}.
     */
    private static final List<String> TRAILING_WORDS = trailingWords();

    private static final int LONGEST_TRAILING_WORD = 5;

    /**
     * A kind of body named without a place means all of them ("各乡镇人民政府、街道办事处"); a named one
     * (新华街道办事处) or a town's own office (街道社区服务办) is a single unit.
     */
    private static final Set<String> BARE_KINDS =
            Set.of(
                    "街道办事处", "街道办", "街道", "乡镇", "乡镇人民政府", "镇人民政府", "乡镇政府", "镇政府", "镇街", "街镇",
                    "乡镇街道", "乡镇（街道）", "乡镇(街道)", "社区", "村（社区）", "村(社区)", "村居", "居委会", "村委会",
                    "村（居）委会", "村(居)委会", "社区居委会");

    private UnitAnnotations() {}

    static Found find(String original) {
        String text = simplifiedLabels(original);
        Units units = new Units(new ArrayList<>());
        String deadline = null;
        List<int[]> spans = new ArrayList<>();
        List<int[]> groups = parenGroups(text);
        for (int[] group : groups) {
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
        if (units.list.isEmpty() && deadline == null && !groups.isEmpty()) {
            // No label anywhere: a last bracket of unit names ends the point, "（市发展改革委）",
            // "（市数据局负责）", "（市自然资源局，2025年11月）".
            int[] last = groups.get(groups.size() - 1);
            String inner = text.substring(last[0] + 1, last[1] - 1);
            if (endsText(text, last[1]) && namesUnits(inner)) {
                spans.add(last);
                deadline = addFree(inner, units);
            }
        }
        return new Found(dedupe(units.list), deadline, spans);
    }

    /** Whether a line is one labelled bracket and nothing else: "(责任单位:市直各有关单位)". */
    static boolean isStandalone(String line) {
        String l = simplifiedLabels(line);
        List<int[]> groups = parenGroups(l);
        if (groups.size() != 1 || groups.get(0)[0] != 0 || !endsText(l, groups.get(0)[1]))
            return false;
        return KEY.matcher(l.substring(1, groups.get(0)[1] - 1)).find();
    }

    /** Whether only closing punctuation follows {@code from}. */
    private static boolean endsText(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!VALUE_EDGE.has(c) && c != '.' && c != '．') return false;
        }
        return true;
    }

    /**
     * Whether an unlabelled bracket holds only unit names (each ending like a body's name: 局, 委, 办,
     * 中心, 部门 …) and deadline phrases, with at least one name: "（试行）" and "（2025—2027年）" do not.
     */
    private static boolean namesUnits(String inner) {
        boolean unit = false;
        for (String raw : split(inner)) {
            String part = raw.strip();
            if (part.isEmpty() || isDeadlinePhrase(part)) continue;
            String name = withoutTrailingWords(LEADING_WORD.matcher(part).replaceAll("")).strip();
            if (name.length() < 3 || name.length() > 40 || !endsLikeUnit(name)) return false;
            unit = true;
        }
        return unit;
    }

    /** Last characters of a body's name; a bracket after the name ("市数据局（市政务服务中心）") is skipped. */
    private static final String UNIT_ENDINGS = "局委办会府心室部院所处科队行司站馆社厅署组镇乡";

    static boolean endsLikeUnit(String name) {
        String n = name;
        int end = n.length() - 1;
        if (end > 0 && (n.charAt(end) == '）' || n.charAt(end) == ')')) {
            int open = Math.max(n.lastIndexOf('（'), n.lastIndexOf('('));
            if (open > 0) n = n.substring(0, open);
        }
        if (n.isEmpty()) return false;
        return UNIT_ENDINGS.indexOf(n.charAt(n.length() - 1)) >= 0
                || n.endsWith("街道")
                || n.endsWith("部门")
                || n.endsWith("单位");
    }

    /**
     * Whether a piece of an annotation is a deadline ("2025年底前完成", "2025年6月底", "持续推进") rather than
     * a unit: it reads as a date, period, recurrence or relative rule and does not end like a name
     * (市长期护理保险中心 holds 长期).
     */
    static boolean isDeadlinePhrase(String s) {
        if (s.length() > 20 || endsLikeUnit(s)) return false;
        Deadline d = DeadlineParser.parse(s, 2000);
        return d.kind() != DeadlineKind.DEFAULT
                && (d.kind() != DeadlineKind.RELATIVE || DeadlineParser.RELATIVE.matcher(s).find());
    }

    /**
     * Label words of traditional-script plans (牽頭, 責任單位, 按職責分工負責) in simplified script, so that one
     * set of patterns reads both. Same lengths: spans found in the result fit the original.
     */
    static String simplifiedLabels(String s) {
        if (!PlanParser.hasAny(s, "牽責負職時單協別")) return s;
        for (String[] w : TRADITIONAL_LABELS) s = s.replace(w[0], w[1]);
        return s;
    }

    private static final String[][] TRADITIONAL_LABELS = {
        {"牽頭", "牵头"}, {"責任單位", "责任单位"}, {"責任部門", "责任部门"}, {"配合單位", "配合单位"},
        {"協辦單位", "协办单位"}, {"主辦單位", "主办单位"}, {"完成時限", "完成时限"}, {"完成時間", "完成时间"},
        {"時間節點", "时间节点"}, {"按職責分工", "按职责分工"}, {"按職責", "按职责"}, {"負責落實", "负责落实"},
        {"分別負責", "分别负责"}, {"負責", "负责"}, {"分別", "分别"}
    };

    /** Reads one annotation's content into units; returns its deadline phrase if it has one. */
    static String read(String inner, List<UnitRef> units) {
        return read(simplifiedLabels(inner), new Units(units));
    }

    private static String read(String inner, Units units) {
        Matcher m = LABELLED.matcher(inner);
        List<int[]> labels = new ArrayList<>();
        while (m.find()) labels.add(new int[] {m.start(), m.end()});
        String deadline = null;
        if (labels.isEmpty()) return addFree(inner, units);
        if (labels.get(0)[0] > 0) deadline = addFree(inner.substring(0, labels.get(0)[0]), units);
        // A bracket of its own "(责任单位:X)" names X's lead even after another bracket's 牵头单位; inside
        // one bracket, 责任单位 after 牵头单位 co-operates.
        boolean leadInGroup = false;
        for (int i = 0; i < labels.size(); i++) {
            int[] l = labels.get(i);
            String label = LABEL_NOISE.matcher(inner.substring(l[0], l[1])).replaceAll("");
            String value =
                    Scan.stripEdges(
                            inner.substring(
                                    l[1],
                                    i + 1 < labels.size() ? labels.get(i + 1)[0] : inner.length()),
                            VALUE_EDGE,
                            VALUE_EDGE);
            if (label.startsWith("完成") || label.startsWith("时")) {
                deadline = value;
            } else if (label.startsWith("配合") || label.startsWith("协办") || label.startsWith("参与")) {
                for (String name : names(value)) units.add(name, UnitRole.COOPERATING);
            } else if (label.startsWith("牵头") || label.startsWith("主办")) {
                for (String name : names(value)) units.add(name, UnitRole.LEAD);
                leadInGroup = true;
            } else {
                boolean leadBefore = units.hasLead;
                units.hasLead = leadInGroup;
                String d = addFree(value, units);
                leadInGroup = units.hasLead;
                units.hasLead |= leadBefore;
                if (d != null && deadline == null) deadline = d;
            }
        }
        return deadline;
    }

    /**
     * "A牵头，B、C配合" / "A、B分别负责落实" / "A、B": the first is lead unless 牵头 says otherwise. Returns the
     * deadline written among the names ("A牵头，B配合，2025年底前完成"), or null.
     */
    private static String addFree(String value, Units units) {
        String deadline = null;
        StringBuilder kept = new StringBuilder();
        for (String part : split(value)) {
            String p = part.strip();
            if (isDeadlinePhrase(p)) {
                deadline = p;
                continue;
            }
            if (kept.length() > 0) kept.append('，');
            kept.append(part);
        }
        String v = kept.toString().strip();
        if (v.isEmpty()) return deadline;
        int lead = v.indexOf("牵头");
        if (lead > 0) {
            for (String name : names(v.substring(0, lead))) units.add(name, UnitRole.LEAD);
            for (String name : names(v.substring(lead + 2))) units.add(name, UnitRole.COOPERATING);
            return deadline;
        }
        // "A、B按职责分工负责" / "A、B分别负责落实": each leads its own share; none is a mere helper.
        boolean shared =
                !units.hasLead && (v.contains("按职责") || v.contains("分别负责")) && !v.contains("配合");
        boolean first = !units.hasLead;
        for (String name : names(v)) {
            if (shared) {
                units.add(name, UnitRole.LEAD);
                continue;
            }
            units.add(name, first ? UnitRole.LEAD : UnitRole.COOPERATING);
            first = false;
        }
        return deadline;
    }

    /**
     * A lead or co-operating column's cell: its column gives the role, unless the cell says
     * "A牵头，B配合" itself.
     */
    static void readCell(String raw, UnitRole role, List<UnitRef> units) {
        String cell = simplifiedLabels(spacesAsSeparators(raw));
        if (cell.indexOf("牵头") > 0) {
            addFree(cell, new Units(units));
            return;
        }
        for (String n : names(cell)) units.add(new UnitRef(n, isCollective(n), role));
    }

    /**
     * A table cell's units separated by single spaces ("市自规局、市住建局 市商务局", as a web table copies
     * them): a space between two pieces of three characters or more becomes 、. A shorter piece is a
     * name broken by the copy (区发改 委) and keeps its space. One pass.
     */
    static String spacesAsSeparators(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        int n = cell.length();
        int i = 0;
        int lastPiece = -1; // length of the piece before the pending space, -1 at the start
        boolean space = false;
        while (i < n) {
            char c = cell.charAt(i);
            if (Scan.isSpace(c) || c == '\u3000' || c == '\u00A0') {
                space = lastPiece >= 0;
                i++;
                continue;
            }
            int s = i;
            while (i < n
                    && !Scan.isSpace(cell.charAt(i))
                    && cell.charAt(i) != '\u3000'
                    && cell.charAt(i) != '\u00A0') i++;
            String piece = cell.substring(s, i);
            if (space) {
                boolean separate =
                        lastPiece >= 3
                                && piece.length() >= 3
                                && !isSeparator(out.charAt(out.length() - 1))
                                && !isSeparator(piece.charAt(0));
                out.append(separate ? '、' : ' ');
            }
            out.append(piece);
            lastPiece = piece.length();
            space = false;
        }
        return out.toString();
    }

    static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        boolean shared = false;
        for (String raw : split(list)) {
            String name = LEADING_WORD.matcher(raw.strip()).replaceAll("");
            int etc = name.indexOf('等');
            if (etc > 0 && etc < name.length() - 1) {
                String rest = withoutTrailingWords(name.substring(etc + 1)).strip();
                if (isCollective(rest)) {
                    // "区数据局等相关部门": a unit and a collective.
                    out.add(withoutTrailingWords(name.substring(0, etc)));
                    name = rest;
                } else if (isGenericKind(rest)) {
                    // "区发改委等单位": the kind word names nobody.
                    name = name.substring(0, etc);
                }
                // Otherwise 等 belongs to the name (高等教育科).
            }
            name = withoutTrailingWords(name).strip();
            // A shared 各 distributes: "各乡镇人民政府、街道办事处" is 各街道办事处 too.
            if (shared && (BARE_KINDS.contains(name) || DISTRIBUTED_KINDS.contains(name)))
                name = "各" + name;
            else shared = name.startsWith("各");
            if (name.length() >= 2 && name.length() <= 40 && !NOT_A_NAME.matcher(name).find())
                out.add(name);
        }
        return out;
    }

    /** Kinds a shared 各 reaches besides BARE_KINDS (各镇人民政府、管理处). */
    private static final Set<String> DISTRIBUTED_KINDS = Set.of("管理处", "管委会", "开发区", "园区");

    /** 部门, 单位, 区直部门, 成员单位 …: what follows 等 when it names no one. */
    private static boolean isGenericKind(String s) {
        return s.isEmpty()
                || s.length() <= 6
                        && (s.endsWith("部门")
                                || s.endsWith("单位")
                                || s.endsWith("街镇")
                                || s.endsWith("镇街")
                                || s.endsWith("科室")
                                || s.endsWith("乡镇"));
    }

    /**
     * {@code SPLIT.split(list)}, except that separators inside brackets do not cut:
     * "区委办（区档案局、区史志办）" is one unit. If a bracket is never closed, brackets are ignored. Two passes
     * at most: linear.
     */
    static List<String> split(String list) {
        List<String> out = splitOutside(list, true);
        return out != null ? out : splitOutside(list, false);
    }

    private static List<String> splitOutside(String s, boolean brackets) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (brackets && (c == '（' || c == '(')) {
                depth++;
            } else if (brackets && (c == '）' || c == ')')) {
                if (depth > 0) depth--;
            } else if (depth == 0
                    && (c == '及' || c == '和')
                    && i > start
                    && s.startsWith("各", i + 1)) {
                // "市级各有关部门及各县市区政府": 及/和 before 各 joins two units.
                out.add(s.substring(start, i));
                start = i + 1;
            } else if (depth == 0 && isSeparator(c)) {
                out.add(s.substring(start, i));
                while (i + 1 < s.length() && isSeparator(s.charAt(i + 1))) i++;
                start = i + 1;
            } else if (depth == 0
                    && isRegexSpace(c)
                    && i + 1 < s.length()
                    && isRegexSpace(s.charAt(i + 1))) {
                out.add(s.substring(start, i));
                while (i + 1 < s.length() && isRegexSpace(s.charAt(i + 1))) i++;
                start = i + 1;
            }
            i++;
        }
        if (depth > 0) return null;
        out.add(s.substring(start));
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == '、' || c == '，' || c == ',' || c == '；' || c == ';' || c == '/';
    }

    /** {@code \s} of java.util.regex without flags. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static boolean isCollective(String name) {
        return name.startsWith("各")
                || name.startsWith("相关")
                || name.startsWith("有关")
                || name.startsWith("其他")
                || name.startsWith("全区")
                || name.startsWith("全市")
                || name.startsWith("全镇")
                || name.endsWith("各单位")
                || BARE_KINDS.contains(name);
    }

    /**
     * The name without the trailing words that end it (配合, 负责落实, 等相关部门 …): the shortest prefix
     * whose rest, up to where {@code $} matches, is a sequence of those words. Read backwards once;
     * a word is at most five characters, so five positions in a row from which no sequence reaches
     * the end stop the scan.
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
                if (i + w.length() <= end
                        && reaches[(i + w.length()) % reaches.length]
                        && name.startsWith(w, i)) {
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
        List<String> words =
                new ArrayList<>(
                        List.of(
                                "分别", "负责落实", "负责", "落实", "按职责分工", "按职责", "配合", "牵头", "参与", "协同",
                                "共同"));
        for (String kind : new String[] {"", "相关", "有关"}) {
            for (String what : new String[] {"", "部门", "单位", "街镇"}) words.add("等" + kind + what);
        }
        return List.copyOf(words);
    }

    /**
     * The units read so far, and whether one leads (asked for every annotation: a list scan made
     * that quadratic).
     */
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

    /**
     * Outermost bracket groups （…） / (…) / […] / 〔…〕 as [start, end) spans, tolerating nesting and
     * mixed widths.
     */
    static List<int[]> parenGroups(String text) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPENING.indexOf(c) >= 0) {
                if (depth++ == 0) start = i;
            } else if (CLOSING.indexOf(c) >= 0 && depth > 0) {
                if (--depth == 0) out.add(new int[] {start, i + 1});
            }
        }
        return out;
    }

    /**
     * Brackets an annotation may stand in: round, and the square and tortoise-shell ones real plans
     * use too ([牵头单位:…;责任单位:…], 〔责任单位:…〕). Nesting is counted across kinds.
     */
    private static final String OPENING = "（([［〔【";

    private static final String CLOSING = "）)]］〕】";
}
