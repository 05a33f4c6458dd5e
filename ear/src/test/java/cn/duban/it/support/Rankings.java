package cn.duban.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading the standings the evaluation API answers. */
public final class Rankings {

    private Rankings() {}

    /** A standings answer's units by name. */
    public static Map<String, JsonObject> byUnit(JsonObject standings) {
        return standings.getJsonArray("units").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(u -> u.getString("unitName"), u -> u));
    }
}
