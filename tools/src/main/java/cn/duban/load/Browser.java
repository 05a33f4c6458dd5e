package cn.duban.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's browser, as far as sessions go: a cookie jar, redirects followed one by one (so the run
 * sees each trip through Keycloak), and Keycloak's login form filled in. Enough to log in to the UI
 * through the balancer and to see what a user meets when their node goes away.
 */
final class Browser {

    /** One page load: the redirects it took and where it ended. */
    record Visit(
            int status,
            URI page,
            String servedBy,
            int throughKeycloak,
            boolean loginForm,
            List<String> hops,
            String body) {

        /** A page of the application, not Keycloak's form or an error. */
        boolean landedLoggedIn(String appBase) {
            return status == 200 && !loginForm && page.toString().startsWith(appBase + "/app/");
        }
    }

    private static final Pattern LOGIN_FORM =
            Pattern.compile(
                    "<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);
    private static final Pattern LOGIN_FORM_ACTION_FIRST =
            Pattern.compile(
                    "<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"", Pattern.DOTALL);

    private final LoopbackCookies cookies = new LoopbackCookies();

    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final String keycloakBase;

    /**
     * @param keycloakBase Keycloak's address ({@code http://localhost:port}), to count trips there
     */
    Browser(String keycloakBase) {
        this.keycloakBase = keycloakBase;
    }

    /** Opens the page and logs in with the password if Keycloak asks for it. */
    Visit logIn(URI page, String user, String password) throws IOException, InterruptedException {
        Visit first = open(page);
        if (!first.loginForm()) return first;
        String action = formAction(first.body());
        String form =
                "username="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&credentialId=";
        HttpRequest post =
                HttpRequest.newBuilder(URI.create(action))
                        .timeout(Http.TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build();
        Visit after = follow(post, new ArrayList<>(first.hops()), first.throughKeycloak());
        return after;
    }

    /** Opens the page as a browser would: GET, following every redirect. */
    Visit open(URI page) throws IOException, InterruptedException {
        return follow(get(page), new ArrayList<>(), 0);
    }

    /** The value of a cookie the browser holds, or null. */
    String cookie(String name) {
        return cookies.value(name);
    }

    private Visit follow(HttpRequest request, List<String> hops, int throughKeycloak)
            throws IOException, InterruptedException {
        for (int i = 0; i < 20; i++) {
            if (request.uri().toString().startsWith(keycloakBase)) throughKeycloak++;
            HttpResponse<String> r =
                    client.send(
                            withCookies(request),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            cookies.keep(request.uri(), r.headers().allValues("Set-Cookie"));
            String servedBy = r.headers().firstValue("X-Served-By").orElse(null);
            hops.add(
                    r.statusCode()
                            + " "
                            + request.uri().getPath()
                            + (servedBy == null ? "" : " @" + servedBy));
            var location = r.headers().firstValue("Location");
            if (r.statusCode() / 100 == 3 && location.isPresent()) {
                request = get(request.uri().resolve(location.get()));
                continue;
            }
            boolean form = r.body().contains("kc-form-login");
            return new Visit(
                    r.statusCode(),
                    request.uri(),
                    servedBy,
                    throughKeycloak,
                    form,
                    List.copyOf(hops),
                    r.body());
        }
        throw new IOException("more than 20 redirects: " + hops);
    }

    private HttpRequest withCookies(HttpRequest request) {
        String header = cookies.header(request.uri());
        if (header == null) return request;
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Cookie", header)
                .build();
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Http.TIMEOUT)
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static String formAction(String html) {
        Matcher m = LOGIN_FORM.matcher(html);
        if (!m.find()) {
            m = LOGIN_FORM_ACTION_FIRST.matcher(html);
            if (!m.find()) throw new IllegalStateException("no login form in Keycloak's page");
        }
        return m.group(1).replace("&amp;", "&");
    }
}
