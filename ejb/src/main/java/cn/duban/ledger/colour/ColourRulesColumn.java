package cn.duban.ledger.colour;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores {@link ColourRules} as one jsonb object by the rules' names; a rule missing from an old
 * version reads as {@link ColourRules#DEFAULT}'s.
 */
@Converter
public class ColourRulesColumn implements AttributeConverter<ColourRules, String> {

    @Override
    public String convertToDatabaseColumn(ColourRules rules) {
        if (rules == null) return null;
        JsonObjectBuilder o = Json.createObjectBuilder();
        rules.values()
                .forEach(
                        (name, v) -> {
                            if (v instanceof Integer i) o.add(name, i);
                            else o.add(name, (Boolean) v);
                        });
        return o.build().toString();
    }

    @Override
    public ColourRules convertToEntityAttribute(String json) {
        if (json == null) return null;
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            o = r.readObject();
        }
        return ColourRules.of(plain(o), ColourRules.DEFAULT);
    }

    /** A JSON object's numbers and flags as the plain values {@link ColourRules#of} takes. */
    public static Map<String, Object> plain(JsonObject o) {
        Map<String, Object> values = new LinkedHashMap<>();
        o.forEach(
                (k, v) ->
                        values.put(
                                k,
                                switch (v.getValueType()) {
                                    case NUMBER -> ((JsonNumber) v).bigDecimalValue();
                                    case TRUE -> Boolean.TRUE;
                                    case FALSE -> Boolean.FALSE;
                                    case STRING -> ((jakarta.json.JsonString) v).getString();
                                    default -> v == JsonValue.NULL ? null : v.toString();
                                }));
        return values;
    }
}
