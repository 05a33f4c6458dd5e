package cn.duban.ledger.escalation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores {@link LadderRules} as one jsonb object; the API reads and writes the same shape ({@link
 * #toJson}, {@link #fromJson}), so a rung missing from an old row or a request takes the default's.
 */
@Converter
public class LadderRulesColumn implements AttributeConverter<LadderRules, String> {

    @Override
    public String convertToDatabaseColumn(LadderRules rules) {
        return rules == null ? null : toJson(rules).toString();
    }

    @Override
    public LadderRules convertToEntityAttribute(String json) {
        if (json == null) return null;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return fromJson(r.readObject(), LadderRules.DEFAULT);
        }
    }

    public static JsonObject toJson(LadderRules rules) {
        JsonArrayBuilder rungs = Json.createArrayBuilder();
        for (LadderRules.Rung r : rules.rungs())
            rungs.add(
                    Json.createObjectBuilder()
                            .add("step", r.step().name())
                            .add("enabled", r.enabled())
                            .add("afterDays", r.afterDays())
                            .add("approval", r.approval().name()));
        var o =
                Json.createObjectBuilder()
                        .add("rungs", rungs)
                        .add(
                                "noticePrefix",
                                rules.noticePrefix() == null ? "" : rules.noticePrefix())
                        .add("replyDays", rules.replyDays());
        if (rules.issuingOffice() != null) o.add("issuingOffice", rules.issuingOffice());
        return o.build();
    }

    /**
     * Rules from JSON over {@code base}: what is not given stays as in base.
     *
     * @throws IllegalArgumentException naming the field whose value has the wrong type
     */
    public static LadderRules fromJson(JsonObject o, LadderRules base) {
        List<LadderRules.Rung> rungs = new ArrayList<>(base.rungs());
        if (o.containsKey("rungs")) {
            for (JsonValue v : array(o, "rungs")) {
                if (!(v instanceof JsonObject r)) throw new IllegalArgumentException("rungs");
                Step step = named(Step.class, r, "step", null);
                if (step == null) throw new IllegalArgumentException("step");
                LadderRules.Rung old = base.rung(step);
                rungs.replaceAll(
                        x ->
                                x.step() != step
                                        ? x
                                        : new LadderRules.Rung(
                                                step,
                                                flag(r, "enabled", old.enabled()),
                                                number(r, "afterDays", old.afterDays()),
                                                named(
                                                        Approval.class,
                                                        r,
                                                        "approval",
                                                        old.approval())));
            }
        }
        return new LadderRules(
                rungs,
                text(o, "noticePrefix", base.noticePrefix()),
                text(o, "issuingOffice", base.issuingOffice()),
                number(o, "replyDays", base.replyDays()));
    }

    private static jakarta.json.JsonArray array(JsonObject o, String name) {
        if (o.get(name) instanceof jakarta.json.JsonArray a) return a;
        throw new IllegalArgumentException(name);
    }

    private static boolean flag(JsonObject o, String name, boolean fallback) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) return fallback;
        if (v == JsonValue.TRUE) return true;
        if (v == JsonValue.FALSE) return false;
        throw new IllegalArgumentException(name);
    }

    private static int number(JsonObject o, String name, int fallback) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) return fallback;
        if (v instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(name);
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String text(JsonObject o, String name, String fallback) {
        JsonValue v = o.get(name);
        if (v == null) return fallback;
        if (v == JsonValue.NULL) return null;
        if (v instanceof jakarta.json.JsonString s) return s.getString();
        throw new IllegalArgumentException(name);
    }

    private static <E extends Enum<E>> E named(
            Class<E> type, JsonObject o, String name, E fallback) {
        String s = text(o, name, null);
        if (s == null) return fallback;
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name);
        }
    }
}
