package cn.duban.it.support;

import cn.duban.devstack.KeycloakServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keycloak as its own administrator sees it (master realm's bootstrap admin), for tests that check
 * what Duban did, or did not do, to the realm's users, and that finish a person's first login (the
 * required actions) the way the person would.
 */
public final class RealmAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RealmAdmin() {}

    private static String base() {
        return TestStack.issuer().replace("/realms/duban", "");
    }

    private static String token() {
        return KeycloakServer.passwordGrantToken(
                base() + "/realms/master",
                "admin-cli",
                null,
                KeycloakServer.ADMIN_USER,
                KeycloakServer.ADMIN_PASSWORD);
    }

    public static Optional<JsonObject> user(String username) {
        JsonArray found =
                (JsonArray)
                        get(
                                "/users?exact=true&briefRepresentation=false&username="
                                        + URLEncoder.encode(username, StandardCharsets.UTF_8));
        return found.stream()
                .map(JsonValue::asJsonObject)
                .filter(u -> u.getString("username").equals(username))
                .findFirst();
    }

    public static String id(String username) {
        return user(username)
                .orElseThrow(() -> new AssertionError("no user " + username))
                .getString("id");
    }

    public static JsonObject userById(String id) {
        return (JsonObject) get("/users/" + id);
    }

    public static String attribute(JsonObject user, String name) {
        JsonObject attrs = user.getJsonObject("attributes");
        if (attrs == null || !attrs.containsKey(name)) return null;
        return attrs.getJsonArray(name).getString(0);
    }

    public static Set<String> realmRoles(String id) {
        Set<String> out = new TreeSet<>();
        ((JsonArray) get("/users/" + id + "/role-mappings/realm"))
                .forEach(r -> out.add(r.asJsonObject().getString("name")));
        return out;
    }

    /** Roles of every client (realm-management …) mapped to the user, as "client/role". */
    public static Set<String> clientRoles(String id) {
        Set<String> out = new TreeSet<>();
        JsonObject all = (JsonObject) get("/users/" + id + "/role-mappings");
        JsonObject clients = all.getJsonObject("clientMappings");
        if (clients != null) {
            clients.forEach(
                    (client, mapping) ->
                            mapping.asJsonObject()
                                    .getJsonArray("mappings")
                                    .forEach(
                                            r ->
                                                    out.add(
                                                            client
                                                                    + "/"
                                                                    + r.asJsonObject()
                                                                            .getString("name"))));
        }
        return out;
    }

    public static int sessions(String id) {
        return ((JsonArray) get("/users/" + id + "/sessions")).size();
    }

    public static int credentials(String id) {
        return ((JsonArray) get("/users/" + id + "/credentials")).size();
    }

    /**
     * Everything about a user that Duban could change: the representation (enabled, names, e-mail,
     * attributes, required actions), realm and client roles and credentials, as one comparable
     * text.
     */
    public static String snapshot(String id) {
        JsonObject u = userById(id);
        JsonObject kept = Json.createObjectBuilder(u).remove("access").build();
        return kept
                + " roles="
                + realmRoles(id)
                + " clients="
                + clientRoles(id)
                + " credentials="
                + get("/users/" + id + "/credentials");
    }

    /**
     * What the person does at the first login: sets their own password; the required actions are
     * then done.
     */
    public static void completeFirstLogin(String username, String password) {
        String id = id(username);
        send(
                "PUT",
                "/users/" + id + "/reset-password",
                Json.createObjectBuilder()
                        .add("type", "password")
                        .add("value", password)
                        .add("temporary", false)
                        .build()
                        .toString());
        JsonObject u = userById(id);
        JsonObject done =
                Json.createObjectBuilder(u)
                        .add("requiredActions", Json.createArrayBuilder())
                        .remove("access")
                        .build();
        send("PUT", "/users/" + id, done.toString());
    }

    public static JsonObject userProfile() {
        return (JsonObject) get("/users/profile");
    }

    public static void setUserProfile(JsonObject config) {
        send("PUT", "/users/profile", config.toString());
    }

    /** A user made by Keycloak's own administrator, with a tenant attribute and one realm role. */
    public static String createUser(String username, String tenant, String realmRole) {
        send(
                "POST",
                "/users",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("enabled", true)
                        .add("firstName", username)
                        .add(
                                "attributes",
                                Json.createObjectBuilder()
                                        .add("tenant", Json.createArrayBuilder().add(tenant)))
                        .build()
                        .toString());
        String id = id(username);
        JsonObject role = (JsonObject) get("/roles/" + realmRole);
        send(
                "POST",
                "/users/" + id + "/role-mappings/realm",
                Json.createArrayBuilder().add(role).build().toString());
        return id;
    }

    public static void delete(String username) {
        user(username).ifPresent(u -> send("DELETE", "/users/" + u.getString("id"), null));
    }

    public static List<String> usernamesWithAttribute(String name, String value) {
        JsonArray found =
                (JsonArray)
                        get(
                                "/users?exact=true&max=1000&q="
                                        + URLEncoder.encode(
                                                name + ":" + value, StandardCharsets.UTF_8));
        return found.stream().map(u -> u.asJsonObject().getString("username")).toList();
    }

    /** A PUT of Keycloak's own administrator (e.g. a user's representation). */
    public static void put(String path, String json) {
        send("PUT", path, json);
    }

    /** A POST of Keycloak's own administrator (e.g. a role mapping). */
    public static void post(String path, String json) {
        send("POST", path, json);
    }

    /** A GET of Keycloak's own administrator (a representation or a list). */
    public static JsonStructure get(String path) {
        String body = send("GET", path, null);
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    private static String send(String method, String path, String json) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base() + "/admin/realms/duban" + path))
                        .header("Authorization", "Bearer " + token());
        if (json != null) b.header("Content-Type", "application/json");
        b.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r =
                    HTTP.send(
                            b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() >= 300)
                throw new AssertionError(
                        method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The token endpoint's answer to a password login (status and body), for first-login and
     * disabled checks.
     */
    public static HttpResponse<String> passwordLogin(String username, String password) {
        String form =
                "grant_type=password&client_id="
                        + KeycloakServer.CLIENT_ID
                        + "&client_secret="
                        + KeycloakServer.CLIENT_SECRET
                        + "&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(
                                            TestStack.issuer() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
