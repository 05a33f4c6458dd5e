package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import cn.duban.it.support.TestStack;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web tier under attack: another site's page posting forms with a logged-in user's session
 * cookie (CSRF), the session cookie's attributes, logout by GET and tokens in URLs, a district
 * admin approving its own report, and the security headers of every answer. Bonus items are dated
 * 2098 and the plan is four years ahead, so no other test's scores or counts move.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSecurityIT {

    static final String APP = Browsers.APP;
    static final String ADJUSTMENTS = APP + "/api/v1/evaluation/adjustments";
    static final String FAR_DAY = "2098-06-01";

    /** HTTP/1.1, as a reverse proxy speaks to the server. */
    static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    private ChromeDriver browser;
    private HttpServer otherSite;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void close() throws Exception {
        if (otherSite != null) otherSite.stop(0);
        Browsers.close(browser, "web-security-it");
    }

    // ---- 1. CSRF

    @Test
    void aCrossSiteFormPostIsRefusedAndRecordsNothing() throws Exception {
        browser = Browsers.open();
        Browsers.login(browser, "pt-admin");
        String unit = Api.unitId("pt-admin", "长寿路街道");
        // Items are found by an ASCII marker, even if a multipart field's Chinese were decoded
        // wrongly.
        String marker = "csrf-" + System.nanoTime();

        // The attacker's page: another origin (another port on the same host, so even a
        // SameSite=Lax
        // cookie goes along and only the origin check stands in the way), submitting itself at
        // once.
        otherSite = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        serve(
                "/bonus.html",
                "<form id=\"f\" method=\"post\" enctype=\"multipart/form-data\" action=\""
                        + ADJUSTMENTS
                        + "\">"
                        + field("unitId", unit)
                        + field("kind", "BONUS")
                        + field("points", "7")
                        + field("reason", marker + " 跨站伪造加分")
                        + field("occurredOn", FAR_DAY)
                        + "</form>");
        serve(
                "/logout.html",
                "<form id=\"f\" method=\"post\" action=\"" + APP + "/logout\"></form>");
        otherSite.start();
        String attacker = "http://localhost:" + otherSite.getAddress().getPort();

        browser.get(attacker + "/bonus.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.urlToBe(ADJUSTMENTS));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
        assertThat(adjustmentsWith(marker)).as("the cross-site form recorded a bonus").isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("\"status\":403")
                .contains("request.cross-site");

        browser.get(attacker + "/logout.html");
        wait.until(ExpectedConditions.urlToBe(APP + "/logout"));
        browser.get(APP + "/app/admin/index.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
        assertThat(browser.findElement(By.id("page-title")).getText())
                .as("another site logged the user out")
                .isEqualTo("区府办工作台");

        // The application's own page may (the browser sends our Origin with every POST).
        Object status =
                ((JavascriptExecutor) browser)
                        .executeAsyncScript(
                                """
                const done = arguments[arguments.length - 1];
                const form = new FormData();
                form.append('unitId', arguments[0]); form.append('kind', 'BONUS'); form.append('points', '0.5');
                form.append('reason', arguments[1]); form.append('occurredOn', arguments[2]);
                fetch('/api/v1/evaluation/adjustments', {method: 'POST', body: form}).then(r => done(r.status), e => done(String(e)));
                """,
                                unit,
                                marker + "-own 同源",
                                FAR_DAY);
        assertThat(status).isEqualTo(201L);
        List<JsonObject> own = adjustmentsWith(marker + "-own");
        assertThat(own).hasSize(1);
        Object deleted =
                ((JavascriptExecutor) browser)
                        .executeAsyncScript(
                                """
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/evaluation/adjustments/' + arguments[0], {method: 'DELETE'}).then(r => done(r.status), e => done(String(e)));
                """,
                                own.get(0).getString("id"));
        assertThat(deleted).isEqualTo(204L);

        // Bearer-token clients are not affected, whatever Origin they send.
        Reply bearer =
                Api.send(
                        "pt-admin",
                        HttpRequest.newBuilder(URI.create(ADJUSTMENTS))
                                .header("Content-Type", "application/json")
                                .header("Origin", "https://evil.example")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"unitId\":\""
                                                        + unit
                                                        + "\",\"kind\":\"BONUS\",\"points\":1,\"reason\":\""
                                                        + marker
                                                        + "-bearer 令牌\",\"occurredOn\":\""
                                                        + FAR_DAY
                                                        + "\"}",
                                                StandardCharsets.UTF_8)));
        assertThat(bearer.status()).as(bearer.body()).isEqualTo(201);
        assertThat(
                        Api.delete(
                                        "pt-admin",
                                        "/evaluation/adjustments/" + bearer.json().getString("id"))
                                .status())
                .isEqualTo(204);
    }

    @Test
    void cookieCallsNeedOurOriginAlsoBehindATlsProxy() throws Exception {
        browser = Browsers.open();
        Browsers.login(browser, "pt-admin");
        String session = Browsers.sessionCookie(browser);

        // The session cookie: not readable by scripts, not sent by other sites' forms or frames.
        // Read through DevTools: WebDriver's cookie reports SameSite=Lax also for a cookie set
        // without
        // the attribute (Chrome's default), DevTools only for one that has it.
        @SuppressWarnings("unchecked")
        Map<String, Object> cookie =
                ((List<Map<String, Object>>)
                                browser.executeCdpCommand(
                                                "Network.getCookies",
                                                Map.of("urls", List.of(APP + "/")))
                                        .get("cookies"))
                        .stream()
                                .filter(c -> "JSESSIONID".equals(c.get("name")))
                                .findFirst()
                                .orElseThrow();
        assertThat(cookie.get("httpOnly")).as(cookie.toString()).isEqualTo(true);
        assertThat(cookie.get("sameSite")).as(cookie.toString()).isEqualTo("Lax");
        assertThat(cookie.get("secure"))
                .as("the tests run on plain http (duban.secure-cookies=false)")
                .isEqualTo(false);

        // An invalid body: 400 means the call got past the check, 403 request.cross-site that it
        // did not.
        assertThat(cookiePost(session, Map.of()).problemCode()).isEqualTo("request.cross-site");
        assertThat(cookiePost(session, Map.of()).status()).isEqualTo(403);
        assertThat(cookiePost(session, Map.of("Origin", APP)).problemCode())
                .isEqualTo("adjustment.invalid");
        assertThat(cookiePost(session, Map.of("Origin", "null")).problemCode())
                .isEqualTo("request.cross-site");
        assertThat(
                        cookiePost(
                                        session,
                                        Map.of(
                                                "Origin",
                                                "http://localhost:" + (TestStack.HTTP_PORT + 1)))
                                .problemCode())
                .isEqualTo("request.cross-site");
        assertThat(
                        cookiePost(session, Map.of("Referer", APP + "/app/admin/evaluation.xhtml"))
                                .problemCode())
                .isEqualTo("adjustment.invalid");
        assertThat(cookiePost(session, Map.of("Referer", "https://evil.example/x")).problemCode())
                .isEqualTo("request.cross-site");
        assertThat(cookiePost(session, Map.of("X-Requested-With", "XMLHttpRequest")).problemCode())
                .isEqualTo("adjustment.invalid");
        assertThat(
                        cookiePost(
                                        session,
                                        Map.of(
                                                "Origin",
                                                "https://evil.example",
                                                "X-Requested-With",
                                                "XMLHttpRequest"))
                                .problemCode())
                .isEqualTo("request.cross-site");

        // Behind a TLS proxy the public origin is https://duban.example.gov.cn, not the listener's.
        Map<String, String> proxy =
                Map.of(
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "duban.example.gov.cn",
                        "X-Forwarded-Port",
                        "443");
        assertThat(
                        cookiePost(session, with(proxy, "Origin", "https://duban.example.gov.cn"))
                                .problemCode())
                .isEqualTo("adjustment.invalid");
        assertThat(
                        cookiePost(session, with(proxy, "Origin", "http://duban.example.gov.cn"))
                                .problemCode())
                .isEqualTo("request.cross-site");
        assertThat(cookiePost(session, with(proxy, "Origin", APP)).problemCode())
                .isEqualTo("request.cross-site");
    }

    // ---- 4. Logout

    @Test
    void logoutIsAPostFromOurPageAndNoTokenTravelsInAUrl() throws Exception {
        browser = Browsers.open();
        Browsers.login(browser, "pt-admin");
        String session = Browsers.sessionCookie(browser);
        Browsers.network(browser); // what the login did is not the question

        // A link, an image or a prefetch must not log anyone out.
        assertThat(
                        send(HttpRequest.newBuilder(URI.create(APP + "/logout"))
                                        .header("Cookie", session)
                                        .GET())
                                .statusCode())
                .isEqualTo(405);
        browser.get(APP + "/logout");
        browser.get(APP + "/app/admin/index.xhtml");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
        assertThat(browser.findElement(By.id("page-title")).getText())
                .as("GET /logout logged the user out")
                .isEqualTo("区府办工作台");

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        // The Keycloak session ended too: going back to the application asks for the password
        // again.
        browser.get(APP + "/app/admin/index.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/duban/");
        HttpResponse<String> old =
                send(
                        HttpRequest.newBuilder(URI.create(APP + "/api/v1/me"))
                                .header("Cookie", session)
                                .header("Accept", "application/json")
                                .GET());
        assertThat(old.statusCode()).as("the old session cookie still works").isNotEqualTo(200);

        List<String> urls = requestedUrls(Browsers.network(browser));
        assertThat(urls)
                .as("requests and redirects of the logout")
                .isNotEmpty()
                .anyMatch(u -> u.endsWith("/logout"));
        assertThat(urls).noneMatch(u -> u.contains("id_token_hint"));
    }

    // ---- 5. Four eyes

    @Test
    void aDistrictAdminCannotApproveItsOwnReport() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 4;
        String text =
                year + "年普陀区审核分离测试工作要点\n一、审核\n1.开展审核分离测试。（责任单位：区府办；完成时限：" + year + "年6月30日前）\n";
        String plan = Plans.saved("pt-admin", text, "four-eyes.txt").getString("id");
        assertThat(
                        Api.post(
                                        "pt-admin",
                                        "/plans/" + plan + "/publication",
                                        "{\"allowOpen\":true}")
                                .status())
                .isEqualTo(200);
        JsonObject task =
                Api.get("pt-admin", "/tasks?plan=" + plan).json().getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(t -> t.getString("unitName").equals("区府办"))
                        .findFirst()
                        .orElseThrow();

        Reply submitted =
                Api.post(
                        "pt-admin",
                        "/tasks/" + task.getString("id") + "/reports",
                        "{\"text\":\"本办已完成审核分离测试。\",\"percent\":100,\"submit\":true}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String report = submitted.json().getString("id");

        Reply approved =
                ProgressReports.review(
                        report,
                        "{\"decision\":\"APPROVE\",\"comment\":\"同意\",\"rating\":\"优\"}",
                        null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(403);
        assertThat(approved.problemCode()).isEqualTo("review.own-report");
        assertThat(approved.json().getString("detail")).contains("本人");
        Reply returned =
                ProgressReports.review(
                        report, "{\"decision\":\"RETURN\",\"comment\":\"自己退回\"}", null);
        assertThat(returned.problemCode()).isEqualTo("review.own-report");
        assertThat(Api.get("pt-admin", "/reports/" + report).json().getString("state"))
                .isEqualTo("SUBMITTED");
        assertThat(
                        Api.get("pt-admin", "/tasks/" + task.getString("id"))
                                .json()
                                .getJsonObject("task")
                                .getString("status"))
                .isEqualTo("SUBMITTED");

        // The task page offers no review of one's own report, and says why.
        browser = Browsers.open();
        Browsers.login(browser, "pt-admin");
        browser.get(APP + "/app/task.xhtml?id=" + task.getString("id"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
        assertThat(browser.findElements(By.cssSelector("[id$=':approve'], [id$=':return']")))
                .as("review buttons on one's own report")
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector("[id$='own-report']")).getText())
                .contains("其他工作人员审核");
    }

    // ---- 6. Headers

    @Test
    void everyPageAndApiAnswerCarriesTheSecurityHeaders() throws Exception {
        browser = Browsers.open();
        Browsers.login(browser, "pt-admin");
        String session = Browsers.sessionCookie(browser);

        List<String> pages =
                List.of(
                        "/app/index.xhtml",
                        "/app/admin/index.xhtml",
                        "/app/admin/plans.xhtml",
                        "/app/admin/plan-import.xhtml",
                        "/app/admin/plan.xhtml",
                        "/app/admin/publish.xhtml",
                        "/app/admin/review.xhtml",
                        "/app/admin/audit.xhtml",
                        "/app/admin/evaluation.xhtml",
                        "/app/leader/index.xhtml",
                        "/app/ledger.xhtml",
                        "/app/inbox.xhtml",
                        "/app/circulars.xhtml",
                        "/app/circular.xhtml",
                        "/app/task.xhtml",
                        "/app/score.xhtml",
                        "/app/unit/index.xhtml",
                        "/app/platform/index.xhtml",
                        "/app/no-such-page.xhtml");
        for (String page : pages) {
            HttpResponse<String> r =
                    send(
                            HttpRequest.newBuilder(URI.create(APP + page))
                                    .header("Cookie", session)
                                    .header("Accept", "text/html")
                                    .GET());
            String what = "GET " + page + " → " + r.statusCode();
            String csp = onePolicy(r, what);
            assertThat(csp).as(what).contains("frame-ancestors 'none'");
            if (r.statusCode() / 100 != 3) { // a rendered page, not a redirect
                assertThat(r.headers().firstValue("Content-Type").orElse(""))
                        .as(what)
                        .startsWith("text/html");
                assertThat(csp)
                        .as(what)
                        .contains("'nonce-")
                        .contains("object-src 'none'")
                        .contains("base-uri 'self'");
            }
            assertThat(r.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(r.headers().firstValue("Strict-Transport-Security"))
                    .as(what + " (plain http)")
                    .isEmpty();
        }

        List<HttpRequest.Builder> answers =
                new ArrayList<>(
                        List.of(
                                HttpRequest.newBuilder(URI.create(APP + "/"))
                                        .header("Cookie", session)
                                        .GET(),
                                HttpRequest.newBuilder(URI.create(APP + "/logout"))
                                        .header("Cookie", session)
                                        .GET(),
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        APP
                                                                + "/jakarta.faces.resource/duban/duban.js.xhtml"))
                                        .GET(),
                                HttpRequest.newBuilder(URI.create(APP + "/api/v1/me"))
                                        .header("Cookie", session)
                                        .GET(),
                                HttpRequest.newBuilder(URI.create(APP + "/api/v1/units"))
                                        .header(
                                                "Authorization",
                                                "Bearer " + Api.tokenOf("pt-admin"))
                                        .GET(),
                                HttpRequest.newBuilder(URI.create(APP + "/api/v1/no-such-thing"))
                                        .header(
                                                "Authorization",
                                                "Bearer " + Api.tokenOf("pt-admin"))
                                        .GET(),
                                HttpRequest.newBuilder(URI.create(APP + "/api/v1/me")).GET(),
                                HttpRequest.newBuilder(URI.create(ADJUSTMENTS))
                                        .header("Cookie", session)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{}"))));
        for (HttpRequest.Builder b : answers) {
            HttpRequest request = b.header("Accept", "application/json").build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String what = request.method() + " " + request.uri().getPath() + " → " + r.statusCode();
            String csp = onePolicy(r, what);
            assertThat(csp).as(what).contains("frame-ancestors");
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(what)
                    .hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(r.headers().firstValue("Strict-Transport-Security"))
                    .as(what + " (plain http)")
                    .isEmpty();
        }

        // HSTS only where the client came over TLS (here: a proxy saying so with
        // X-Forwarded-Proto).
        for (HttpRequest.Builder b :
                List.of(
                        HttpRequest.newBuilder(URI.create(APP + "/api/v1/me"))
                                .header("Authorization", "Bearer " + Api.tokenOf("pt-admin"))
                                .GET(),
                        HttpRequest.newBuilder(URI.create(APP + "/app/admin/index.xhtml"))
                                .header("Cookie", session)
                                .GET())) {
            HttpResponse<String> r = send(b.header("X-Forwarded-Proto", "https"));
            assertThat(r.headers().firstValue("Strict-Transport-Security"))
                    .as(r.uri().getPath())
                    .hasValue("max-age=31536000");
        }
    }

    // ---- helpers

    private void serve(String path, String form) {
        byte[] page =
                ("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>抽奖</title></head><body>"
                                + form
                                + "<script>document.getElementById('f').submit();</script></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
        otherSite.createContext(
                path,
                exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
                    exchange.sendResponseHeaders(200, page.length);
                    try (var out = exchange.getResponseBody()) {
                        out.write(page);
                    }
                });
    }

    private static String field(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + value + "\">";
    }

    /** The bonus items of 2098 whose reason starts with the marker. */
    private static List<JsonObject> adjustmentsWith(String marker) {
        return Api.get("pt-admin", "/evaluation/adjustments?year=2098").array().stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("reason").startsWith(marker + " "))
                .toList();
    }

    /** A POST of an invalid adjustment with the browser's session cookie and the given headers. */
    private static Reply cookiePost(String session, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(ADJUSTMENTS))
                        .header("Cookie", session)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"));
        headers.forEach(b::header);
        HttpResponse<String> r = send(b);
        return new Reply(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    }

    private static Map<String, String> with(
            Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b)
            throws IOException, InterruptedException {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The one Content-Security-Policy of an answer (two would both be enforced), checked for
     * script-src.
     */
    private static String onePolicy(HttpResponse<?> r, String what) {
        List<String> policies = r.headers().allValues("Content-Security-Policy");
        assertThat(policies).as(what + ": Content-Security-Policy headers").hasSize(1);
        String csp = policies.get(0);
        String scripts =
                Arrays.stream(csp.split(";"))
                        .map(String::strip)
                        .filter(d -> d.startsWith("script-src "))
                        .findFirst()
                        .orElse(
                                Arrays.stream(csp.split(";"))
                                        .map(String::strip)
                                        .filter(d -> d.startsWith("default-src "))
                                        .findFirst()
                                        .orElse(""));
        assertThat(scripts)
                .as(what + ": " + csp)
                .isNotEmpty()
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .doesNotContain("*")
                .doesNotContain("data:");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        return csp;
    }

    /** Every URL the browser requested or was redirected to, from the DevTools network events. */
    private static List<String> requestedUrls(List<String> events) {
        List<String> urls = new ArrayList<>();
        for (String e : events) {
            JsonObject message = Json.read(e).getJsonObject("message");
            if (!"Network.requestWillBeSent".equals(message.getString("method"))) continue;
            JsonObject params = message.getJsonObject("params");
            urls.add(params.getJsonObject("request").getString("url"));
            if (params.containsKey("redirectResponse")) {
                JsonObject headers =
                        params.getJsonObject("redirectResponse").getJsonObject("headers");
                headers.forEach(
                        (k, v) -> {
                            if (k.equalsIgnoreCase("location"))
                                urls.add(((jakarta.json.JsonString) v).getString());
                        });
            }
        }
        return urls;
    }

    private static final class Json {
        static JsonObject read(String text) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
                return reader.readObject();
            }
        }
    }
}
