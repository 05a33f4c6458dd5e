package cn.duban.client;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small REST client for the integration tests and the scale benchmark, holding one token per demo
 * user. It talks to the server and logs users in the way {@link #target} says (the integration
 * tests' TestStack points it at the test stack when the test run starts).
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * Access tokens live 15 minutes; a whole IT run on a busy machine takes longer, so one is used
     * for 10 at most.
     */
    private static final long TOKEN_MAX_AGE_NANOS =
            java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, long fetchedAt) {}

    // Set by target(): the integration tests' TestStack points it at the test stack.
    private static volatile String base = "http://localhost:8080/api/v1";
    private static volatile Function<String, String> login =
            user -> {
                throw new IllegalStateException("Api.target was not called: no login for " + user);
            };

    public record Reply(int status, String contentType, String body) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        /** The problem+json {@code code}, for asserting on error replies. */
        public String problemCode() {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                throw new AssertionError(
                        "not a problem+json reply (" + status + ", " + contentType + "): " + body);
            }
            return json().getString("code");
        }
    }

    private Api() {}

    /**
     * Another server's API base URL and a way to log users in there; tokens held so far are
     * dropped.
     */
    public static void target(String apiBase, Function<String, String> userLogin) {
        base = apiBase;
        login = userLogin;
        forgetTokens();
    }

    /** Users log in again on their next call. */
    public static void forgetTokens() {
        TOKENS.clear();
    }

    public static String base() {
        return base;
    }

    public static String tokenOf(String user) {
        return TOKENS.compute(
                        user,
                        (u, held) ->
                                held != null
                                                && System.nanoTime() - held.fetchedAt()
                                                        < TOKEN_MAX_AGE_NANOS
                                        ? held
                                        : new Token(login.apply(u), System.nanoTime()))
                .value();
    }

    /** The id of the unit of that name, as the user's district lists it. */
    public static String unitId(String user, String name) {
        return get(user, "/units").array().stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(u -> u.getString("name").equals(name))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }

    public static Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    public static Reply post(String user, String path, String json) {
        return send(
                user,
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public static Reply put(String user, String path, String json, String ifMatch) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return send(user, b);
    }

    public static Reply delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base() + path)).DELETE());
    }

    /** A multipart/form-data upload of one file (part {@code file}) plus plain fields. */
    public static Reply upload(
            String user, String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "duban" + System.nanoTime();
        return send(
                user,
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        Multipart.body(boundary, fileName, content, fields))));
    }

    /** Sends the request as the user (null = anonymous) and reads the reply. */
    public static Reply send(String user, HttpRequest.Builder request) {
        return send(user, request, "application/json");
    }

    /** A binary download (e.g. an exported workbook), failing on any status but 200. */
    public static byte[] bytes(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (user != null) request.header("Authorization", "Bearer " + tokenOf(user));
        try {
            HttpResponse<byte[]> r =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200)
                throw new AssertionError("GET " + path + " answered " + r.statusCode());
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET accepting anything (for downloads), to read the status and any problem. */
    public static Reply getAny(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base() + path)).GET(), "*/*");
    }

    public static Reply getText(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base() + path)).GET(), "text/plain");
    }

    public static Reply send(String user, HttpRequest.Builder request, String accept) {
        request.header("Accept", accept);
        if (user != null) request.header("Authorization", "Bearer " + tokenOf(user));
        try {
            HttpResponse<String> r =
                    HTTP.send(
                            request.build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
