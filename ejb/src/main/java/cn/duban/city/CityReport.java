package cn.duban.city;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of one snapshot a district sends up (报送快照): what it is made of, written as JSON in a
 * fixed order (the same figures give the same text, hence the same SHA-256), and read back for the
 * city's side-by-side view. Pure: no database, no container.
 */
public record CityReport(
        String district,
        String districtName,
        String city,
        String cityName,
        int year,
        Standing standing,
        List<IssuedCircular> circulars,
        List<CoveredPoint> coverage,
        Progress progress) {

    /** The latest published ranking (a closed period's snapshot). */
    public record Standing(
            String period, int version, String closedAt, String sha256, List<Ranked> units) {}

    public record Ranked(
            String unit,
            String group,
            Integer rank,
            BigDecimal score,
            int tasks,
            int completed,
            int overdue) {}

    public record IssuedCircular(
            String docNumber, String title, String period, String issuedAt, String sha256) {}

    /**
     * A point of the city's plan (as the district imported it) and the district points answering
     * it.
     */
    public record CoveredPoint(
            String plan, String section, String number, String title, List<String> responses) {
        public boolean covered() {
            return !responses.isEmpty();
        }

        /** How the city matches the same point across districts. */
        public String key() {
            return section + "|" + number + "|" + title;
        }
    }

    public record PointProgress(
            String plan,
            String section,
            String number,
            String title,
            int tasks,
            int completed,
            int overdue,
            int percent) {}

    public record Progress(int tasks, int completed, int overdue, List<PointProgress> points) {
        /** Completed tasks in per cent, one decimal; 0 without tasks. */
        public BigDecimal completionRate() {
            if (tasks == 0) return BigDecimal.ZERO.setScale(1);
            return BigDecimal.valueOf(completed * 1000L / tasks, 1);
        }
    }

    public CityReport {
        circulars = List.copyOf(circulars);
        coverage = List.copyOf(coverage);
    }

    public long pointsCovered() {
        return coverage.stream().filter(CoveredPoint::covered).count();
    }

    /** The snapshot as sent: JSON, fields in a fixed order, no time of sending inside. */
    public String toJson() {
        JsonObjectBuilder o =
                Json.createObjectBuilder()
                        .add("format", 1)
                        .add("district", district)
                        .add("districtName", districtName)
                        .add("city", city)
                        .add("cityName", cityName)
                        .add("year", year);
        if (standing == null) {
            o.addNull("standing");
        } else {
            JsonArrayBuilder units = Json.createArrayBuilder();
            for (Ranked r : standing.units()) {
                JsonObjectBuilder u =
                        Json.createObjectBuilder()
                                .add("unit", r.unit())
                                .add("group", text(r.group()));
                if (r.rank() == null) u.addNull("rank");
                else u.add("rank", r.rank());
                if (r.score() == null) u.addNull("score");
                else u.add("score", r.score());
                units.add(
                        u.add("tasks", r.tasks())
                                .add("completed", r.completed())
                                .add("overdue", r.overdue()));
            }
            o.add(
                    "standing",
                    Json.createObjectBuilder()
                            .add("period", standing.period())
                            .add("version", standing.version())
                            .add("closedAt", text(standing.closedAt()))
                            .add("sha256", text(standing.sha256()))
                            .add("units", units));
        }
        JsonArrayBuilder cs = Json.createArrayBuilder();
        for (IssuedCircular c : circulars) {
            cs.add(
                    Json.createObjectBuilder()
                            .add("docNumber", text(c.docNumber()))
                            .add("title", text(c.title()))
                            .add("period", text(c.period()))
                            .add("issuedAt", text(c.issuedAt()))
                            .add("sha256", text(c.sha256())));
        }
        o.add("circulars", cs);
        JsonArrayBuilder cov = Json.createArrayBuilder();
        for (CoveredPoint p : coverage) {
            JsonArrayBuilder rs = Json.createArrayBuilder();
            p.responses().forEach(rs::add);
            cov.add(
                    Json.createObjectBuilder()
                            .add("plan", text(p.plan()))
                            .add("section", text(p.section()))
                            .add("number", text(p.number()))
                            .add("title", text(p.title()))
                            .add("responses", rs));
        }
        o.add("coverage", cov);
        JsonArrayBuilder pts = Json.createArrayBuilder();
        for (PointProgress p : progress.points()) {
            pts.add(
                    Json.createObjectBuilder()
                            .add("plan", text(p.plan()))
                            .add("section", text(p.section()))
                            .add("number", text(p.number()))
                            .add("title", text(p.title()))
                            .add("tasks", p.tasks())
                            .add("completed", p.completed())
                            .add("overdue", p.overdue())
                            .add("percent", p.percent()));
        }
        o.add(
                "progress",
                Json.createObjectBuilder()
                        .add("tasks", progress.tasks())
                        .add("completed", progress.completed())
                        .add("overdue", progress.overdue())
                        .add("points", pts));
        return o.build().toString();
    }

    /** A snapshot's content read back; what it does not hold reads as empty. */
    public static CityReport parse(String json) {
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            o = r.readObject();
        }
        Standing standing = null;
        if (o.get("standing") instanceof JsonObject s) {
            List<Ranked> units = new ArrayList<>();
            for (JsonObject u : objects(s, "units")) {
                units.add(
                        new Ranked(
                                str(u, "unit"),
                                str(u, "group"),
                                u.get("rank") instanceof JsonNumber n ? n.intValue() : null,
                                u.get("score") instanceof JsonNumber n ? n.bigDecimalValue() : null,
                                u.getInt("tasks", 0),
                                u.getInt("completed", 0),
                                u.getInt("overdue", 0)));
            }
            standing =
                    new Standing(
                            str(s, "period"),
                            s.getInt("version", 1),
                            str(s, "closedAt"),
                            str(s, "sha256"),
                            units);
        }
        List<IssuedCircular> circulars = new ArrayList<>();
        for (JsonObject c : objects(o, "circulars")) {
            circulars.add(
                    new IssuedCircular(
                            str(c, "docNumber"),
                            str(c, "title"),
                            str(c, "period"),
                            str(c, "issuedAt"),
                            str(c, "sha256")));
        }
        List<CoveredPoint> coverage = new ArrayList<>();
        for (JsonObject p : objects(o, "coverage")) {
            List<String> responses = new ArrayList<>();
            if (p.get("responses") instanceof JsonArray a) {
                for (JsonValue v : a) if (v instanceof JsonString s) responses.add(s.getString());
            }
            coverage.add(
                    new CoveredPoint(
                            str(p, "plan"),
                            str(p, "section"),
                            str(p, "number"),
                            str(p, "title"),
                            List.copyOf(responses)));
        }
        JsonObject pr = o.get("progress") instanceof JsonObject x ? x : JsonValue.EMPTY_JSON_OBJECT;
        List<PointProgress> points = new ArrayList<>();
        for (JsonObject p : objects(pr, "points")) {
            points.add(
                    new PointProgress(
                            str(p, "plan"),
                            str(p, "section"),
                            str(p, "number"),
                            str(p, "title"),
                            p.getInt("tasks", 0),
                            p.getInt("completed", 0),
                            p.getInt("overdue", 0),
                            p.getInt("percent", 0)));
        }
        return new CityReport(
                str(o, "district"),
                str(o, "districtName"),
                str(o, "city"),
                str(o, "cityName"),
                o.getInt("year", 0),
                standing,
                circulars,
                coverage,
                new Progress(
                        pr.getInt("tasks", 0),
                        pr.getInt("completed", 0),
                        pr.getInt("overdue", 0),
                        List.copyOf(points)));
    }

    /**
     * One row of the city's coverage view: a city point and each district's answer (null: none
     * sent).
     */
    public record CoverageRow(
            String section, String number, String title, Map<String, List<String>> byDistrict) {
        /** How many of the given districts answer the point. */
        public long coveredBy(List<String> districts) {
            return districts.stream()
                    .filter(d -> byDistrict.get(d) != null && !byDistrict.get(d).isEmpty())
                    .count();
        }
    }

    /**
     * The city's points across districts, in the order first met: each district's reported answer
     * to each point (matched by section, number and title), null where the district's snapshot does
     * not hold the point.
     */
    public static List<CoverageRow> coverageAcross(Map<String, CityReport> byDistrict) {
        Map<String, CoverageRow> rows = new LinkedHashMap<>();
        byDistrict.forEach(
                (district, report) -> {
                    for (CoveredPoint p : report.coverage()) {
                        rows.computeIfAbsent(
                                        p.key(),
                                        k ->
                                                new CoverageRow(
                                                        p.section(),
                                                        p.number(),
                                                        p.title(),
                                                        new LinkedHashMap<>()))
                                .byDistrict()
                                .put(district, p.responses());
                    }
                });
        return List.copyOf(rows.values());
    }

    private static List<JsonObject> objects(JsonObject o, String field) {
        List<JsonObject> out = new ArrayList<>();
        if (o.get(field) instanceof JsonArray a) {
            for (JsonValue v : a) if (v instanceof JsonObject x) out.add(x);
        }
        return out;
    }

    private static String str(JsonObject o, String field) {
        return o.get(field) instanceof JsonString s ? s.getString() : null;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
