package cn.duban.plan.accuracy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A document's gold file: what a person reading it says it contains. The line format is defined in
 * {@code src/test/resources/corpus/GOLD.md}; a malformed line is an error naming the file and line,
 * never skipped, so a typo cannot quietly lower the denominators.
 */
record Gold(
        String name,
        String doc,
        String origin,
        String shape,
        int year,
        Integer givenYear,
        String set,
        List<GoldSection> sections,
        List<GoldPoint> points) {

    record GoldSection(String number, String title) {}

    record GoldPoint(
            String path,
            String title,
            Set<String> lead,
            Set<String> co,
            List<String> leaders,
            LocalDate deadline,
            String deadlineText) {}

    static Gold parse(String name, String text) {
        String doc = null;
        String origin = null;
        String shape = null;
        Integer year = null;
        Integer givenYear = null;
        String set = "earlier";
        List<GoldSection> sections = new ArrayList<>();
        List<Builder> points = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1).strip();
            String where = name + ":" + (i + 1);
            switch (key) {
                case "doc" -> doc = need(value, where);
                case "origin" -> {
                    origin = need(value, where);
                    if (!Set.of("real", "existing", "synthetic").contains(origin))
                        throw bad(where, "origin " + origin);
                }
                case "shape" -> shape = need(value, where);
                case "year" -> year = number(value, where);
                case "given-year" -> givenYear = number(value, where);
                case "set" -> set = need(value, where);
                case "section" -> {
                    String[] nt = pair(value, where);
                    sections.add(new GoldSection(nt[0], nt[1]));
                }
                case "point" -> {
                    String[] pt = pair(value, where);
                    points.add(new Builder(pt[0], pt[1]));
                }
                case "lead", "co", "leaders", "deadline" -> {
                    if (points.isEmpty()) throw bad(where, key + " before any point");
                    Builder p = points.get(points.size() - 1);
                    switch (key) {
                        case "lead" -> p.lead.addAll(names(value, where));
                        case "co" -> p.co.addAll(names(value, where));
                        case "leaders" -> p.leaders.addAll(names(value, where));
                        default -> {
                            String[] dt = value.split("\\s+", 2);
                            try {
                                p.deadline = LocalDate.parse(dt[0]);
                            } catch (DateTimeParseException e) {
                                throw bad(where, "deadline date " + dt[0]);
                            }
                            p.deadlineText = dt.length > 1 ? dt[1] : null;
                        }
                    }
                }
                default -> throw bad(where, "unknown statement " + key);
            }
        }
        if (doc == null || origin == null || shape == null || year == null) {
            throw new IllegalArgumentException(name + ": doc, origin, shape and year are required");
        }
        if (points.isEmpty()) throw new IllegalArgumentException(name + ": no points");
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<GoldPoint> built =
                points.stream()
                        .map(
                                b ->
                                        new GoldPoint(
                                                b.path,
                                                b.title,
                                                Set.copyOf(b.lead),
                                                Set.copyOf(b.co),
                                                List.copyOf(b.leaders),
                                                b.deadline == null ? yearEnd : b.deadline,
                                                b.deadlineText))
                        .toList();
        return new Gold(
                name, doc, origin, shape, year, givenYear, set, List.copyOf(sections), built);
    }

    private static final class Builder {
        final String path;
        final String title;
        final Set<String> lead = new LinkedHashSet<>();
        final Set<String> co = new LinkedHashSet<>();
        final List<String> leaders = new ArrayList<>();
        LocalDate deadline;
        String deadlineText;

        Builder(String path, String title) {
            this.path = path;
            this.title = title;
        }
    }

    private static List<String> names(String value, String where) {
        List<String> out =
                Arrays.stream(value.split("\\|"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (out.isEmpty()) throw bad(where, "empty list");
        return out;
    }

    private static String[] pair(String value, String where) {
        String[] parts = value.split("\\s+", 2);
        if (parts.length < 2 || parts[1].isBlank())
            throw bad(where, "expected a number and a title");
        return new String[] {parts[0], parts[1].strip()};
    }

    private static String need(String value, String where) {
        if (value.isEmpty()) throw bad(where, "missing value");
        return value;
    }

    private static int number(String value, String where) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw bad(where, "not a year: " + value);
        }
    }

    private static IllegalArgumentException bad(String where, String what) {
        return new IllegalArgumentException(where + ": " + what);
    }
}
