package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.RealmAdmin;
import cn.duban.it.support.TestStack;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Integrators' API clients against the real Keycloak: a district office makes a client, the client
 * gets a token by client credentials and sees only its own district; another district's office
 * cannot list, rotate or delete it (404, nothing changed); no request can give a client an
 * administrator's or a Keycloak role; a client given such a role behind Duban's back is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntegratorIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String create(String admin, String name, String... roles) {
        Api.Reply r =
                Api.post(
                        admin,
                        "/integrators",
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("description", "集成测试 " + name)
                                .add("roles", Json.createArrayBuilder(List.of(roles)))
                                .build()
                                .toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    @Test
    void aClientGetsATokenAndSeesOnlyItsDistrict() {
        JsonObject issued = json(create("jd-admin", "it-erp", "leader"));
        String clientId = issued.getJsonObject("client").getString("clientId");
        String secret = issued.getString("secret");
        try {
            assertThat(clientId).isEqualTo("int-jiading-it-erp");
            assertThat(secret).hasSizeGreaterThanOrEqualTo(20);
            assertThat(issued.getJsonObject("client").getJsonArray("roles").toString())
                    .isEqualTo("[\"leader\"]");

            HttpResponse<String> t = clientToken(clientId, secret);
            assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
            String token = json(t.body()).getString("access_token");
            JsonObject claims = claims(token);
            assertThat(claims.getString("tenant")).isEqualTo("jiading");
            assertThat(claims.containsKey("unit")).isFalse();
            assertThat(claims.getJsonObject("realm_access").getJsonArray("roles").toString())
                    .contains("\"leader\"")
                    .doesNotContain("district-admin", "platform-admin");

            // Exactly 嘉定区's units, none of 普陀区's.
            Api.Reply units = call(token, "GET", "/units");
            assertThat(units.status()).as(units.body()).isEqualTo(200);
            assertThat(ids(units.array())).isEqualTo(ids(Api.get("jd-leader", "/units").array()));
            assertThat(ids(units.array()))
                    .doesNotContainAnyElementsOf(ids(Api.get("pt-leader", "/units").array()));
            // A leader's reading, not the office's work.
            assertThat(call(token, "GET", "/accounts").status()).isEqualTo(403);
            assertThat(call(token, "GET", "/integrators").status()).isEqualTo(403);

            // Listed for its district, without a secret.
            Api.Reply list = Api.get("jd-admin", "/integrators");
            assertThat(list.body()).contains(clientId).doesNotContain(secret);
            assertThat(Api.get("pt-admin", "/integrators").body()).doesNotContain(clientId);

            // A rotation: the old secret stops working, the new one works.
            Api.Reply rotated = Api.post("jd-admin", "/integrators/" + clientId + "/secret", "");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String fresh = rotated.json().getString("secret");
            assertThat(fresh).isNotEqualTo(secret);
            assertThat(clientToken(clientId, secret).statusCode()).isEqualTo(401);
            assertThat(clientToken(clientId, fresh).statusCode()).isEqualTo(200);

            assertThat(Api.delete("jd-admin", "/integrators/" + clientId).status()).isEqualTo(204);
            assertThat(clientToken(clientId, fresh).statusCode()).isEqualTo(401);
            assertThat(Api.get("jd-admin", "/integrators").body()).doesNotContain(clientId);
        } finally {
            Api.delete("jd-admin", "/integrators/" + clientId);
        }
    }

    @Test
    void anotherDistrictsClientIsNotFoundAndStaysAsItWas() {
        JsonObject issued = json(create("pt-admin", "it-oa", "leader"));
        String clientId = issued.getJsonObject("client").getString("clientId");
        String secret = issued.getString("secret");
        try {
            String before = clientSnapshot(clientId);
            Api.Reply rotate = Api.post("jd-admin", "/integrators/" + clientId + "/secret", "");
            assertThat(rotate.status() + " " + rotate.problemCode())
                    .isEqualTo("404 integrator.not-found");
            Api.Reply delete = Api.delete("jd-admin", "/integrators/" + clientId);
            assertThat(delete.status() + " " + delete.problemCode())
                    .isEqualTo("404 integrator.not-found");
            assertThat(Api.get("jd-admin", "/integrators").body()).doesNotContain(clientId);
            // The realm's own clients are no district's either.
            for (String own : List.of("duban-web", "duban-accounts", "realm-management")) {
                assertThat(Api.delete("jd-admin", "/integrators/" + own).status()).isEqualTo(404);
                assertThat(Api.post("jd-admin", "/integrators/" + own + "/secret", "").status())
                        .isEqualTo(404);
            }
            assertThat(clientSnapshot(clientId)).isEqualTo(before);
            assertThat(clientToken(clientId, secret).statusCode()).isEqualTo(200);
        } finally {
            Api.delete("pt-admin", "/integrators/" + clientId);
        }
    }

    @Test
    void noRequestGrantsAnAdministratorsOrKeycloaksRole() {
        for (String role :
                List.of(
                        "platform-admin",
                        "district-admin",
                        "unit-reporter",
                        "city-viewer",
                        "manage-users",
                        "realm-management/manage-clients",
                        "realm-admin")) {
            Api.Reply r =
                    Api.post(
                            "jd-admin",
                            "/integrators",
                            Json.createObjectBuilder()
                                    .add("name", "it-evil")
                                    .add("roles", Json.createArrayBuilder().add("leader").add(role))
                                    .build()
                                    .toString());
            assertThat(r.status() + " " + r.problemCode())
                    .as(role)
                    .isEqualTo("400 integrator.roles");
        }
        assertThat(
                        Api.post(
                                        "jd-admin",
                                        "/integrators",
                                        "{\"name\":\"It/../x\",\"roles\":[\"leader\"]}")
                                .problemCode())
                .isEqualTo("integrator.name");
        assertThat(clientExists("int-jiading-it-evil")).isFalse();
        // Only a district office makes clients.
        for (String user : List.of("jd-leader", "jd-anting", "operator")) {
            assertThat(
                            Api.post(
                                            user,
                                            "/integrators",
                                            "{\"name\":\"it-evil\",\"roles\":[\"leader\"]}")
                                    .status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(clientExists("int-jiading-it-evil")).isFalse();
    }

    /**
     * A role given to a client in Keycloak's console, outside Duban's rules, does not make its
     * tokens an administrator's: Duban refuses them.
     */
    @Test
    void aClientWithARoleBeyondTheSafeListIsRefused() {
        JsonObject issued = json(create("jd-admin", "it-escalated", "leader"));
        String clientId = issued.getJsonObject("client").getString("clientId");
        try {
            String client = clientUuid(clientId);
            String user =
                    ((JsonObject) RealmAdmin.get("/clients/" + client + "/service-account-user"))
                            .getString("id");
            JsonObject role = (JsonObject) RealmAdmin.get("/roles/district-admin");
            RealmAdmin.post(
                    "/users/" + user + "/role-mappings/realm",
                    Json.createArrayBuilder().add(role).build().toString());
            HttpResponse<String> t = clientToken(clientId, issued.getString("secret"));
            String token = json(t.body()).getString("access_token");
            Api.Reply accounts = call(token, "GET", "/accounts");
            assertThat(accounts.status() + " " + accounts.problemCode())
                    .isEqualTo("403 auth.client");
            assertThat(call(token, "GET", "/units").status()).isEqualTo(403);
        } finally {
            Api.delete("jd-admin", "/integrators/" + clientId);
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private static HttpResponse<String> clientToken(String clientId, String secret) {
        String form =
                "grant_type=client_credentials&client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + "&client_secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(
                                            TestStack.issuer() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api.Reply call(String token, String method, String path) {
        try {
            HttpResponse<String> r =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(Api.base() + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "application/json")
                                    .method(method, HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return json(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static JsonObject json(String s) {
        try (var reader = Json.createReader(new StringReader(s))) {
            return reader.readObject();
        }
    }

    private static Set<String> ids(JsonArray array) {
        return array.stream()
                .map(v -> v.asJsonObject().getString("id"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean clientExists(String clientId) {
        return !((JsonArray) RealmAdmin.get("/clients?clientId=" + clientId)).isEmpty();
    }

    private static String clientUuid(String clientId) {
        return ((JsonArray) RealmAdmin.get("/clients?clientId=" + clientId))
                .get(0)
                .asJsonObject()
                .getString("id");
    }

    /** The client as Keycloak's administrator sees it: settings, mappers, secret, roles. */
    private static String clientSnapshot(String clientId) {
        String id = clientUuid(clientId);
        JsonValue client = RealmAdmin.get("/clients/" + id);
        JsonValue secret = RealmAdmin.get("/clients/" + id + "/client-secret");
        String user =
                ((JsonObject) RealmAdmin.get("/clients/" + id + "/service-account-user"))
                        .getString("id");
        return client + " " + secret + " " + RealmAdmin.realmRoles(user);
    }
}
