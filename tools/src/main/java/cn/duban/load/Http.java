package cn.duban.load;

import cn.duban.client.Multipart;
import cn.duban.devstack.KeycloakServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load driver's REST client: one bearer token per user, fetched again when the server answers
 * 401, a timeout on every call, and every call timed into a {@link Recorder}. Network failures and
 * timeouts come back as status 0 rather than exceptions, so they are counted.
 */
final class Http {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param server the server that answered, as a balancer names it ({@code X-Served-By}), or null
     */
    record Reply(int status, String contentType, String body, String failure, String server) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The problem's code, or the transport failure, for error tallies. */
        String code() {
            if (failure != null) return failure;
            if (!problem())
                return "HTTP " + status + " " + (contentType == null ? "" : contentType);
            return status + " " + json().getString("code", "?");
        }

        JsonObject json() {
            return (JsonObject) parse();
        }

        JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private volatile String base;
    private final String issuer;
    private volatile Recorder recorder;
    private volatile int getRetries;
    private volatile Duration timeout = TIMEOUT;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Http(String base, String issuer, Recorder recorder) {
        this.base = base;
        this.issuer = issuer;
        this.recorder = recorder;
    }

    /** Sends the next calls to another address (a balancer in front of the first server). */
    void at(String nextBase) {
        base = nextBase;
    }

    /** Waits this long for each answer from now on (a long job run). */
    void timeout(Duration next) {
        timeout = next;
    }

    /** Starts recording into another phase's recorder. */
    void use(Recorder next) {
        recorder = next;
    }

    /** A fresh token from Keycloak (the password grant), kept for the user's later calls. */
    String login(String user) {
        String token = KeycloakServer.userToken(issuer, user);
        tokens.put(user, token);
        return token;
    }

    Reply get(String op, String user, String path) {
        return send(op, user, HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
    }

    Reply post(String op, String user, String path, String json, Map<String, String> headers) {
        return send(
                op,
                user,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                headers);
    }

    Reply put(String user, String path, String json) {
        return send(
                "probe",
                user,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                Map.of());
    }

    String base() {
        return base;
    }

    /** A multipart/form-data upload of one file (part {@code file}). */
    Reply upload(String op, String user, String path, String fileName, byte[] content) {
        String boundary = "duban" + System.nanoTime();
        return send(
                op,
                user,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        Multipart.body(boundary, fileName, content, Map.of()))),
                Map.of());
    }

    /**
     * From now on a GET that got no answer or a 502, 503 or 504 is sent again, up to this many
     * times, half a second apart (a balancer whose server went away); each retry is recorded. Only
     * GETs: they change nothing, so sending one twice is harmless.
     */
    void retryGets(int times) {
        getRetries = times;
    }

    /**
     * Sends a prepared request as the user; a 401 fetches a new token and tries once more, and a
     * GET that may have met a server going away is retried when {@link #retryGets} says so.
     */
    Reply send(String op, String user, HttpRequest.Builder request, Map<String, String> headers) {
        long started = System.nanoTime();
        Reply reply = attempt(user, request, headers, false);
        if (reply.status() == 401 && user != null) reply = attempt(user, request, headers, true);
        boolean get = request.copy().build().method().equals("GET");
        for (int retry = 0; get && retry < getRetries && retryable(reply); retry++) {
            recorder.retried(op, reply);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reply = attempt(user, request, headers, false);
        }
        recorder.record(op, System.nanoTime() - started, reply);
        return reply;
    }

    private static boolean retryable(Reply reply) {
        return reply.status() == 0
                || reply.status() == 502
                || reply.status() == 503
                || reply.status() == 504;
    }

    private Reply attempt(
            String user,
            HttpRequest.Builder request,
            Map<String, String> headers,
            boolean newToken) {
        HttpRequest.Builder b =
                request.copy().timeout(timeout).header("Accept", "application/json");
        headers.forEach(b::header);
        try {
            if (user != null) {
                String token = newToken ? null : tokens.get(user);
                b.header("Authorization", "Bearer " + (token == null ? login(user) : token));
            }
            HttpResponse<String> r =
                    client.send(
                            b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(null),
                    r.body(),
                    null,
                    r.headers().firstValue("X-Served-By").orElse(null));
        } catch (java.net.http.HttpTimeoutException e) {
            return new Reply(0, null, "", "timeout", null);
        } catch (IOException | RuntimeException e) {
            // RuntimeException: Keycloak refused or could not be reached while logging in.
            return new Reply(
                    0,
                    null,
                    "",
                    e.getClass().getSimpleName()
                            + (e instanceof IOException ? "" : ": " + e.getMessage()),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, "", "interrupted", null);
        }
    }
}
