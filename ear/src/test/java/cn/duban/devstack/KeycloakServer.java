package cn.duban.devstack;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * The Keycloak distribution unpacked from Maven ({@code keycloak-quarkus-dist}), started in
 * dev mode with the repo's realm imported afresh on every start.
 */
public final class KeycloakServer {

    /** The bootstrap administrator of the master realm (local Keycloak only). */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The realm file's web client and the demo users' password. */
    public static final String CLIENT_ID = "duban-web";
    public static final String CLIENT_SECRET = "duban-web-secret";
    public static final String DEMO_PASSWORD = "duban123";
    /** The dev secret of the realm's duban-accounts service account (account management). */
    public static final String ACCOUNTS_SECRET = "duban-accounts-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final int port;
    private final Path realmJson;
    private final Path logFile;
    private Process process;

    private KeycloakServer(Path home, int port, Path realmJson, Path logFile) {
        this.home = home;
        this.port = port;
        this.realmJson = realmJson;
        this.logFile = logFile;
    }

    /** The distribution and realm the Maven build names (duban.keycloak.home, duban.realm). */
    public static KeycloakServer configured(int port, Path logFile) {
        return new KeycloakServer(Path.of(System.getProperty("duban.keycloak.home")), port, Path.of(System.getProperty("duban.realm")),
                logFile);
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/duban";
    }

    public void start() throws IOException, InterruptedException {
        // The dev-mode H2 store would keep the previous realm and skip the import.
        Dirs.deleteRecursively(home.resolve("data/h2"));
        launch();
    }

    /**
     * Stops and starts again on the same store: realm, users and signing keys survive, as they
     * would with a production Keycloak (used by the fault tests).
     */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(realmJson, imports.resolve("duban-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(logFile.getParent());

        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--http-port=" + port, "--http-management-port=" + (port + 1),
                "--hostname-strict=false", "--health-enabled=true")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        if (process == null) Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        process = pb.start();

        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("Keycloak exited; see " + logFile);
            try {
                if (HTTP.send(HttpRequest.newBuilder(wellKnown).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        stop();
        throw new IOException("Keycloak did not start within 3 minutes; see " + logFile);
    }

    public void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) return;
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A demo or generated user's access token from the realm's web client. */
    public static String userToken(String issuer, String user) {
        return passwordGrantToken(issuer, CLIENT_ID, CLIENT_SECRET, user, DEMO_PASSWORD);
    }

    /**
     * An access token for a user, by the resource-owner password grant (tests and scripts only);
     * secret null for a public client (admin-cli).
     */
    public static String passwordGrantToken(String issuer, String clientId, String secret, String user, String password) {
        List<String> form = new java.util.ArrayList<>(List.of(
                "grant_type=password",
                "client_id=" + enc(clientId),
                "username=" + enc(user),
                "password=" + enc(password),
                "scope=openid"));
        if (secret != null) form.add("client_secret=" + enc(secret));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token request for " + user + " failed: " + response.statusCode() + " " + response.body());
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject json = reader.readObject();
                return json.getString("access_token");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
