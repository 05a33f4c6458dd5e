package cn.duban.evaluation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scheme as the office submits it. The rules travel by name ({@link ScoringRules#values()}); in
 * JSON they sit beside the scheme's own fields (one flat object, as the API has always taken it).
 * Rules left out take the customary values ({@link ScoringRules#defaults}).
 */
@JsonbTypeDeserializer(SchemeInput.Json.class)
public record SchemeInput(
        Integer year,
        String name,
        SchemeType type,
        BigDecimal planWeight,
        Map<String, ?> rules,
        String note,
        List<IndicatorInput> indicators) {

    public record IndicatorInput(
            String name, BigDecimal points, SchemeIndicator.Target target, UUID targetId) {}

    public SchemeInput {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        rules = rules == null ? Map.of() : rules;
        name = name == null ? null : name.strip();
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /**
     * The rules, left-out ones at the customary values.
     *
     * @throws IllegalArgumentException naming a rule whose value has the wrong form
     */
    ScoringRules scoringRules() {
        return ScoringRules.of(
                type, rules, ScoringRules.defaults(type == null ? SchemeType.COMPLETION : type));
    }

    /**
     * Reads the flat JSON object: the scheme's fields by name, every other member that names a rule
     * into {@link #rules}. Members of the wrong type answer 400 {@code request.malformed}.
     */
    public static final class Json implements JsonbDeserializer<SchemeInput> {
        @Override
        public SchemeInput deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            JsonObject o = parser.getObject();
            try {
                Map<String, Object> rules = new LinkedHashMap<>();
                for (ScoringRules.Spec s : ScoringRules.specs()) {
                    if (o.containsKey(s.name()))
                        rules.put(s.name(), ScoringRulesColumn.plain(o.get(s.name())));
                }
                List<IndicatorInput> indicators = null;
                if (o.get("indicators") instanceof JsonArray a) {
                    indicators = new ArrayList<>();
                    for (JsonValue v : a) {
                        JsonObject i = v.asJsonObject();
                        String target = text(i, "target");
                        String targetId = text(i, "targetId");
                        indicators.add(
                                new IndicatorInput(
                                        text(i, "name"),
                                        number(i, "points"),
                                        target == null
                                                ? null
                                                : SchemeIndicator.Target.valueOf(target),
                                        targetId == null ? null : UUID.fromString(targetId)));
                    }
                }
                BigDecimal year = number(o, "year");
                String type = text(o, "type");
                return new SchemeInput(
                        year == null ? null : year.intValueExact(),
                        text(o, "name"),
                        type == null ? null : SchemeType.valueOf(type),
                        number(o, "planWeight"),
                        rules,
                        text(o, "note"),
                        indicators);
            } catch (RuntimeException e) {
                throw new JsonbException("scheme: " + e.getMessage(), e);
            }
        }

        private static String text(JsonObject o, String key) {
            JsonValue v = o.get(key);
            return v == null || v == JsonValue.NULL ? null : ((JsonString) v).getString();
        }

        private static BigDecimal number(JsonObject o, String key) {
            JsonValue v = o.get(key);
            if (v == null || v == JsonValue.NULL) return null;
            return v instanceof JsonString t
                    ? new BigDecimal(t.getString().strip())
                    : ((JsonNumber) v).bigDecimalValue();
        }
    }
}
