package cn.duban.devstack;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Adds users to the duban realm of a running Keycloak through its admin REST API, for the load and
 * scale tools, whose tenants and units are not in the realm file. Users get the demo password and
 * the {@code tenant}/{@code unit} attributes the application reads.
 */
public final class KeycloakAdmin {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private String token;
    private long tokenAt;

    /** Logs in to the master realm as the bootstrap admin that {@link KeycloakServer} creates. */
    public KeycloakAdmin(int port) {
        this.base = "http://localhost:" + port;
        token();
    }

    /**
     * The admin token, fetched again after 30 s: admin-cli's tokens live 60 s, and adding a
     * district's users on a busy machine takes longer.
     */
    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > 30_000_000_000L) {
            tokenAt = System.nanoTime();
            token =
                    KeycloakServer.passwordGrantToken(
                            base + "/realms/master",
                            "admin-cli",
                            null,
                            KeycloakServer.ADMIN_USER,
                            KeycloakServer.ADMIN_PASSWORD);
        }
        return token;
    }

    /**
     * Creates (or, if the username exists, leaves) a user of a tenant with one realm role.
     *
     * @param unit the unit code, or null for users without a unit (leaders)
     */
    public void ensureUser(String username, String tenant, String unit, String role) {
        var attributes =
                Json.createObjectBuilder().add("tenant", Json.createArrayBuilder().add(tenant));
        if (unit != null) attributes.add("unit", Json.createArrayBuilder().add(unit));
        String user =
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("enabled", true)
                        .add("firstName", username)
                        .add("lastName", "测试")
                        .add("email", username + "@duban.local")
                        .add("emailVerified", true)
                        .add("attributes", attributes)
                        .add(
                                "credentials",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("type", "password")
                                                        .add("value", KeycloakServer.DEMO_PASSWORD)
                                                        .add("temporary", false)))
                        .build()
                        .toString();
        HttpResponse<String> created =
                send(
                        admin("/users")
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                user, StandardCharsets.UTF_8)));
        if (created.statusCode() == 409) return;
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "Could not create "
                            + username
                            + ": "
                            + created.statusCode()
                            + " "
                            + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        String roleJson = send(admin("/roles/" + enc(role)).GET()).body();
        HttpResponse<String> mapped =
                send(
                        admin("/users/" + id + "/role-mappings/realm")
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "[" + roleJson + "]", StandardCharsets.UTF_8)));
        if (mapped.statusCode() != 204)
            throw new IllegalStateException("Could not give " + username + " the role " + role);
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(base + "/admin/realms/duban" + path))
                .header("Authorization", "Bearer " + token());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(
                    request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
