package cn.duban.dist;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Smoke test of the production distribution (profile dist-smoke, after the dist profile built the
 * archive): unpacks it into a clean temporary directory and runs it as docs/DEPLOYMENT.md says, on
 * loopback ports that collide with neither the run command nor the integration tests: Debian's
 * PostgreSQL (44432) bootstrapped by bin/duban-db-bootstrap, Keycloak in production mode
 * (bin/duban-keycloak, 40180) on its own database, WildFly by bin/duban-server (port offset 32000:
 * 40080, management 41990), and HAProxy terminating TLS with a certificate made here (app on 44443,
 * login pages on 44444). Then: the start scripts refuse missing and demo secrets, the realm has no
 * users and no password grant, bin/duban-create-operator makes the first operator, who logs in with
 * headless Chromium through the first-login password change and OTP set-up (TOTP computed here),
 * logs in again with OTP, and creates a tenant through the API from the page; then onboards a
 * district through the API (tenant, units, first district administrator), checks that administrator
 * in Keycloak (tenant attribute, district-admin only, password and OTP required), and logs in as
 * that person through the same first login to see only the new district; finally a pg_dump of the
 * database restores into a new one with both tenants. Prints SMOKE lines with timings; exits 1 on
 * the first failure, keeping the directory and its logs.
 */
public final class DistSmoke {

    static final int PG_PORT = 44432;
    static final int KC_PORT = 40180;
    static final int PORT_OFFSET = 32000;
    static final int APP_TLS = 44443;
    static final int SSO_TLS = 44444;
    static final String APP_URL = "https://localhost:" + APP_TLS;
    static final String SSO_URL = "https://localhost:" + SSO_TLS;
    static final String ISSUER = SSO_URL + "/realms/duban";
    static final String OPERATOR = "ops-admin";
    static final String DISTRICT = "smoke-jd";
    static final String DISTRICT_ADMIN = "smoke-jd-admin";

    private final Path root;
    private final Path archive;
    private final boolean asRoot = "root".equals(System.getProperty("user.name"));
    private final List<Process> services = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final long started = System.nanoTime();
    private int passed;
    private Path home;
    private Path pgBin;
    private HttpClient https;
    private String operatorPassword;
    private String districtAdminPassword;

    private DistSmoke(Path root, Path archive) {
        this.root = root;
        this.archive = archive;
    }

    public static void main(String[] args) throws Exception {
        Path archive = Path.of(System.getProperty("duban.dist.archive"));
        if (!Files.isRegularFile(archive)) {
            System.out.println(
                    "SMOKE no archive "
                            + archive
                            + ": build it in the same run with -Pdist,dist-smoke");
            System.exit(1);
        }
        Path root = Files.createTempDirectory("duban-dist-smoke-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        DistSmoke smoke = new DistSmoke(root, archive);
        int status = 0;
        try {
            smoke.run();
        } catch (Throwable e) {
            status = 1;
            System.out.println("SMOKE FAILED: " + e);
            e.printStackTrace(System.out);
            System.out.println("SMOKE directory kept for inspection: " + root);
        } finally {
            smoke.stopAll();
        }
        System.out.printf("SMOKE total %.0f s%n", (System.nanoTime() - smoke.started) / 1e9);
        System.out.println("smoke: " + smoke.passed + " passed, " + status + " failed");
        if (status == 0) deleteTree(root);
        System.exit(status);
    }

    private void run() throws Exception {
        for (int port :
                new int[] {
                    PG_PORT,
                    KC_PORT,
                    KC_PORT + 10,
                    8080 + PORT_OFFSET,
                    9990 + PORT_OFFSET,
                    APP_TLS,
                    SSO_TLS
                }) {
            try (ServerSocket s =
                    new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                s.getLocalPort();
            } catch (IOException inUse) {
                throw new IllegalStateException(
                        "port "
                                + port
                                + " is in use: a smoke test still running, or its leftovers");
            }
        }
        timed("unpack", this::unpack);
        timed("tls", this::certificates);
        timed("env", this::envFile);
        timed("refusals", this::startScriptsRefuseBadSecrets);
        timed("postgresql", this::postgres);
        timed(
                "db-bootstrap",
                () -> {
                    Run r =
                            sh(
                                    List.of(home + "/bin/duban-db-bootstrap"),
                                    Map.of("DUBAN_ENV_FILE", root + "/etc/duban.env"),
                                    120);
                    check(r.ok(), "bin/duban-db-bootstrap failed: " + r.err());
                });
        timed("haproxy", this::haproxy);
        // WildFly boots while Keycloak starts and the realm is checked: it needs Keycloak only at
        // the first login.
        timed("start-servers", this::startServers);
        timed("keycloak", this::keycloak);
        timed("realm", this::productionRealm);
        timed("realm-upgrade", this::realmUpgrade);
        timed("operator", this::createOperator);
        timed("password-grant", this::passwordGrantRefused);
        timed("wildfly", this::wildfly);
        timed("first-login", this::firstLogin);
        timed("district-admin", this::districtAdminFirstLogin);
        timed("backup-restore", this::backupAndRestore);
    }

    // --- Steps ---------------------------------------------------------------------------

    private void unpack() throws Exception {
        Path opt = Files.createDirectories(root.resolve("opt"));
        check(
                sh(List.of("tar", "-xzf", archive.toString(), "-C", opt.toString()), Map.of(), 300)
                        .ok(),
                "tar failed");
        try (var dirs = Files.list(opt)) {
            home = dirs.findFirst().orElseThrow();
        }
        for (String p :
                List.of(
                        "bin/duban-server",
                        "bin/duban-keycloak",
                        "bin/duban-db-bootstrap",
                        "bin/duban-create-operator",
                        "wildfly/bin/standalone.sh",
                        "keycloak/bin/kc.sh",
                        "wildfly/standalone/deployments/duban.ear",
                        "keycloak/data/import/duban-realm.json",
                        "keycloak/conf/keycloak.conf",
                        "db/bootstrap.sql",
                        "db/keycloak.sql",
                        "etc/duban.env.template",
                        "systemd/duban-wildfly.service",
                        "systemd/duban-keycloak.service",
                        "proxy/haproxy.cfg",
                        "docs/DEPLOYMENT.md")) {
            check(Files.exists(home.resolve(p)), "the archive lacks " + p);
        }
        check(
                Files.isExecutable(home.resolve("bin/duban-server")),
                "bin/duban-server is not executable");
        check(
                "rw-------"
                        .equals(
                                PosixFilePermissions.toString(
                                        Files.getPosixFilePermissions(
                                                home.resolve("etc/duban.env.template")))),
                "etc/duban.env.template is not mode 600");
        // Offline: a thin server would fetch its jars from Maven at boot.
        var thin =
                sh(
                        List.of(
                                "grep",
                                "-rlE",
                                "--include=module.xml",
                                "^\\s*<artifact ",
                                home.resolve("wildfly/modules").toString()),
                        Map.of(),
                        60);
        check(
                thin.out().isBlank(),
                "modules refer to Maven artifacts (a thin server): " + thin.out());
        // Keycloak is pre-built: its Quarkus build output is in the archive.
        check(
                Files.exists(home.resolve("keycloak/lib/quarkus/build-system.properties")),
                "Keycloak is not pre-built");
        Files.createDirectories(root.resolve("home"));
    }

    private void certificates() throws Exception {
        Path tls = Files.createDirectories(root.resolve("tls"));
        check(
                sh(
                                List.of(
                                        "openssl",
                                        "req",
                                        "-x509",
                                        "-newkey",
                                        "rsa:2048",
                                        "-nodes",
                                        "-days",
                                        "2",
                                        "-subj",
                                        "/CN=localhost",
                                        "-addext",
                                        "subjectAltName=DNS:localhost,IP:127.0.0.1",
                                        "-keyout",
                                        tls + "/key.pem",
                                        "-out",
                                        tls + "/cert.pem"),
                                Map.of(),
                                60)
                        .ok(),
                "openssl failed");
        Files.writeString(
                tls.resolve("duban.pem"),
                Files.readString(tls.resolve("cert.pem"))
                        + Files.readString(tls.resolve("key.pem")));
        String storePassword = secret();
        check(
                sh(
                                List.of(
                                        System.getProperty("java.home") + "/bin/keytool",
                                        "-importcert",
                                        "-noprompt",
                                        "-alias",
                                        "duban-proxy",
                                        "-file",
                                        tls + "/cert.pem",
                                        "-keystore",
                                        tls + "/truststore.p12",
                                        "-storetype",
                                        "PKCS12",
                                        "-storepass",
                                        storePassword),
                                Map.of(),
                                60)
                        .ok(),
                "keytool failed");
        env.put("DUBAN_TRUSTSTORE", tls + "/truststore.p12");
        env.put("DUBAN_TRUSTSTORE_PASSWORD", storePassword);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("truststore.p12"))) {
            trust.load(in, storePassword.toCharArray());
        }
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        https =
                HttpClient.newBuilder()
                        .sslContext(ssl)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    /**
     * The env file as an operator fills the template: generated secrets, the smoke test's ports.
     */
    private void envFile() throws Exception {
        env.put("DUBAN_PUBLIC_URL", APP_URL);
        env.put("KC_HOSTNAME", SSO_URL);
        env.put("DUBAN_OIDC_PROVIDER_URL", ISSUER);
        env.put("DUBAN_OIDC_SSL_REQUIRED", "all");
        env.put("DUBAN_PROXY_FORWARDING", "true");
        env.put("DUBAN_SECURE_COOKIES", "true");
        env.put("DUBAN_DB_URL", "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/duban");
        env.put("DUBAN_DB_APP_PASSWORD", secret());
        env.put("DUBAN_DB_OWNER_PASSWORD", secret());
        env.put("DUBAN_OIDC_SECRET", java.util.HexFormat.of().formatHex(bytes(32)));
        env.put("DUBAN_ACCOUNTS_SECRET", java.util.HexFormat.of().formatHex(bytes(32)));
        env.put("DUBAN_AUDIT_KEY", secret());
        env.put("DUBAN_SECRET_KEY", secret());
        env.put("KC_DB_URL", "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/keycloak");
        env.put("KC_DB_USERNAME", "keycloak");
        env.put("KC_DB_PASSWORD", secret());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secret());
        env.put("KC_HTTP_PORT", String.valueOf(KC_PORT));
        env.put("KC_HTTP_MANAGEMENT_PORT", String.valueOf(KC_PORT + 10));
        env.put("DUBAN_PORT_OFFSET", String.valueOf(PORT_OFFSET));
        env.put("DUBAN_DATA", root.resolve("var/lib/duban").toString());
        env.put("DUBAN_LOG", root.resolve("var/log/duban").toString());
        env.put("DUBAN_JAVA_OPTS", "-Xms256m -Xmx1g");
        env.put("DUBAN_KC_HEAP", "-Xms64m -Xmx512m");
        writeEnv(root.resolve("etc/duban.env"), env);
    }

    /**
     * bin/duban-server and bin/duban-keycloak stop with one line naming a missing or demo secret.
     */
    private void startScriptsRefuseBadSecrets() throws Exception {
        Map<String, String> missing = new LinkedHashMap<>(env);
        missing.remove("DUBAN_OIDC_SECRET");
        Run r = withEnvFile("missing-secret", missing, home + "/bin/duban-server");
        check(r.exit() == 1, "duban-server without DUBAN_OIDC_SECRET exited " + r.exit());
        check(
                r.err()
                        .strip()
                        .equals("duban: DUBAN_OIDC_SECRET is not set (see docs/DEPLOYMENT.md)"),
                "unexpected message: " + r.err());
        pass("duban-server without DUBAN_OIDC_SECRET: exit 1, \"" + r.err().strip() + "\"");

        for (var demo :
                List.of(
                        Map.entry("DUBAN_OIDC_SECRET", "duban-web-secret"),
                        Map.entry("DUBAN_DB_APP_PASSWORD", "duban_app"),
                        Map.entry("DUBAN_DB_OWNER_PASSWORD", "duban_owner"))) {
            Map<String, String> bad = new LinkedHashMap<>(env);
            bad.put(demo.getKey(), demo.getValue());
            r = withEnvFile("demo-" + demo.getKey(), bad, home + "/bin/duban-server");
            check(
                    r.exit() == 1
                            && r.err()
                                    .contains(
                                            demo.getKey()
                                                    + " has the demo value '"
                                                    + demo.getValue()
                                                    + "'"),
                    "duban-server accepted " + demo + ": " + r.exit() + " " + r.err());
            pass(
                    "duban-server with "
                            + demo.getKey()
                            + "="
                            + demo.getValue()
                            + ": exit 1, \""
                            + r.err().strip()
                            + "\"");
        }

        Map<String, String> noAccounts = new LinkedHashMap<>(env);
        noAccounts.remove("DUBAN_ACCOUNTS_SECRET");
        r = withEnvFile("missing-accounts-secret", noAccounts, home + "/bin/duban-server");
        check(
                r.exit() == 1
                        && r.err()
                                .strip()
                                .equals(
                                        "duban: DUBAN_ACCOUNTS_SECRET is not set (see docs/DEPLOYMENT.md)"),
                "duban-server without DUBAN_ACCOUNTS_SECRET: " + r.exit() + " " + r.err());
        r = withEnvFile("missing-accounts-secret", noAccounts, home + "/bin/duban-keycloak");
        check(
                r.exit() == 1
                        && r.err()
                                .strip()
                                .equals(
                                        "duban: DUBAN_ACCOUNTS_SECRET is not set (see docs/DEPLOYMENT.md)"),
                "duban-keycloak without DUBAN_ACCOUNTS_SECRET: " + r.exit() + " " + r.err());
        Map<String, String> demoAccounts = new LinkedHashMap<>(env);
        demoAccounts.put("DUBAN_ACCOUNTS_SECRET", "duban-accounts-secret");
        r = withEnvFile("demo-accounts-secret", demoAccounts, home + "/bin/duban-server");
        check(
                r.exit() == 1 && r.err().contains("DUBAN_ACCOUNTS_SECRET has the demo value"),
                "duban-server accepted the demo accounts secret: " + r.err());
        pass(
                "duban-server and duban-keycloak without DUBAN_ACCOUNTS_SECRET, or with its demo value: exit 1, \""
                        + r.err().strip()
                        + "\"");

        Map<String, String> base64Secret = new LinkedHashMap<>(env);
        base64Secret.put("DUBAN_OIDC_SECRET", "ab+cd/ef" + env.get("DUBAN_OIDC_SECRET"));
        r = withEnvFile("base64-secret", base64Secret, home + "/bin/duban-server");
        check(
                r.exit() == 1 && r.err().contains("openssl rand -hex 32"),
                "duban-server accepted a base64 OIDC secret: " + r.err());

        Map<String, String> kcMissing = new LinkedHashMap<>(env);
        kcMissing.remove("KC_DB_PASSWORD");
        r = withEnvFile("kc-missing", kcMissing, home + "/bin/duban-keycloak");
        check(
                r.exit() == 1
                        && r.err()
                                .strip()
                                .equals(
                                        "duban: KC_DB_PASSWORD is not set (see docs/DEPLOYMENT.md)"),
                "duban-keycloak without KC_DB_PASSWORD: " + r.exit() + " " + r.err());
        Map<String, String> kcDemo = new LinkedHashMap<>(env);
        kcDemo.put("DUBAN_OIDC_SECRET", "duban-web-secret");
        r = withEnvFile("kc-demo", kcDemo, home + "/bin/duban-keycloak");
        check(
                r.exit() == 1 && r.err().contains("DUBAN_OIDC_SECRET has the demo value"),
                "duban-keycloak accepted the demo secret: " + r.err());
        pass("duban-keycloak without KC_DB_PASSWORD or with the demo client secret: exit 1");
    }

    private void postgres() throws Exception {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            pgBin = versions.sorted().reduce((a, b) -> b).orElseThrow().resolve("bin");
        }
        Path pg = Files.createDirectories(root.resolve("pg"));
        if (asRoot)
            check(
                    sh(List.of("chown", "postgres:postgres", pg.toString()), Map.of(), 10).ok(),
                    "chown failed");
        check(
                pgSh(
                                List.of(
                                        pgBin + "/initdb",
                                        "-D",
                                        pg + "/data",
                                        "-U",
                                        "postgres",
                                        "--auth-local=trust",
                                        "--auth-host=scram-sha-256",
                                        "-E",
                                        "UTF8",
                                        "--locale=C.UTF-8"),
                                120)
                        .ok(),
                "initdb failed");
        check(
                pgSh(
                                List.of(
                                        pgBin + "/pg_ctl",
                                        "-D",
                                        pg + "/data",
                                        "-l",
                                        pg + "/postgresql.log",
                                        "-w",
                                        "-t",
                                        "60",
                                        "-o",
                                        "-p "
                                                + PG_PORT
                                                + " -k "
                                                + pg
                                                + " -c listen_addresses=127.0.0.1",
                                        "start"),
                                90)
                        .ok(),
                "PostgreSQL did not start");
        // bin/duban-db-bootstrap reaches it like the local server: the postgres user, on the
        // socket.
        env.put("PGHOST", pg.toString());
        env.put("PGPORT", String.valueOf(PG_PORT));
    }

    private void haproxy() throws Exception {
        Path tls = root.resolve("tls");
        String headers =
                """
                    http-request del-header X-Forwarded-For
                    http-request del-header X-Forwarded-Host
                    http-request del-header X-Forwarded-Proto
                    http-request del-header X-Forwarded-Port
                    http-request del-header Forwarded
                    http-request set-header X-Forwarded-Proto https
                    http-request set-header X-Forwarded-Host %[req.hdr(host),field(1,:)]
                """;
        String cfg =
                """
                global
                    log stdout format raw local0 info
                defaults
                    mode http
                    log global
                    option httplog
                    option forwardfor
                    timeout connect 5s
                    timeout client 120s
                    timeout server 120s
                frontend app
                    bind 127.0.0.1:%1$d ssl crt %3$s/duban.pem
                %4$s    http-request set-header X-Forwarded-Port %1$d
                    default_backend wildfly
                frontend sso
                    bind 127.0.0.1:%2$d ssl crt %3$s/duban.pem
                %4$s    http-request set-header X-Forwarded-Port %2$d
                    default_backend keycloak
                backend wildfly
                    server wildfly 127.0.0.1:%5$d
                backend keycloak
                    server keycloak 127.0.0.1:%6$d
                """
                        .formatted(APP_TLS, SSO_TLS, tls, headers, 8080 + PORT_OFFSET, KC_PORT);
        Files.writeString(tls.resolve("haproxy.cfg"), cfg);
        services.add(
                start(
                        List.of("haproxy", "-db", "-f", tls + "/haproxy.cfg"),
                        Map.of(),
                        root.resolve("haproxy.log")));
        waitFor(
                "HAProxy",
                Duration.ofSeconds(20),
                () -> {
                    try (var s = new java.net.Socket("127.0.0.1", APP_TLS)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private void startServers() throws Exception {
        Map<String, String> envFile = Map.of("DUBAN_ENV_FILE", root + "/etc/duban.env");
        services.add(
                start(
                        List.of(home + "/bin/duban-keycloak"),
                        envFile,
                        root.resolve("keycloak.log")));
        services.add(
                start(
                        List.of(home + "/bin/duban-server"),
                        envFile,
                        root.resolve("wildfly-console.log")));
    }

    private void keycloak() throws Exception {
        Path log = root.resolve("keycloak.log");
        URI wellKnown = URI.create(ISSUER + "/.well-known/openid-configuration");
        waitFor(
                "Keycloak (see " + log + ")",
                Duration.ofMinutes(5),
                () -> get(wellKnown).statusCode() == 200);
        JsonObject config = json(get(wellKnown).body());
        check(ISSUER.equals(config.getString("issuer")), "issuer " + config.getString("issuer"));
        check(
                Files.readString(log).contains("Profile prod activated"),
                "Keycloak did not say it runs in production mode");
        check(
                !Files.readString(log).contains("development mode"),
                "Keycloak runs in development mode");
        pass("Keycloak in production mode behind TLS, issuer " + ISSUER);
    }

    /**
     * The imported realm is the production one: no users, https only, no password grant, lockout,
     * policy.
     */
    private void productionRealm() throws Exception {
        String admin = adminToken();
        check(
                "0".equals(adminGet(admin, "/users/count").strip()),
                "the production realm has users");
        JsonObject realm = json(adminGet(admin, ""));
        check(
                "all".equals(realm.getString("sslRequired")),
                "sslRequired " + realm.getString("sslRequired"));
        check(realm.getBoolean("bruteForceProtected"), "no brute-force protection");
        check(
                realm.getString("passwordPolicy").contains("length(12)"),
                "password policy " + realm.getString("passwordPolicy"));
        check(
                "duban-browser".equals(realm.getString("browserFlow")),
                "browser flow " + realm.getString("browserFlow"));
        JsonObject client =
                Json.createReader(new StringReader(adminGet(admin, "/clients?clientId=duban-web")))
                        .readArray()
                        .getJsonObject(0);
        check(!client.getBoolean("directAccessGrantsEnabled"), "the password grant is on");
        check(
                client.getJsonArray("redirectUris").getString(0).equals(APP_URL + "/*"),
                "redirect URIs " + client.getJsonArray("redirectUris"));
        pass(
                "realm: 0 users, sslRequired all, brute-force lockout, "
                        + realm.getString("passwordPolicy")
                        + ", no password grant");

        // Account management's service account: its secret is the env file's, its only power
        // manage-users.
        JsonObject accounts =
                Json.createReader(
                                new StringReader(
                                        adminGet(admin, "/clients?clientId=duban-accounts")))
                        .readArray()
                        .getJsonObject(0);
        check(
                accounts.getBoolean("serviceAccountsEnabled")
                        && !accounts.getBoolean("directAccessGrantsEnabled")
                        && !accounts.getBoolean("standardFlowEnabled"),
                "duban-accounts is not a service-account-only client: " + accounts);
        String secret =
                json(adminGet(admin, "/clients/" + accounts.getString("id") + "/client-secret"))
                        .getString("value");
        check(
                secret.equals(env.get("DUBAN_ACCOUNTS_SECRET")),
                "duban-accounts was imported without DUBAN_ACCOUNTS_SECRET");
        String serviceUser =
                json(adminGet(
                                admin,
                                "/clients/" + accounts.getString("id") + "/service-account-user"))
                        .getString("id");
        JsonObject mappings = json(adminGet(admin, "/users/" + serviceUser + "/role-mappings"));
        check(
                !mappings.containsKey("realmMappings")
                        || mappings.getJsonArray("realmMappings").stream()
                                .allMatch(
                                        m ->
                                                m.asJsonObject()
                                                        .getString("name")
                                                        .startsWith("default-roles-")),
                "the service account has realm roles: " + mappings);
        var clientMappings = mappings.getJsonObject("clientMappings");
        check(
                clientMappings != null
                        && clientMappings.keySet().equals(java.util.Set.of("realm-management"))
                        && clientMappings
                                .getJsonObject("realm-management")
                                .getJsonArray("mappings")
                                .stream()
                                .map(m -> m.asJsonObject().getString("name"))
                                .collect(java.util.stream.Collectors.toSet())
                                // manage-clients: district offices make their integrators' API
                                // clients (IntegratorService); the risk is in DEPLOYMENT.md.
                                .equals(java.util.Set.of("manage-users", "manage-clients")),
                "the service account's roles: " + mappings);
        pass(
                "duban-accounts: service account only, secret from DUBAN_ACCOUNTS_SECRET, realm-management manage-users and manage-clients, nothing else");
    }

    /**
     * bin/duban-keycloak-realm, which brings an older release's realm up to this one, leaves the
     * realm as the realm file made it and changes nothing on a second run; without DUBAN_SSO_* no
     * identity provider appears.
     */
    private void realmUpgrade() throws Exception {
        Map<String, String> envFile = Map.of("DUBAN_ENV_FILE", root + "/etc/duban.env");
        Run first = sh(List.of(home + "/bin/duban-keycloak-realm"), envFile, 300);
        check(first.ok(), "bin/duban-keycloak-realm failed: " + first.out() + first.err());
        Run second = sh(List.of(home + "/bin/duban-keycloak-realm"), envFile, 300);
        check(second.ok(), "a second bin/duban-keycloak-realm failed: " + second.err());
        check(!second.out().contains("created"), "a second run created something: " + second.out());
        check(
                second.out().contains("no provincial single sign-on"),
                "without DUBAN_SSO_ISSUER: " + second.out());
        String admin = adminToken();
        JsonObject realm = json(adminGet(admin, ""));
        check(
                "duban".equals(realm.getString("loginTheme", null))
                        && realm.getBoolean("resetPasswordAllowed"),
                "login theme or password reset missing after the upgrade");
        String flows = adminGet(admin, "/authentication/flows");
        check(
                flows.contains("\"duban-first-broker-login\"")
                        && flows.contains("\"duban-post-broker-login\""),
                "the single sign-on flows are missing");
        check(
                "[]".equals(adminGet(admin, "/identity-provider/instances").strip()),
                "an identity provider without DUBAN_SSO_*");
        check("0".equals(adminGet(admin, "/users/count").strip()), "the upgrade made users");
        pass(
                "bin/duban-keycloak-realm: realm up to date (theme, password reset, SSO flows), a second run changes nothing, no identity provider without DUBAN_SSO_*");
    }

    private void createOperator() throws Exception {
        Run r =
                sh(
                        List.of(
                                home + "/bin/duban-create-operator",
                                OPERATOR,
                                "ops@example.gov.cn"),
                        Map.of("DUBAN_ENV_FILE", root + "/etc/duban.env"),
                        180);
        check(r.ok(), "duban-create-operator failed: " + r.err());
        String[] lines = r.out().strip().split("\n");
        operatorPassword = lines[lines.length - 1].strip();
        check(operatorPassword.length() >= 12, "no one-time password printed: " + r.out());
        check(
                "1".equals(adminGet(adminToken(), "/users/count").strip()),
                "the operator was not created");
        Run again =
                sh(
                        List.of(
                                home + "/bin/duban-create-operator",
                                OPERATOR,
                                "ops@example.gov.cn"),
                        Map.of("DUBAN_ENV_FILE", root + "/etc/duban.env"),
                        180);
        check(
                again.exit() == 1 && again.err().contains("exists"),
                "a second create-operator did not refuse: " + again.err());
        pass(
                "bin/duban-create-operator: one operator with a one-time password; a second run refused");
    }

    private void passwordGrantRefused() throws Exception {
        HttpResponse<String> r =
                https.send(
                        HttpRequest.newBuilder(
                                        URI.create(ISSUER + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "grant_type=password&client_id=duban-web&client_secret="
                                                        + enc(env.get("DUBAN_OIDC_SECRET"))
                                                        + "&username="
                                                        + OPERATOR
                                                        + "&password="
                                                        + enc(operatorPassword)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        check(
                r.statusCode() >= 400 && r.body().contains("unauthorized_client"),
                "password grant answered " + r.statusCode() + " " + r.body());
        pass("password grant refused: " + r.statusCode() + " " + r.body());
    }

    private void wildfly() throws Exception {
        Path log = root.resolve("wildfly-console.log");
        URI me = URI.create(APP_URL + "/api/v1/me");
        URI ready = URI.create("http://127.0.0.1:" + (9990 + PORT_OFFSET) + "/health/ready");
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        waitFor(
                "WildFly (see " + log + ")",
                Duration.ofMinutes(5),
                () -> {
                    if (Files.exists(
                            root.resolve("var/lib/duban/wildfly/deployments/duban.ear.failed"))) {
                        throw new IllegalStateException("deployment failed, see " + log);
                    }
                    return plain.send(
                                                    HttpRequest.newBuilder(ready).build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200
                            && get(me).statusCode() == 401;
                });
        pass(
                "WildFly started by bin/duban-server, EAR deployed, API behind TLS answers 401 without a token");
    }

    /**
     * The operator's first login: one-time password, new password, OTP set-up; then a second login
     * with OTP and a tenant.
     */
    private void firstLogin() throws Exception {
        String newPassword =
                "Smoke-" + secret().replaceAll("[^A-Za-z0-9]", "").substring(0, 16) + "9a";
        WebDriver browser = browser();
        String otpSecret;
        try {
            browser.get(APP_URL + "/");
            waitFor("the login page", Duration.ofSeconds(60), () -> present(browser, "username"));
            check(
                    browser.getCurrentUrl().startsWith(ISSUER + "/protocol/openid-connect/auth"),
                    "login at " + browser.getCurrentUrl());
            otpSecret = completeFirstLogin(browser, OPERATOR, operatorPassword, newPassword);
            pass(
                    "first login: one-time password replaced, OTP set up (secret read from the page, TOTP computed here)");
        } catch (Throwable e) {
            screenshot(browser, "first-login");
            throw e;
        } finally {
            browser.quit();
        }

        WebDriver again = browser();
        try {
            again.get(APP_URL + "/");
            waitFor("the login page", Duration.ofSeconds(60), () -> present(again, "username"));
            again.findElement(By.id("username")).sendKeys(OPERATOR);
            again.findElement(By.id("password")).sendKeys(newPassword);
            again.findElement(By.id("kc-login")).click();
            waitFor("the OTP form", Duration.ofSeconds(30), () -> present(again, "otp"));
            // The set-up code may not be used twice: the next step's code (the look-ahead window
            // takes it).
            again.findElement(By.id("otp")).sendKeys(Totp.code(otpSecret, Totp.currentStep() + 1));
            again.findElement(By.id("kc-login")).click();
            waitFor(
                    "the application after OTP",
                    Duration.ofSeconds(60),
                    () ->
                            again.getCurrentUrl().startsWith(APP_URL)
                                    && present(again, "page-title"));
            pass("second login asks for OTP and lands on " + again.getCurrentUrl());

            String reply =
                    (String)
                            ((JavascriptExecutor) again)
                                    .executeAsyncScript(
                                            """
                    const done = arguments[arguments.length - 1];
                    fetch('/api/v1/tenants', {method: 'POST', credentials: 'same-origin',
                        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
                        body: JSON.stringify({id: 'smoke', name: '冒烟区', units: [
                            {code: 'qfb', name: '区府办', kind: 'DISTRICT_OFFICE'},
                            {code: 'town', name: '冒烟镇', kind: 'TOWN', rankingGroup: '街镇组', parentCode: 'qfb'}]})})
                      .then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('error ' + e));
                    """);
            check(reply.startsWith("201 "), "creating a tenant answered " + reply);
            String list =
                    (String)
                            ((JavascriptExecutor) again)
                                    .executeAsyncScript(
                                            """
                    const done = arguments[arguments.length - 1];
                    fetch('/api/v1/tenants', {headers: {'Accept': 'application/json'}}).then(r => r.text()).then(done, e => done('error ' + e));
                    """);
            check(list.contains("\"smoke\""), "the new tenant is not listed: " + list);
            pass("tenant created through the API from the logged-in page: " + reply);
            onboardDistrict(again);
        } catch (Throwable e) {
            screenshot(again, "second-login");
            throw e;
        } finally {
            again.quit();
        }
    }

    /**
     * Keycloak's first login after the login form: the required actions in whatever order they come
     * (new password, OTP set-up with the secret read from the page and the code computed here),
     * until the application's page. Returns the OTP secret.
     */
    private String completeFirstLogin(
            WebDriver browser, String username, String oneTimePassword, String newPassword)
            throws Exception {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(oneTimePassword);
        browser.findElement(By.id("kc-login")).click();
        String otpSecret = null;
        boolean passwordChanged = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!browser.getCurrentUrl().startsWith(APP_URL)) {
            check(System.nanoTime() < deadline, "stuck at " + browser.getCurrentUrl());
            if (present(browser, "password-new")) {
                browser.findElement(By.id("password-new")).sendKeys(newPassword);
                browser.findElement(By.id("password-confirm")).sendKeys(newPassword);
                submit(browser);
                passwordChanged = true;
                Thread.sleep(500);
            } else if (present(browser, "totp")) {
                if (present(browser, "mode-manual"))
                    browser.findElement(By.id("mode-manual")).click();
                otpSecret =
                        browser.findElement(By.id("kc-totp-secret-key")).getText().replace(" ", "");
                browser.findElement(By.id("totp"))
                        .sendKeys(Totp.code(otpSecret, Totp.currentStep()));
                browser.findElement(By.id("saveTOTPBtn")).click();
                Thread.sleep(500);
            } else {
                Thread.sleep(300);
            }
        }
        waitFor(
                "the application after the first login",
                Duration.ofSeconds(60),
                () -> present(browser, "page-title"));
        check(
                passwordChanged,
                username + ": the one-time password was not replaced at first login");
        check(otpSecret != null, username + ": OTP was not set up at first login");
        return otpSecret;
    }

    /**
     * Onboards a district through the API from the operator's logged-in page (the production realm
     * has no password grant): tenant, units and first district administrator in one call. Then
     * Keycloak must hold that person with the tenant attribute, the district office's unit,
     * district-admin and no other Duban role, and UPDATE_PASSWORD and CONFIGURE_TOTP to do.
     */
    private void onboardDistrict(WebDriver operator) throws Exception {
        long t0 = System.nanoTime();
        String reply =
                (String)
                        ((JavascriptExecutor) operator)
                                .executeAsyncScript(
                                        """
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/tenants/onboarding', {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
                    body: JSON.stringify({id: arguments[0], name: '冒烟嘉定区', units: [
                        {code: 'qfb', name: '区府办', kind: 'DISTRICT_OFFICE'},
                        {code: 'anting', name: '安亭镇', kind: 'TOWN', rankingGroup: '街镇组', parentCode: 'qfb'}],
                      admin: {username: arguments[1], name: '冒烟管理员', phone: '13800138000'}})})
                  .then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('error ' + e));
                """,
                                        DISTRICT,
                                        DISTRICT_ADMIN);
        double seconds = (System.nanoTime() - t0) / 1e9;
        check(reply.startsWith("201 "), "onboarding answered " + reply);
        JsonObject done = json(reply.substring(4));
        check(
                DISTRICT.equals(done.getJsonObject("tenant").getString("id")),
                "onboarded " + done.getJsonObject("tenant"));
        JsonObject credentials = done.getJsonObject("credentials");
        // No mail session in the smoke test: the one-time password is shown to the operator, once.
        check("shown".equals(credentials.getString("delivery")), "credentials " + credentials);
        districtAdminPassword = credentials.getString("temporaryPassword");
        check(
                districtAdminPassword.length() >= 12,
                "a one-time password of " + districtAdminPassword.length() + " characters");

        String admin = adminToken();
        var found =
                Json.createReader(
                                new StringReader(
                                        adminGet(
                                                admin,
                                                "/users?exact=true&username=" + DISTRICT_ADMIN)))
                        .readArray();
        check(found.size() == 1, "Keycloak has " + found.size() + " users named " + DISTRICT_ADMIN);
        JsonObject user = found.getJsonObject(0);
        check(user.getBoolean("enabled"), "the district administrator is disabled");
        JsonObject attributes = user.getJsonObject("attributes");
        check(
                attributes != null
                        && attributes.getJsonArray("tenant").getString(0).equals(DISTRICT)
                        && attributes.getJsonArray("unit").getString(0).equals("qfb"),
                "attributes " + attributes);
        var actions =
                user.getJsonArray("requiredActions")
                        .getValuesAs(jakarta.json.JsonString::getString);
        check(
                actions.containsAll(List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP")),
                "required actions " + actions);
        var roles =
                Json.createReader(
                                new StringReader(
                                        adminGet(
                                                admin,
                                                "/users/"
                                                        + user.getString("id")
                                                        + "/role-mappings/realm")))
                        .readArray()
                        .stream()
                        .map(r -> r.asJsonObject().getString("name"))
                        .filter(r -> !r.startsWith("default-roles-"))
                        .toList();
        check(roles.equals(List.of("district-admin")), "realm roles " + roles);
        pass(
                String.format(
                        "district %s onboarded through the API in %.1f s: %s in Keycloak with tenant=%s, unit=qfb, roles %s, "
                                + "required actions %s, one-time password shown once",
                        DISTRICT, seconds, DISTRICT_ADMIN, DISTRICT, roles, actions));
    }

    /**
     * The onboarded administrator's first login (new password, OTP) and what that person then sees.
     */
    private void districtAdminFirstLogin() throws Exception {
        String newPassword =
                "Smoke-" + secret().replaceAll("[^A-Za-z0-9]", "").substring(0, 16) + "7b";
        WebDriver browser = browser();
        try {
            browser.get(APP_URL + "/");
            waitFor("the login page", Duration.ofSeconds(60), () -> present(browser, "username"));
            completeFirstLogin(browser, DISTRICT_ADMIN, districtAdminPassword, newPassword);
            String seen =
                    (String)
                            ((JavascriptExecutor) browser)
                                    .executeAsyncScript(
                                            """
                    const done = arguments[arguments.length - 1];
                    const get = p => fetch(p, {headers: {'Accept': 'application/json'}}).then(r => r.text().then(t => r.status + ' ' + t));
                    Promise.all([get('/api/v1/tenants/current'), get('/api/v1/tenants'), get('/api/v1/accounts')])
                      .then(a => done(JSON.stringify(a)), e => done('error ' + e));
                    """);
            var answers =
                    Json.createReader(new StringReader(seen))
                            .readArray()
                            .getValuesAs(jakarta.json.JsonString::getString);
            check(
                    answers.get(0).startsWith("200 ")
                            && json(answers.get(0).substring(4)).getString("id").equals(DISTRICT),
                    "tenants/current answered " + answers.get(0));
            check(answers.get(1).startsWith("403 "), "the tenant list answered " + answers.get(1));
            check(answers.get(2).startsWith("200 "), "the account list answered " + answers.get(2));
            var usernames =
                    json(answers.get(2).substring(4)).getJsonArray("items").stream()
                            .map(a -> a.asJsonObject().getString("username"))
                            .toList();
            check(
                    usernames.equals(List.of(DISTRICT_ADMIN)),
                    "the district's accounts: " + usernames);
            pass(
                    "district administrator: first login with new password and OTP, sees tenant "
                            + DISTRICT
                            + " only (tenant list 403, accounts "
                            + usernames
                            + ")");
        } catch (Throwable e) {
            screenshot(browser, "district-admin");
            throw e;
        } finally {
            browser.quit();
        }
    }

    /**
     * docs/DEPLOYMENT.md's backup and restore, on the smoke database: pg_dump, a new database,
     * pg_restore.
     */
    private void backupAndRestore() throws Exception {
        Path backup = root.resolve("pg/duban.dump");
        long t0 = System.nanoTime();
        check(
                pgSh(
                                List.of(
                                        pgBin + "/pg_dump",
                                        "-h",
                                        root + "/pg",
                                        "-p",
                                        "" + PG_PORT,
                                        "-U",
                                        "postgres",
                                        "-Fc",
                                        "-f",
                                        backup.toString(),
                                        "duban"),
                                120)
                        .ok(),
                "pg_dump failed");
        long t1 = System.nanoTime();
        check(
                pgSh(
                                List.of(
                                        pgBin + "/createdb",
                                        "-h",
                                        root + "/pg",
                                        "-p",
                                        "" + PG_PORT,
                                        "-U",
                                        "postgres",
                                        "-O",
                                        "duban_owner",
                                        "-T",
                                        "template0",
                                        "-E",
                                        "UTF8",
                                        "--lc-collate=C",
                                        "--lc-ctype=C",
                                        "duban_restored"),
                                60)
                        .ok(),
                "createdb failed");
        Run restore =
                pgSh(
                        List.of(
                                pgBin + "/pg_restore",
                                "-h",
                                root + "/pg",
                                "-p",
                                "" + PG_PORT,
                                "-U",
                                "postgres",
                                "--exit-on-error",
                                "-d",
                                "duban_restored",
                                backup.toString()),
                        300);
        check(restore.ok(), "pg_restore failed: " + restore.err());
        long t2 = System.nanoTime();
        Run count =
                pgSh(
                        List.of(
                                pgBin + "/psql",
                                "-h",
                                root + "/pg",
                                "-p",
                                "" + PG_PORT,
                                "-U",
                                "postgres",
                                "-tAX",
                                "-d",
                                "duban_restored",
                                "-c",
                                "select count(*) from tenant where id in ('smoke', '"
                                        + DISTRICT
                                        + "')"),
                        30);
        check(
                count.out().strip().equals("2"),
                "the restored database lacks a tenant: " + count.out() + count.err());
        pass(
                String.format(
                        "pg_dump %.1f s (%d KB), restore into a new database %.1f s, both tenants present",
                        (t1 - t0) / 1e9, Files.size(backup) / 1024, (t2 - t1) / 1e9));
    }

    // --- Helpers -------------------------------------------------------------------------

    private String adminToken() throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + KC_PORT
                                                                + "/realms/master/protocol/openid-connect/token"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(
                                                HttpRequest.BodyPublishers.ofString(
                                                        "grant_type=password&client_id=admin-cli&username="
                                                                + enc(
                                                                        env.get(
                                                                                "KC_BOOTSTRAP_ADMIN_USERNAME"))
                                                                + "&password="
                                                                + enc(
                                                                        env.get(
                                                                                "KC_BOOTSTRAP_ADMIN_PASSWORD"))))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        check(r.statusCode() == 200, "admin login: " + r.statusCode() + " " + r.body());
        return json(r.body()).getString("access_token");
    }

    private String adminGet(String token, String path) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + KC_PORT
                                                                + "/admin/realms/duban"
                                                                + path))
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        check(r.statusCode() == 200, "GET " + path + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return https.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // The certificate is the smoke test's own; the JVM side trusts it through the truststore.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--ignore-certificate-errors",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--lang=zh-CN");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                        .build();
        return new ChromeDriver(service, options);
    }

    private static boolean present(WebDriver browser, String id) {
        List<WebElement> found = browser.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private static void submit(WebDriver browser) {
        browser.findElement(By.cssSelector("form input[type=submit], form button[type=submit]"))
                .click();
    }

    private void screenshot(WebDriver browser, String name) {
        try {
            Files.write(
                    root.resolve(name + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(root.resolve(name + ".html"), browser.getPageSource());
            System.out.println(
                    "SMOKE screenshot "
                            + root.resolve(name + ".png")
                            + " at "
                            + browser.getCurrentUrl());
        } catch (Exception ignored) {
            // the failure itself is reported
        }
    }

    private Run withEnvFile(String name, Map<String, String> values, String script)
            throws Exception {
        Path file = root.resolve("etc/" + name + ".env");
        writeEnv(file, values);
        return sh(List.of(script), Map.of("DUBAN_ENV_FILE", file.toString()), 60);
    }

    private static void writeEnv(Path file, Map<String, String> values) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("# written by the distribution smoke test\n");
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** As docs/DEPLOYMENT.md generates them: openssl rand -base64 32. */
    private String secret() {
        return Base64.getEncoder().encodeToString(bytes(32));
    }

    private byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    record Run(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    /** A clean environment: no Maven, no inherited DUBAN_* or KC_*, HOME an empty directory. */
    private ProcessBuilder builder(List<String> cmd, Map<String, String> extra) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> e = pb.environment();
        e.clear();
        e.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        e.put("JAVA_HOME", System.getProperty("java.home"));
        e.put("HOME", root.resolve("home").toString());
        e.put("LANG", "C.UTF-8");
        if (env.containsKey("PGHOST")) {
            e.put("PGHOST", env.get("PGHOST"));
            e.put("PGPORT", env.get("PGPORT"));
        }
        e.putAll(extra);
        return pb;
    }

    private Run sh(List<String> cmd, Map<String, String> extra, int timeoutSeconds)
            throws Exception {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process p =
                builder(cmd, extra)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " did not finish in " + timeoutSeconds + " s");
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * A PostgreSQL command, as the postgres user when the smoke test runs as root (the server
     * refuses root).
     */
    private Run pgSh(List<String> cmd, int timeoutSeconds) throws Exception {
        List<String> full = new ArrayList<>();
        if (asRoot) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(cmd);
        return sh(full, Map.of(), timeoutSeconds);
    }

    private Process start(List<String> cmd, Map<String, String> extra, Path log)
            throws IOException {
        return builder(cmd, extra).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void stopAll() {
        for (int i = services.size() - 1; i >= 0; i--) {
            Process p = services.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pgBin != null && Files.exists(root.resolve("pg/data/postmaster.pid"))) {
            try {
                pgSh(
                        List.of(
                                pgBin + "/pg_ctl",
                                "-D",
                                root + "/pg/data",
                                "-m",
                                "fast",
                                "-w",
                                "stop"),
                        60);
            } catch (Exception e) {
                System.out.println("SMOKE PostgreSQL did not stop: " + e);
            }
        }
    }

    interface Step {
        void run() throws Exception;
    }

    interface Condition {
        boolean test() throws Exception;
    }

    private void timed(String name, Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        System.out.printf("SMOKE step %-15s %6.1f s%n", name, (System.nanoTime() - t0) / 1e9);
    }

    private static void waitFor(String what, Duration timeout, Condition condition)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.test()) return;
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(
                what
                        + " not ready after "
                        + timeout.toSeconds()
                        + " s"
                        + (last == null ? "" : ": " + last));
    }

    private void pass(String what) {
        passed++;
        System.out.println("SMOKE ok " + what);
    }

    private static void check(boolean condition, String message) {
        if (!condition) throw new IllegalStateException(message);
    }

    private static void check(boolean condition, Supplier<String> message) {
        if (!condition) throw new IllegalStateException(message.get());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        try {
            new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
