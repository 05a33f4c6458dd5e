package cn.duban.plan.accuracy;

import cn.duban.plan.DocumentReader;
import cn.duban.plan.parse.ParseOptions;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParseException;
import cn.duban.plan.parse.PlanParser;
import cn.duban.plan.parse.Point;
import cn.duban.plan.parse.Section;
import cn.duban.plan.parse.UnitRef;
import cn.duban.plan.parse.UnitRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures how much of the corpus in {@code src/test/resources/corpus} the plan parser reads right:
 * for each document, parses it as an upload is parsed ({@link DocumentReader}, then {@link
 * PlanParser}), matches the parsed points to the gold points and counts points found (number path
 * and title right), units right (lead and co-operating sets equal) and deadlines right (same date).
 * Prints a table per document, per shape and in total; {@code -v} also lists every miss. Not a
 * test: {@link AccuracyFloorTest} holds the floors and prints the same table, so one command runs
 * it (main() is for the IDE):
 *
 * <pre>
 * ./mvnw -B -o -q -pl ejb -am test -Dtest=AccuracyFloorTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Daccuracy.verbose=true]</pre>
 */
public final class AccuracyHarness {

    /**
     * Titles match when the parser's starts with this many normalised characters of the gold title.
     */
    static final int TITLE_PREFIX = 12;

    private static final PlanParser PARSER = new PlanParser();

    /** Gold files name documents built by {@link CorpusBinaries} with this prefix. */
    private static final String GENERATED = "generated:";

    private AccuracyHarness() {}

    /**
     * The figures of one document; {@code refused} is the parser's error code when it refused the
     * document.
     */
    record DocScore(
            Gold gold,
            String refused,
            int goldSections,
            int sectionsFound,
            int goldPoints,
            int found,
            int titleOnly,
            int unitsRight,
            int deadlinesRight,
            int extra,
            boolean yearFromClock,
            List<String> misses) {}

    /** Sums over several documents. */
    record Totals(
            int documents,
            int refused,
            int goldPoints,
            int found,
            int unitsRight,
            int deadlinesRight,
            int extra) {

        static Totals of(List<DocScore> scores) {
            return new Totals(
                    scores.size(),
                    (int) scores.stream().filter(s -> s.refused() != null).count(),
                    sum(scores, DocScore::goldPoints),
                    sum(scores, DocScore::found),
                    sum(scores, DocScore::unitsRight),
                    sum(scores, DocScore::deadlinesRight),
                    sum(scores, DocScore::extra));
        }

        double pointsPct() {
            return pct(found);
        }

        double unitsPct() {
            return pct(unitsRight);
        }

        double deadlinesPct() {
            return pct(deadlinesRight);
        }

        private double pct(int n) {
            return goldPoints == 0 ? 0 : 100.0 * n / goldPoints;
        }

        private static int sum(List<DocScore> scores, Function<DocScore, Integer> f) {
            return scores.stream().mapToInt(f::apply).sum();
        }
    }

    public static void main(String[] args) {
        List<DocScore> scores = runAll();
        System.out.print(table(scores));
        if (List.of(args).contains("-v")) System.out.print(misses(scores));
    }

    static List<DocScore> runAll() {
        return corpus().stream().map(AccuracyHarness::run).toList();
    }

    /** Every gold file of the corpus, in name order. */
    static List<Gold> corpus() {
        URL dir = AccuracyHarness.class.getResource("/corpus/gold");
        if (dir == null) throw new IllegalStateException("no corpus/gold on the test classpath");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".gold"))
                    .sorted()
                    .map(
                            f -> {
                                String name =
                                        f.getFileName().toString().replaceFirst("\\.gold$", "");
                                try {
                                    return Gold.parse(
                                            name, Files.readString(f, StandardCharsets.UTF_8));
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document's bytes, as a user would upload them. */
    static byte[] document(Gold gold) {
        if (gold.doc().startsWith(GENERATED))
            return CorpusBinaries.build(gold.doc().substring(GENERATED.length()));
        try (InputStream in = AccuracyHarness.class.getResourceAsStream("/" + gold.doc())) {
            if (in == null)
                throw new IllegalStateException(gold.name() + ": no document " + gold.doc());
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DocScore run(Gold gold) {
        ParsedPlan plan;
        try {
            String text =
                    DocumentReader.read(
                            gold.doc().replaceFirst("^" + GENERATED, ""), document(gold));
            plan = PARSER.parse(text, new ParseOptions(gold.givenYear(), null));
        } catch (PlanParseException e) {
            return score(gold, null, e.code());
        }
        return score(gold, plan, null);
    }

    /** A parsed point with its number path (section number, then each level's number). */
    private record Parsed(String path, Point point) {}

    static DocScore score(Gold gold, ParsedPlan plan, String refused) {
        List<String> misses = new ArrayList<>();
        if (plan == null) {
            misses.add("refused: " + refused);
            return new DocScore(
                    gold,
                    refused,
                    gold.sections().size(),
                    0,
                    gold.points().size(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    false,
                    misses);
        }
        int sectionsFound = 0;
        for (Gold.GoldSection gs : gold.sections()) {
            boolean hit =
                    plan.sections().stream()
                            .anyMatch(
                                    s ->
                                            path(s.number()).equals(path(gs.number()))
                                                    && titleMatches(gs.title(), s.title()));
            if (hit) sectionsFound++;
            else misses.add("section " + gs.number() + " " + gs.title() + " not found");
        }

        List<Parsed> parsed = new ArrayList<>();
        for (Section s : plan.sections()) flatten(s.points(), path(s.number()), parsed);
        boolean[] used = new boolean[parsed.size()];
        int found = 0;
        int titleOnly = 0;
        int units = 0;
        int deadlines = 0;
        for (Gold.GoldPoint gp : gold.points()) {
            int match = -1;
            String want = path(gp.path());
            for (int i = 0; i < parsed.size() && match < 0; i++) {
                if (!used[i]
                        && parsed.get(i).path().equals(want)
                        && titleMatches(gp.title(), parsed.get(i).point().title())) match = i;
            }
            if (match >= 0) {
                found++;
            } else {
                for (int i = 0; i < parsed.size() && match < 0; i++) {
                    if (!used[i] && titleMatches(gp.title(), parsed.get(i).point().title()))
                        match = i;
                }
                if (match < 0) {
                    misses.add("missed " + gp.path() + " " + gp.title());
                    continue;
                }
                titleOnly++;
                misses.add(
                        "misnumbered "
                                + gp.path()
                                + " "
                                + gp.title()
                                + " (parsed as "
                                + parsed.get(match).path()
                                + ")");
            }
            used[match] = true;
            Point p = parsed.get(match).point();
            Set<String> lead = names(p.units(), UnitRole.LEAD);
            Set<String> co = names(p.units(), UnitRole.COOPERATING);
            if (lead.equals(norm(gp.lead())) && co.equals(norm(gp.co()))) {
                units++;
            } else {
                misses.add(
                        "units "
                                + gp.path()
                                + ": want lead "
                                + new TreeSet<>(norm(gp.lead()))
                                + " co "
                                + new TreeSet<>(norm(gp.co()))
                                + ", got lead "
                                + new TreeSet<>(lead)
                                + " co "
                                + new TreeSet<>(co));
            }
            if (gp.deadline().equals(p.deadline().date())) {
                deadlines++;
            } else {
                misses.add(
                        "deadline "
                                + gp.path()
                                + ": want "
                                + gp.deadline()
                                + (gp.deadlineText() == null ? "" : " (" + gp.deadlineText() + ")")
                                + ", got "
                                + p.deadline().date()
                                + " ("
                                + p.deadline().text()
                                + ")");
            }
        }
        int extra = 0;
        for (int i = 0; i < parsed.size(); i++) {
            if (!used[i]) {
                extra++;
                misses.add(
                        "extra "
                                + parsed.get(i).path()
                                + " "
                                + abbreviate(parsed.get(i).point().title()));
            }
        }
        // The parser falls back to the current year when a text names none: such figures would
        // drift with the date.
        boolean clock = plan.warnings().stream().anyMatch(w -> w.startsWith("未能从文件中识别年度"));
        if (clock) misses.add("year taken from today's date");
        return new DocScore(
                gold,
                null,
                gold.sections().size(),
                sectionsFound,
                gold.points().size(),
                found,
                titleOnly,
                units,
                deadlines,
                extra,
                clock,
                misses);
    }

    private static void flatten(List<Point> points, String prefix, List<Parsed> out) {
        for (Point p : points) {
            String path = prefix.isEmpty() ? path(p.number()) : prefix + "/" + path(p.number());
            out.add(new Parsed(path, p));
            flatten(p.children(), path, out);
        }
    }

    /**
     * NFKC (full-width brackets, digits, commas become half-width), without whitespace or markdown
     * markers.
     */
    static String norm(String s) {
        if (s == null) return "";
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s*#`]", "");
    }

    private static Set<String> norm(Set<String> names) {
        return names.stream().map(AccuracyHarness::norm).collect(Collectors.toSet());
    }

    /** A number path without the punctuation a number may carry (一、 1. 1，). */
    static String path(String number) {
        if (number == null) return "";
        List<String> parts = new ArrayList<>();
        for (String part : norm(number).split("/")) {
            String p = part.replaceAll("[、.,．]+$", "");
            if (!p.isEmpty()) parts.add(p);
        }
        return String.join("/", parts);
    }

    static boolean titleMatches(String gold, String parsed) {
        String g = norm(gold);
        String want = g.length() > TITLE_PREFIX ? g.substring(0, TITLE_PREFIX) : g;
        return !want.isEmpty() && norm(parsed).startsWith(want);
    }

    private static Set<String> names(List<UnitRef> units, UnitRole role) {
        return units.stream()
                .filter(u -> u.role() == role)
                .map(u -> norm(u.name()))
                .collect(Collectors.toSet());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    static String table(List<DocScore> scores) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        "%-32s %-28s %4s %6s %6s %6s %5s %s%n",
                        "document",
                        "shape",
                        "pts",
                        "found",
                        "units",
                        "dates",
                        "extra",
                        "sections"));
        for (DocScore s : scores) {
            out.append(
                    String.format(
                            "%-32s %-28s %4d %6d %6d %6d %5d %d/%d%s%n",
                            s.gold().name(),
                            s.gold().shape(),
                            s.goldPoints(),
                            s.found(),
                            s.unitsRight(),
                            s.deadlinesRight(),
                            s.extra(),
                            s.sectionsFound(),
                            s.goldSections(),
                            s.refused() == null ? "" : "  REFUSED " + s.refused()));
        }
        out.append('\n')
                .append(
                        String.format(
                                "%-36s %4s %15s %15s %15s %5s%n",
                                "group", "pts", "found", "units", "dates", "extra"));
        for (Map.Entry<String, List<DocScore>> e :
                groups(scores, s -> "origin " + s.gold().origin()).entrySet()) {
            out.append(line(e.getKey(), Totals.of(e.getValue())));
        }
        // "set unseen": documents added after the parser was last tuned, the honest measure.
        for (Map.Entry<String, List<DocScore>> e :
                groups(scores, s -> "set " + s.gold().set()).entrySet()) {
            out.append(line(e.getKey(), Totals.of(e.getValue())));
        }
        for (Map.Entry<String, List<DocScore>> e :
                groups(scores, s -> "shape " + s.gold().shape()).entrySet()) {
            out.append(line(e.getKey(), Totals.of(e.getValue())));
        }
        Totals all = Totals.of(scores);
        out.append(
                line(
                        "TOTAL " + all.documents() + " documents (" + all.refused() + " refused)",
                        all));
        return out.toString();
    }

    private static Map<String, List<DocScore>> groups(
            List<DocScore> scores, Function<DocScore, String> key) {
        return scores.stream()
                .collect(
                        Collectors.groupingBy(
                                key, () -> new java.util.TreeMap<>(), Collectors.toList()));
    }

    private static String line(String label, Totals t) {
        return String.format(
                "%-36s %4d %6d %6.1f%% %6d %6.1f%% %6d %6.1f%% %5d%n",
                label,
                t.goldPoints(),
                t.found(),
                t.pointsPct(),
                t.unitsRight(),
                t.unitsPct(),
                t.deadlinesRight(),
                t.deadlinesPct(),
                t.extra());
    }

    static String misses(List<DocScore> scores) {
        StringBuilder out = new StringBuilder();
        for (DocScore s : scores) {
            if (s.misses().isEmpty()) continue;
            out.append('\n')
                    .append(s.gold().name())
                    .append(" (")
                    .append(s.gold().doc())
                    .append(")\n");
            for (String m : s.misses()) out.append("  ").append(m).append('\n');
        }
        return out.toString();
    }
}
