package cn.duban.devstack;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the dev overlay over the production realm before the dev stack imports it. Objects merge
 * key by key; arrays of objects that carry an id ({@code clientId}, {@code username}, {@code
 * alias}) merge element by element on it (new ones are appended); anything else is replaced. Keys
 * starting with {@code _} are comments.
 */
public final class RealmOverlay {

    private static final List<String> ID_KEYS = List.of("clientId", "username", "alias");

    private RealmOverlay() {}

    public static JsonObject merge(Path realm, Path overlay) throws IOException {
        return merge(read(realm), read(overlay));
    }

    /** The realm with one more redirect URI on the client (kept once). */
    static JsonObject withRedirect(JsonObject realm, String clientId, String uri) {
        JsonArrayBuilder clients = Json.createArrayBuilder();
        for (JsonValue v : realm.getJsonArray("clients")) {
            JsonObject client = v.asJsonObject();
            if (clientId.equals(client.getString("clientId", null))) {
                JsonArray old = client.getJsonArray("redirectUris");
                JsonArrayBuilder uris =
                        Json.createArrayBuilder(old == null ? JsonValue.EMPTY_JSON_ARRAY : old);
                if (old == null || !old.contains(Json.createValue(uri))) uris.add(uri);
                client = Json.createObjectBuilder(client).add("redirectUris", uris).build();
            }
            clients.add(client);
        }
        return Json.createObjectBuilder(realm).add("clients", clients).build();
    }

    static JsonObject merge(JsonObject base, JsonObject overlay) {
        Map<String, JsonValue> merged = new LinkedHashMap<>(base);
        overlay.forEach(
                (key, value) -> {
                    if (key.startsWith("_")) return;
                    JsonValue old = merged.get(key);
                    if (old instanceof JsonObject o && value instanceof JsonObject v)
                        merged.put(key, merge(o, v));
                    else if (old instanceof JsonArray o
                            && value instanceof JsonArray v
                            && idKey(v) != null) merged.put(key, mergeById(o, v, idKey(v)));
                    else merged.put(key, value);
                });
        JsonObjectBuilder out = Json.createObjectBuilder();
        merged.forEach(out::add);
        return out.build();
    }

    private static JsonArray mergeById(JsonArray base, JsonArray overlay, String id) {
        List<JsonValue> out = new ArrayList<>(base);
        for (JsonValue v : overlay) {
            JsonObject o = v.asJsonObject();
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) instanceof JsonObject b
                        && o.getString(id).equals(b.getString(id, null))) at = i;
            }
            if (at >= 0) out.set(at, merge(out.get(at).asJsonObject(), o));
            else out.add(o);
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        out.forEach(array::add);
        return array.build();
    }

    /** The id all elements share, or null when the array is not a list of identified objects. */
    private static String idKey(JsonArray array) {
        if (array.isEmpty() || !(array.get(0) instanceof JsonObject first)) return null;
        for (String key : ID_KEYS) {
            if (first.containsKey(key)
                    && array.stream()
                            .allMatch(v -> v instanceof JsonObject o && o.containsKey(key)))
                return key;
        }
        return null;
    }

    private static JsonObject read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                var json = Json.createReader(reader)) {
            return json.readObject();
        }
    }
}
