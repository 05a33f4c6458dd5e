package cn.duban.audit.web;

import cn.duban.audit.AuditEntry;
import cn.duban.audit.AuditJournal;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * Audit entries as sentences people read: 谁 在何时 对哪个任务/单位 做了什么. The one place that maps an action
 * code to its sentence is the UI bundle, key {@code audit.sentence.<action>} in both languages
 * (AuditSentencesTest fails when a code recorded anywhere has none); the placeholders {@code
 * {name}} take the entry's detail fields and the names of its task, unit, plan or circular. Lists
 * in the detail (a publication's 716 task ids) become their count; the raw JSON stays one click
 * away.
 */
public final class AuditSentences {

    public static final String KEY = "audit.sentence.";
    private static final int MAX_VALUE = 80;

    private AuditSentences() {}

    /** A link to an object the entry is about; {@code href} is relative to the context path. */
    public record Link(String kind, String label, String href) {}

    /** One entry as the page and the export show it. */
    public record Row(
            long seq,
            java.time.Instant at,
            String actor,
            String action,
            String sentence,
            List<Link> links,
            String hash) {}

    /** The ids of the objects a page of entries speaks of, to name them in one go. */
    public record Ids(List<UUID> tasks, List<UUID> plans, List<UUID> units, List<UUID> circulars) {}

    public static Ids ids(List<AuditEntry> entries) {
        Ids ids =
                new Ids(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (AuditEntry e : entries) {
            if (e.getEntityId() != null) {
                switch (String.valueOf(e.getEntityType())) {
                    case "task" -> ids.tasks().add(e.getEntityId());
                    case "plan" -> ids.plans().add(e.getEntityId());
                    case "circular" -> ids.circulars().add(e.getEntityId());
                    case "unit" -> ids.units().add(e.getEntityId());
                    default -> {}
                }
            }
            UUID unit = uuid(detail(e.getDetail()).get("unit"));
            if (unit != null) ids.units().add(unit);
        }
        return ids;
    }

    public static Row row(
            AuditEntry e, AuditJournal.Subjects names, ResourceBundle bundle, Locale locale) {
        Map<String, String> values = detail(e.getDetail());
        List<Link> links = new ArrayList<>();
        UUID id = e.getEntityId();
        String type = String.valueOf(e.getEntityType());
        values.put("actor", e.getActor());
        values.put("action", e.getAction());
        UUID unitInDetail = uuid(values.get("unit"));
        if (unitInDetail != null && names.units().containsKey(unitInDetail))
            values.put("unit", names.units().get(unitInDetail));
        if (id != null) {
            switch (type) {
                case "task" -> {
                    AuditJournal.TaskRef t = names.tasks().get(id);
                    if (t != null) {
                        values.put("task", shorten(t.title()));
                        values.put("unit", t.unitName());
                        if (t.planTitle() != null) values.put("plan", shorten(t.planTitle()));
                        links.add(new Link("task", shorten(t.title()), "/app/task.xhtml?id=" + id));
                        links.add(
                                new Link(
                                        "unit",
                                        t.unitName(),
                                        "/app/ledger.xhtml?unit=" + t.unitId()));
                        if (t.planId() != null && t.planTitle() != null)
                            links.add(
                                    new Link(
                                            "plan",
                                            shorten(t.planTitle()),
                                            "/app/admin/plan.xhtml?id=" + t.planId()));
                    } else {
                        values.put("task", text(bundle, "audit.gone"));
                    }
                }
                case "plan" -> {
                    String title = names.plans().get(id);
                    if (title != null) {
                        values.put("plan", shorten(title));
                        links.add(
                                new Link("plan", shorten(title), "/app/admin/plan.xhtml?id=" + id));
                    } else {
                        values.putIfAbsent(
                                "plan", values.getOrDefault("title", text(bundle, "audit.gone")));
                    }
                }
                case "circular" -> {
                    String title = names.circulars().get(id);
                    if (title != null) {
                        values.put("circular", shorten(title));
                        links.add(
                                new Link(
                                        "circular",
                                        shorten(title),
                                        "/app/circular.xhtml?id=" + id));
                    } else {
                        values.putIfAbsent(
                                "circular",
                                values.getOrDefault("title", text(bundle, "audit.gone")));
                    }
                }
                default -> {}
            }
        }
        if (unitInDetail != null && names.units().containsKey(unitInDetail))
            links.add(
                    new Link(
                            "unit",
                            names.units().get(unitInDetail),
                            "/app/ledger.xhtml?unit=" + unitInDetail));
        localise(values, bundle);
        String template = text(bundle, KEY + e.getAction());
        if (template == null) template = text(bundle, KEY + "unknown");
        return new Row(
                e.getSeq(),
                e.getAt(),
                e.getActor(),
                e.getAction(),
                fill(template, values),
                links,
                e.getHash() == null ? "" : e.getHash().strip());
    }

    /**
     * Codes in the detail (ratings, roles, kinds) in the page's words where the bundle has them.
     */
    private static void localise(Map<String, String> values, ResourceBundle bundle) {
        replace(values, bundle, "rating", "rating.");
        replace(values, bundle, "from", "role.point.");
        replace(values, bundle, "to", "role.point.");
        replace(values, bundle, "role", "role.point.");
    }

    private static void replace(
            Map<String, String> values, ResourceBundle bundle, String field, String prefix) {
        String v = values.get(field);
        if (v == null) return;
        String t = text(bundle, prefix + v);
        if (t != null) values.put(field, t);
    }

    /**
     * Replaces each {@code {name}} by its value, or by "—" when the entry has none; one pass,
     * linear in the template and the values.
     */
    public static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            if (close > i + 1 && close - i <= 40) {
                String value = values.get(template.substring(i + 1, close));
                out.append(value == null || value.isBlank() ? "—" : value);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The detail's fields as text: strings and numbers as they are (cut at 80 characters), lists as
     * their size, nested objects left out. Not JSON (legacy or broken): no fields.
     */
    public static Map<String, String> detail(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null || json.isBlank()) return values;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonValue v = r.readValue();
            if (!(v instanceof JsonObject o)) return values;
            for (Map.Entry<String, JsonValue> f : o.entrySet()) {
                JsonValue x = f.getValue();
                String text =
                        switch (x.getValueType()) {
                            case STRING -> shorten(((JsonString) x).getString());
                            case NUMBER -> ((JsonNumber) x).toString();
                            case TRUE -> "true";
                            case FALSE -> "false";
                            case ARRAY -> String.valueOf(x.asJsonArray().size());
                            default -> null;
                        };
                if (text != null) values.put(f.getKey(), text);
            }
        } catch (JsonException | IllegalStateException e) {
            values.clear();
        }
        return values;
    }

    static String shorten(String s) {
        if (s == null) return null;
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 1) + "…";
    }

    private static UUID uuid(String s) {
        if (s == null || s.length() != 36) return null;
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** The UI bundle for a language: English for "en…", Chinese otherwise. */
    public static ResourceBundle bundle(Locale locale) {
        Locale l =
                locale != null && "en".equals(locale.getLanguage())
                        ? Locale.ENGLISH
                        : Locale.SIMPLIFIED_CHINESE;
        return ResourceBundle.getBundle(
                "cn.duban.web.messages",
                l,
                ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
