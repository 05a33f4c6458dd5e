package cn.duban.it.support;

import cn.duban.client.Api;
import cn.duban.client.Multipart;
import cn.duban.devstack.KeycloakServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Calls with the token of a person who is not a demo user, and the sheets of the people tests. */
public final class People {

    /** The password the tests give people when they finish their first login. */
    public static final String PASSWORD = "Duban-Test-2026!";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private People() {}

    public static String token(String username) {
        return KeycloakServer.passwordGrantToken(
                TestStack.issuer(),
                KeycloakServer.CLIENT_ID,
                KeycloakServer.CLIENT_SECRET,
                username,
                PASSWORD);
    }

    public static Api.Reply get(String token, String path) {
        return send(token, HttpRequest.newBuilder(URI.create(Api.base() + path)).GET());
    }

    public static Api.Reply post(String token, String path, String json) {
        return send(
                token,
                HttpRequest.newBuilder(URI.create(Api.base() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public static Api.Reply upload(
            String token, String path, byte[] content, Map<String, String> fields) {
        String boundary = "duban" + System.nanoTime();
        return send(
                token,
                HttpRequest.newBuilder(URI.create(Api.base() + path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        Multipart.body(boundary, "sheet.xlsx", content, fields))));
    }

    /**
     * A JSON call as a user: a demo user (pt-…, jd-…) through {@link Api}, a person a test made
     * through their own token ({@link #PASSWORD}); json null sends no body.
     */
    public static Api.Reply call(String user, String method, String path, String json) {
        if (user.startsWith("pt-") || user.startsWith("jd-")) {
            return switch (method) {
                case "GET" -> Api.get(user, path);
                case "POST" -> Api.post(user, path, json);
                case "PUT" -> Api.put(user, path, json, null);
                default -> Api.delete(user, path);
            };
        }
        return send(
                token(user),
                HttpRequest.newBuilder(URI.create(Api.base() + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                json, StandardCharsets.UTF_8)));
    }

    private static Api.Reply send(String token, HttpRequest.Builder request) {
        request.header("Accept", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> r =
                    HTTP.send(
                            request.build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A person the district office gives an account (made afresh if a run before left one) who has
     * set {@link #PASSWORD} at the first login, ready to call the API.
     */
    public static void ready(
            String office, String username, String name, String unit, String... roles) {
        RealmAdmin.delete(username);
        Api.Reply r = Api.post(office, "/accounts", account(username, name, unit, roles));
        if (r.status() != 201)
            throw new IllegalStateException(
                    "account " + username + ": " + r.status() + " " + r.body());
        RealmAdmin.completeFirstLogin(username, PASSWORD);
    }

    /** An account as the API takes it. */
    public static String account(String username, String name, String unit, String... roles) {
        JsonArrayBuilder r = Json.createArrayBuilder();
        for (String role : roles) r.add(role);
        var b =
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("name", name)
                        .add("phone", "13800138000")
                        .add("email", username + "@people.test")
                        .add("roles", r);
        if (unit != null) b.add("unit", unit);
        return b.build().toString();
    }

    /** A workbook whose first sheet holds the rows (the first is the header). */
    public static byte[] sheet(List<List<String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (v != null) row.createCell(c).setCellValue(v);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final List<String> ACCOUNT_HEADER = List.of("姓名", "登录名", "手机", "邮箱", "单位", "角色");

    /**
     * The temporary password the API handed back for that login name (created one, or an import's
     * row).
     */
    public static String temporaryPassword(JsonObject created) {
        return created.getJsonObject("credentials").getString("temporaryPassword");
    }
}
