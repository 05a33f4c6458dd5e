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
import java.time.Duration;
import java.util.List;

/**
 * The Keycloak distribution unpacked from Maven ({@code keycloak-quarkus-dist}), started in dev
 * mode with the repo's realm imported afresh on every start: the production realm ({@code
 * ear/src/main/keycloak/duban-realm.json}) with the dev overlay ({@code
 * ear/src/test/keycloak/duban-realm-dev.json}: demo users, demo secret, password grant, plain http)
 * merged over it, and next to it the realm {@code province}
 * (ear/src/test/keycloak/province-realm.json) as the upstream provider of the provincial single
 * sign-on. Production never sees either.
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

    /**
     * The upstream provider of the provincial single sign-on in the dev stack and the tests: the
     * realm {@code province} of ear/src/test/keycloak/province-realm.json, in this same Keycloak.
     */
    public static final String PROVINCE_REALM = "province";

    /** The password of the province realm's users (zhang.san, li.si, wang.wu). */
    public static final String PROVINCE_PASSWORD = "province123";

    /** How the realm files write this Keycloak's address (the run command's port). */
    private static final String PROVINCE_BASE = "http://localhost:8180/realms/";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final int port;
    private final Path realmJson;
    private final Path overlayJson;
    private final Path logFile;
    private final List<Integer> webPorts = new java.util.ArrayList<>();
    private Process process;

    private KeycloakServer(Path home, int port, Path realmJson, Path overlayJson, Path logFile) {
        this.home = home;
        this.port = port;
        this.realmJson = realmJson;
        this.overlayJson = overlayJson;
        this.logFile = logFile;
    }

    /**
     * The distribution, realm and dev overlay the Maven build names (duban.keycloak.home,
     * duban.realm, duban.realm.dev).
     */
    public static KeycloakServer configured(int port, Path logFile) {
        String overlay = System.getProperty("duban.realm.dev");
        if (overlay == null)
            throw new IllegalStateException("duban.realm.dev (the dev realm overlay) is not set");
        return new KeycloakServer(
                Path.of(System.getProperty("duban.keycloak.home")),
                port,
                Path.of(System.getProperty("duban.realm")),
                Path.of(overlay),
                logFile);
    }

    /** Lets the web client redirect to a WildFly on this port too (tests with a port offset). */
    public KeycloakServer redirectingTo(int webPort) {
        webPorts.add(webPort);
        return this;
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
        JsonObject realm = RealmOverlay.merge(realmJson, overlayJson);
        for (int webPort : webPorts) {
            realm =
                    RealmOverlay.withRedirect(
                            realm, CLIENT_ID, "http://localhost:" + webPort + "/*");
            realm =
                    RealmOverlay.withRedirect(
                            realm, CLIENT_ID, "http://127.0.0.1:" + webPort + "/*");
        }
        // The province realm's URLs in the files name the run command's port; this Keycloak's
        // may differ (tests with a port offset).
        String here = "http://localhost:" + port + "/realms/";
        Files.writeString(
                imports.resolve("duban-realm.json"),
                realm.toString().replace(PROVINCE_BASE, here),
                StandardCharsets.UTF_8);
        Path province = overlayJson.toAbsolutePath().getParent().resolve("province-realm.json");
        if (Files.isRegularFile(province)) {
            JsonObject upstream;
            try (var reader = Json.createReader(Files.newBufferedReader(province))) {
                upstream = reader.readObject();
            }
            var kept = Json.createObjectBuilder();
            upstream.forEach(
                    (k, v) -> {
                        if (!k.startsWith("_")) kept.add(k, v);
                    });
            Files.writeString(
                    imports.resolve("province-realm.json"),
                    kept.build().toString().replace(PROVINCE_BASE, here),
                    StandardCharsets.UTF_8);
        }
        installThemes();
        Files.createDirectories(logFile.getParent());

        ProcessBuilder pb =
                new ProcessBuilder(
                                "bash",
                                home.resolve("bin/kc.sh").toString(),
                                "start-dev",
                                "--import-realm",
                                "--http-port=" + port,
                                "--http-management-port=" + (port + 1),
                                "--hostname-strict=false",
                                "--health-enabled=true")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        if (process == null) Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        process = pb.start();

        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        // Dev mode rebuilds Keycloak before starting: 1–2 min alone, far longer on a busy 2-core
        // machine.
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("Keycloak exited; see " + logFile);
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(wellKnown).build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        stop();
        throw new IOException("Keycloak did not start within 15 minutes; see " + logFile);
    }

    /**
     * Duban's themes (ear/src/main/keycloak/themes, next to the realm file) copied afresh into the
     * distribution's themes directory, as the production archive has them. Dev mode does not cache
     * themes: an edited CSS or message shows at the next page load once copied.
     */
    private void installThemes() throws IOException {
        Path source = realmJson.toAbsolutePath().getParent().resolve("themes");
        if (!Files.isDirectory(source)) return;
        try (var themes = Files.list(source)) {
            for (Path theme : themes.toList()) {
                Path target = home.resolve("themes").resolve(theme.getFileName().toString());
                Dirs.deleteRecursively(target);
                try (var files = Files.walk(theme)) {
                    for (Path file : files.toList()) {
                        Path to = target.resolve(theme.relativize(file).toString());
                        if (Files.isDirectory(file)) Files.createDirectories(to);
                        else Files.copy(file, to);
                    }
                }
            }
        }
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
    public static String passwordGrantToken(
            String issuer, String clientId, String secret, String user, String password) {
        List<String> form =
                new java.util.ArrayList<>(
                        List.of(
                                "grant_type=password",
                                "client_id=" + enc(clientId),
                                "username=" + enc(user),
                                "password=" + enc(password),
                                "scope=openid"));
        if (secret != null) form.add("client_secret=" + enc(secret));
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Token request for "
                                + user
                                + " failed: "
                                + response.statusCode()
                                + " "
                                + response.body());
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
