package cn.duban.evaluation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores {@link ScoringRules} as one jsonb object: the scheme type and every rule by name, numbers
 * at two decimals (as the numeric(5,2) columns it replaced, V14). A rule missing from an old row
 * reads as absent (null), never as a guess.
 */
@Converter
public class ScoringRulesColumn implements AttributeConverter<ScoringRules, String> {

    @Override
    public String convertToDatabaseColumn(ScoringRules rules) {
        if (rules == null) return null;
        JsonObjectBuilder o = Json.createObjectBuilder();
        if (rules.type() != null) o.add("type", rules.type().name());
        rules.values().forEach((name, v) -> add(o, name, v));
        return o.build().toString();
    }

    private static void add(JsonObjectBuilder o, String name, Object v) {
        if (v instanceof BigDecimal d) o.add(name, d.setScale(2, RoundingMode.HALF_UP));
        else if (v instanceof Boolean b) o.add(name, b);
        else if (v instanceof String s) o.add(name, s);
        else if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder inner = Json.createObjectBuilder();
            m.forEach((k, x) -> add(inner, k.toString(), x));
            o.add(name, inner);
        } else if (v != null) throw new IllegalArgumentException(name + ": " + v.getClass());
    }

    @Override
    public ScoringRules convertToEntityAttribute(String json) {
        if (json == null) return null;
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            o = r.readObject();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        o.forEach((k, v) -> values.put(k, plain(v)));
        Object type = values.get("type");
        return ScoringRules.of(
                type == null ? null : SchemeType.valueOf(type.toString()), values, null);
    }

    /** A JSON value as the plain value {@link ScoringRules#of} takes (arrays: none). */
    static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case NUMBER -> ((jakarta.json.JsonNumber) v).bigDecimalValue();
            case STRING -> ((jakarta.json.JsonString) v).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                v.asJsonObject().forEach((k, x) -> m.put(k, plain(x)));
                yield m;
            }
            default -> null;
        };
    }
}
