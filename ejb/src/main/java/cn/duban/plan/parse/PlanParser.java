package cn.duban.plan.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses a work-point document (工作要点 / 工作计划) of any level into sections and nested points with
 * their responsible units, deadline rules and milestones. Stateless and thread-safe; never throws
 * on any input but {@link PlanParseException} for text with no numbered points at all.
 */
public final class PlanParser {

    // lookingAt: one attempt per line, \s* between a digit and [.．]. MARKDOWN's ^ (no MULTILINE)
    // lets its \s* run only at the start of a line; the rest are literals.
    private static final Pattern DATE_START = Pattern.compile("\\d{1,2}\\s*[.．]\\s*\\d{1,2}");
    private static final Pattern NEWLINE = Pattern.compile("\n");

    static final Pattern MARKDOWN =
            Pattern.compile("^\\s*(#{1,6}\\s*|>\\s*|[-*+]\\s+(?=\\S))|\\*\\*|__|~~|`");

    /** Every MARKDOWN match holds one of these: a line without them needs no Matcher. */
    static final String MARKDOWN_CHARS = "#>-*+_~`";

    /**
     * Was {@code [。；;！!？?：:）)”」』]$} with find(): a Matcher and a pass over each line, for its last
     * character.
     */
    private static final String TERMINATORS = "。；;！!？?：:）)”」』";

    public ParsedPlan parse(String text, ParseOptions options) {
        if (text == null || text.isBlank()) throw new PlanParseException("EMPTY", "文件内容为空。");
        ParseOptions opts = options == null ? ParseOptions.defaults() : options;
        List<String> warnings = new ArrayList<>();
        List<String> lines = Tables.rebuild(lines(text));

        List<OutlineNode> roots = new ArrayList<>();
        List<String> preamble = new ArrayList<>();
        List<String> trailer = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        TableReader table = null;
        Readings readings = new Readings(opts);
        List<OutlineNode> stack = new ArrayList<>();
        boolean previousTerminated = true;
        boolean inPoints = false;

        for (String line : lines) {
            if (Noise.isChrome(line)) {
                if (Noise.isLabelledMetadata(line)) labels.add(line.replace('\t', ' '));
                continue;
            }
            TableReader.Row row = TableReader.split(line);
            if (row != null) {
                if (table == null || TableReader.isHeader(row)) {
                    if (TableReader.isHeader(row)) {
                        table = readings.reader(row);
                        continue;
                    }
                } else {
                    OutlineNode point = table.point(row);
                    if (point != null) {
                        inPoints = true;
                        attachTableRow(point, table, roots, stack);
                        previousTerminated = true;
                    }
                    continue;
                }
            }
            Numbering.Match m = Numbering.match(line);
            if (m != null && !(m.style() == Numbering.ARABIC && !inPoints && looksLikeDate(line))) {
                // A group row (一、…) spanning a table keeps the table: the rows after it are its
                // points.
                if (m.style() != Numbering.CHINESE && m.style() != Numbering.PAREN_CHINESE)
                    table = null;
                else if (table != null) table.groupRows();
                inPoints = true;
                OutlineNode node = new OutlineNode(m.style(), m.number(), m.value(), m.rest());
                place(node, roots, stack);
                previousTerminated = terminated(line);
                continue;
            }
            if (!inPoints) {
                preamble.add(line);
                continue;
            }
            if (Noise.isFurniture(line)) {
                trailer.add(line);
                continue;
            }
            OutlineNode current = stack.isEmpty() ? null : stack.get(stack.size() - 1);
            if (current == null) continue;
            // A line broken mid-sentence joins without a space; a new paragraph starts on a new
            // line.
            current.text.append(previousTerminated ? "\n" : "").append(line);
            current.trailingAnnotation =
                    previousTerminated && UnitAnnotations.isStandalone(line) ? line : null;
            previousTerminated = terminated(line);
        }

        readings.requireChosenUsed();
        if (roots.isEmpty()) {
            throw new PlanParseException(
                    "NO_NUMBERING", "未识别到带编号的工作要点（如“一、”“（一）”“1.”）。请检查文件内容，或将要点按编号逐条列出后重试。");
        }
        for (OutlineNode root : roots) liftTrailingAnnotations(root);
        Metadata meta = Metadata.extract(labels, preamble, trailer, opts, warnings);
        List<Section> sections = sections(roots, meta.year(), meta.title(), warnings);
        return new ParsedPlan(
                meta.title(),
                meta.issuer(),
                meta.level(),
                meta.year(),
                meta.docNumber(),
                meta.issuedOn(),
                sections,
                List.copyOf(warnings),
                readings.tables());
    }

    /**
     * The readers of the document's table headers: the reading chosen for a header, else the
     * remembered one, else the header words'; each distinct header reported once (at most {@link
     * #MAX_TABLES}), the remembered readings looked up once per distinct header.
     */
    private static final class Readings {
        static final int MAX_TABLES = 20;
        private final ParseOptions options;
        private final Map<String, TableColumns> seen = new LinkedHashMap<>();
        private final Map<String, Optional<List<ColumnMeaning>>> lookedUp = new HashMap<>();

        Readings(ParseOptions options) {
            this.options = options;
        }

        TableReader reader(TableReader.Row header) {
            TableReader reader = new TableReader(header);
            String key = TableColumns.key(header.cells());
            if (key == null) return reader;
            TableColumns known = seen.get(key);
            if (known != null) {
                if (known.source() != TableColumns.Source.AUTOMATIC) reader.use(known.meanings());
                return reader;
            }
            List<TableColumns.Choice> choices = options.chosen().get(key);
            List<ColumnMeaning> meanings =
                    choices == null
                            ? null
                            : TableColumns.check(header.cells().size(), reader.meanings(), choices);
            TableColumns.Source source = TableColumns.Source.CHOSEN;
            if (meanings == null) {
                meanings = remembered(key, header.cells().size());
                source = TableColumns.Source.REMEMBERED;
            }
            if (meanings == null) {
                meanings = reader.meanings();
                source = TableColumns.Source.AUTOMATIC;
            } else {
                reader.use(meanings);
            }
            if (seen.size() < MAX_TABLES || source != TableColumns.Source.AUTOMATIC)
                seen.put(key, new TableColumns(key, header.cells(), meanings, source));
            return reader;
        }

        private List<ColumnMeaning> remembered(String key, int width) {
            if (options.remembered() == null) return null;
            Optional<List<ColumnMeaning>> found = lookedUp.get(key);
            if (found == null) {
                if (lookedUp.size() >= ParseOptions.MAX_LOOKUPS) return null;
                List<ColumnMeaning> m = options.remembered().apply(key);
                try {
                    found =
                            Optional.ofNullable(
                                    m != null && m.size() == width
                                            ? TableColumns.checked(m)
                                            : null);
                } catch (PlanParseException e) {
                    found = Optional.empty(); // a reading that no longer fits is not used
                }
                lookedUp.put(key, found);
            }
            return found.orElse(null);
        }

        void requireChosenUsed() {
            for (String key : options.chosen().keySet()) {
                if (!seen.containsKey(key)) {
                    throw new PlanParseException(
                            "COLUMNS_UNKNOWN_TABLE", "文件中没有表头为“" + key + "”的表格，无法按指定的列含义读取。");
                }
            }
        }

        List<TableColumns> tables() {
            return List.copyOf(seen.values());
        }
    }

    /** Lines, normalised, without markdown markers and blank lines. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : NEWLINE.split(TextNormalizer.normalize(text))) {
            String line =
                    (hasAny(raw, MARKDOWN_CHARS) ? MARKDOWN.matcher(raw).replaceAll("") : raw)
                            .strip();
            if (!line.isEmpty()) out.add(withLeadingCells(raw, line));
        }
        return out;
    }

    /**
     * A table row whose first cells are empty (a merged group cell, filled only on the group's
     * first row) keeps the tabs that stand for them: without them its cells shift one column left.
     * Only rows that still have a tab inside; an indented prose line loses its indent.
     */
    private static String withLeadingCells(String raw, String line) {
        if (line.indexOf('\t') < 0) return line;
        int tabs = 0;
        for (int i = 0; i < raw.length() && Scan.isSpace(raw.charAt(i)); i++)
            if (raw.charAt(i) == '\t') tabs++;
        return tabs == 0 ? line : "\t".repeat(tabs) + line;
    }

    /**
     * Whether a line ends a sentence: a terminator at the end, or just before a final line break
     * (where {@code $} matches).
     */
    static boolean terminated(String line) {
        int n = line.length();
        int end = Scan.endBeforeFinalBreak(line);
        return n > 0 && TERMINATORS.indexOf(line.charAt(n - 1)) >= 0
                || end > 0 && end < n && TERMINATORS.indexOf(line.charAt(end - 1)) >= 0;
    }

    static boolean hasAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }

    private static boolean looksLikeDate(String line) {
        return DATE_START.matcher(line).lookingAt();
    }

    /**
     * Puts a point at its depth: a style already open closes everything below it; a new style opens
     * one level deeper. The first style of the document is the top level.
     */
    private static void place(OutlineNode node, List<OutlineNode> roots, List<OutlineNode> stack) {
        int level = -1;
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i).style == node.style) {
                level = i;
                break;
            }
        }
        if (level < 0 && !stack.isEmpty() && node.style == Numbering.CHINESE) level = 0;
        if (level >= 0) {
            while (stack.size() > level) stack.remove(stack.size() - 1);
        }
        if (stack.isEmpty()) roots.add(node);
        else stack.get(stack.size() - 1).children.add(node);
        stack.add(node);
    }

    private static void attachTableRow(
            OutlineNode point,
            TableReader table,
            List<OutlineNode> roots,
            List<OutlineNode> stack) {
        // Table rows sit under the innermost heading that is not itself a table row.
        while (!stack.isEmpty() && stack.get(stack.size() - 1).tableUnits != null)
            stack.remove(stack.size() - 1);
        // Group rows (一、…) across the table are its sections: a 类别 column beside them is not.
        String group = table.hasGroupRows() ? null : table.group();
        if (group != null && (stack.isEmpty() || !group.equals(stack.get(0).groupCell))) {
            stack.clear();
            // A group cell "一、党建引领" keeps its number; one without is numbered by order (一, 二 …).
            Numbering.Match m = Numbering.match(group);
            OutlineNode heading =
                    m != null && m.style() == Numbering.CHINESE
                            ? new OutlineNode(Numbering.CHINESE, m.number(), m.value(), m.rest())
                            : new OutlineNode(
                                    Numbering.CHINESE,
                                    chinese(roots.size() + 1),
                                    roots.size() + 1,
                                    group);
            heading.groupCell = group;
            roots.add(heading);
            stack.add(heading);
        }
        if (stack.isEmpty()) roots.add(point);
        else stack.get(stack.size() - 1).children.add(point);
        stack.add(point);
    }

    /**
     * "1.完善预案体系 (1)… (2)… (3)…" then "(责任单位:X)" on its own line: when neither the point nor any of
     * its sub-items names units, the bracket after the last sub-item is the point's, not the last
     * sub-item's. Each node's text is read at most twice.
     */
    private static void liftTrailingAnnotations(OutlineNode n) {
        for (OutlineNode c : n.children) liftTrailingAnnotations(c);
        if (n.children.size() < 2 || n.tableUnits != null) return;
        OutlineNode last = n.children.get(n.children.size() - 1);
        String annotation = last.trailingAnnotation;
        if (annotation == null || !last.children.isEmpty() || names(n.text)) return;
        int at = last.text.length() - annotation.length();
        if (names(last.text.substring(0, at))) return;
        for (OutlineNode c : n.children) if (c != last && names(c.text)) return;
        last.text.setLength(at);
        while (last.text.length() > 0 && last.text.charAt(last.text.length() - 1) == '\n')
            last.text.setLength(last.text.length() - 1);
        last.trailingAnnotation = null;
        n.text.append('\n').append(annotation);
    }

    private static boolean names(CharSequence text) {
        return !UnitAnnotations.find(text.toString()).units().isEmpty();
    }

    private static List<Section> sections(
            List<OutlineNode> roots, int year, String title, List<String> warnings) {
        boolean chineseTop =
                roots.stream()
                        .allMatch(
                                n -> n.style == Numbering.CHINESE || n.style == Numbering.ORDINAL);
        boolean anyChildren = roots.stream().anyMatch(n -> !n.children.isEmpty());
        List<Section> out = new ArrayList<>();
        if (chineseTop && anyChildren) {
            int last = 0;
            for (OutlineNode r : roots) {
                String heading = r.text.toString().replace("\n", "");
                // Numbering may run through the sections (4 follows 3 of the previous one) or
                // restart at 1.
                if (!r.children.isEmpty()
                        && last > 0
                        && r.children.get(0).value != 1
                        && r.children.get(0).value != last + 1) {
                    warnings.add(
                            "编号不连续：" + r.children.get(0).number + " 前一条为 " + last + "，请核对是否漏项。");
                }
                if (!r.children.isEmpty()) last = r.children.get(r.children.size() - 1).value;
                out.add(
                        new Section(
                                r.number,
                                Titles.title(heading, List.of()),
                                points(r.children, year, warnings)));
            }
        } else {
            out.add(new Section("", title, points(roots, year, warnings)));
        }
        return out;
    }

    private static List<Point> points(List<OutlineNode> nodes, int year, List<String> warnings) {
        List<Point> out = new ArrayList<>();
        int previous = 0;
        for (OutlineNode n : nodes) {
            if (previous > 0 && n.value != previous + 1 && n.value != 1) {
                warnings.add("编号不连续：" + n.number + " 前一条为 " + previous + "，请核对是否漏项。");
            }
            previous = n.value;
            out.add(point(n, year, warnings));
        }
        return out;
    }

    private static Point point(OutlineNode n, int year, List<String> warnings) {
        String text = n.text.toString().strip();
        UnitAnnotations.Found found = UnitAnnotations.find(text);
        List<UnitRef> units = n.tableUnits != null ? n.tableUnits : found.units();
        String phrase = n.tableDeadline != null ? n.tableDeadline : found.deadline();
        String body = Titles.withoutSpans(text, found.spans());
        DeadlineParser.Dates dates = DeadlineParser.dates(body, year);
        if (phrase == null) phrase = dates.last();
        Deadline deadline = DeadlineParser.parse(phrase, year);
        List<Milestone> milestones = new ArrayList<>();
        for (Milestone m : dates.milestones()) {
            if (!m.date().equals(deadline.date())) milestones.add(m);
        }
        return new Point(
                n.number,
                Titles.title(text, found.spans()),
                text.replace("\n", ""),
                units,
                deadline,
                List.copyOf(milestones),
                points(n.children, year, warnings),
                n.tableLeaders == null ? List.of() : n.tableLeaders);
    }

    /** 1 → 一, 12 → 十二, 23 → 二十三 (group numbers up to 99). */
    static String chinese(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) return String.valueOf(digits.charAt(n));
        if (n > 99) return String.valueOf(n);
        return (n >= 20 ? String.valueOf(digits.charAt(n / 10)) : "")
                + "十"
                + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    /** For tests and callers that only need the dates of one phrase. */
    static LocalDate dateOf(String phrase, int year) {
        return DeadlineParser.parse(phrase, year).date();
    }
}
