package cn.duban.it.support;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A fake webhook or gateway on 127.0.0.1 over https, with a self-signed certificate made by keytool
 * for {@code ip:127.0.0.1}, recording every request it receives. It answers as the robots do
 * ({@code {"errcode":0}}), or with a redirect.
 */
public final class FakeHttps implements AutoCloseable {

    /** One request as received. */
    public record Received(
            String method, String uri, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            for (var e : headers.entrySet())
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            return null;
        }
    }

    private static final String PASSWORD = "fake-changeit";

    private final String name;
    private final HttpsServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeHttps(String name, HttpsServer server) {
        this.name = name;
        this.server = server;
    }

    /** The certificate's keystore, made once in {@code dir}; answers its PEM. */
    public static String certificate(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path store = dir.resolve("fake.p12");
        Files.deleteIfExists(store);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(
                keytool,
                "-genkeypair",
                "-alias",
                "fake",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=Duban fake webhook",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        return run(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "fake",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        return out;
    }

    /**
     * Starts a server answering 200 {"errcode":0,"errmsg":"ok"}, or a 302 to {@code redirectTo}.
     */
    public static FakeHttps start(String name, Path dir, String redirectTo) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(dir.resolve("fake.p12").toFile())) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        FakeHttps fake = new FakeHttps(name, server);
        server.createContext(
                "/",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    fake.received.add(
                            new Received(
                                    exchange.getRequestMethod(),
                                    exchange.getRequestURI().toString(),
                                    Map.copyOf(exchange.getRequestHeaders()),
                                    body,
                                    Instant.now()));
                    if (redirectTo != null) {
                        exchange.getResponseHeaders().add("Location", redirectTo);
                        exchange.sendResponseHeaders(302, -1);
                    } else {
                        byte[] ok =
                                "{\"errcode\":0,\"errmsg\":\"ok\"}"
                                        .getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(200, ok.length);
                        exchange.getResponseBody().write(ok);
                    }
                    exchange.close();
                });
        server.start();
        return fake;
    }

    public String name() {
        return name;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until at least {@code count} requests have come (at most {@code within}). */
    public List<Received> await(int count, Duration within) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        while (received.size() < count && Instant.now().isBefore(until)) Thread.sleep(250);
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
