package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.TestStack;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API contract integrators read: the served /openapi document is valid OpenAPI 3.1 (it was not:
 * the server filled in an empty license and empty external docs, both without their required
 * fields), and the Swagger UI page that shows it is served without a login.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    private static final String SERVER = "http://localhost:" + TestStack.HTTP_PORT;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theServedDocumentIsValidOpenApi() {
        Reply served =
                Api.send(
                        null,
                        HttpRequest.newBuilder(URI.create(SERVER + "/openapi?format=JSON")),
                        "application/json");
        assertThat(served.status()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        SwaggerParseResult parsed =
                new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(parsed.getMessages()).as("validator messages").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(parsed.getOpenAPI().getInfo().getLicense().getName()).isNotBlank();
        assertThat(parsed.getOpenAPI().getPaths()).containsKey("/api/v1/units");
        documented(parsed.getOpenAPI());
    }

    /**
     * Every operation of the served document has a summary in Chinese, a capability tag declared at
     * the top, a success answer and problem+json error answers; the Problem schema is there.
     */
    private static void documented(io.swagger.v3.oas.models.OpenAPI api) {
        var declared =
                api.getTags().stream()
                        .map(io.swagger.v3.oas.models.tags.Tag::getName)
                        .collect(java.util.stream.Collectors.toSet());
        assertThat(declared).contains("Ledger", "Plans", "Reports", "Evaluation", "Circulars");
        java.util.List<String> wrong = new java.util.ArrayList<>();
        int operations = 0;
        for (var path : api.getPaths().entrySet()) {
            for (var op : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = op.getKey() + " " + path.getKey();
                var o = op.getValue();
                if (o.getSummary() == null
                        || o.getSummary()
                                .codePoints()
                                .noneMatch(
                                        c ->
                                                Character.UnicodeScript.of(c)
                                                        == Character.UnicodeScript.HAN))
                    wrong.add(name + ": summary " + o.getSummary());
                if (o.getTags() == null
                        || o.getTags().isEmpty()
                        || !declared.containsAll(o.getTags()))
                    wrong.add(name + ": tags " + o.getTags());
                if (o.getResponses() == null
                        || o.getResponses().keySet().stream().noneMatch(k -> k.startsWith("2")))
                    wrong.add(name + ": no success response");
                if (o.getResponses() == null || !o.getResponses().containsKey("403"))
                    wrong.add(name + ": no 403");
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(100);
        assertThat(wrong).as("undocumented operations").isEmpty();
        var problem = api.getComponents().getSchemas().get("Problem");
        assertThat(problem).as("Problem schema").isNotNull();
        assertThat(problem.getProperties())
                .containsKeys("type", "title", "status", "detail", "code");
        var conflict = api.getComponents().getResponses().get("Conflict");
        assertThat(conflict.getContent()).containsKey("application/problem+json");
        var ifMatch =
                api.getPaths().get("/api/v1/tasks/{id}").getPatch().getParameters().stream()
                        .filter(p -> "If-Match".equals(p.getName()))
                        .findFirst();
        assertThat(ifMatch).as("If-Match on PATCH /tasks/{id}").isPresent();
        assertThat(ifMatch.get().getDescription()).contains("409");
    }

    @Test
    void swaggerUiShowsTheDocumentWithoutInlineScript() {
        Reply page =
                Api.send(
                        null,
                        HttpRequest.newBuilder(URI.create(SERVER + "/api-docs/index.html")),
                        "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("swagger-ui-bundle.js")
                .contains("api-docs.js")
                .doesNotContain("<script>");
        Reply bundle =
                Api.send(
                        null,
                        HttpRequest.newBuilder(
                                URI.create(
                                        SERVER
                                                + "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js")),
                        "*/*");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        // Its scripts may run: the static files' default policy (default-src 'none') blocked them.
        String policy = policyOf(SERVER + "/api-docs/index.html");
        assertThat(policy)
                .contains("script-src 'self'")
                .contains("connect-src 'self'")
                .doesNotContain("unsafe-eval");
        assertThat(policy.substring(policy.indexOf("script-src"))).doesNotContain("unsafe-inline");
        Reply init =
                Api.send(
                        null,
                        HttpRequest.newBuilder(URI.create(SERVER + "/api-docs/api-docs.js")),
                        "*/*");
        assertThat(init.body()).contains("../openapi?format=JSON").contains("validatorUrl: null");
    }

    private static String policyOf(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElse("");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
