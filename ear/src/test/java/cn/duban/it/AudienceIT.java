package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.devstack.KeycloakServer;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API takes only tokens issued for duban-web: the realm's audience mapper puts duban-web in
 * their audience, which server.cli's verify-token-audience requires (a token without it would be
 * refused, so the mapper is pinned here too). A valid token of the same realm issued to another
 * client, here Keycloak's built-in admin-cli, which every realm has, must not open the API.
 * (Without verify-token-audience the admin-cli token was refused as well, by the client's own azp
 * check: this is a guard, not the proof of a fix.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AudienceIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void tokenOfAnotherClientOfTheRealmIsRefused() throws Exception {
        String foreign =
                KeycloakServer.passwordGrantToken(
                        TestStack.issuer(),
                        "admin-cli",
                        null,
                        "pt-admin",
                        KeycloakServer.DEMO_PASSWORD);
        assertThat(claims(foreign)).doesNotContain("\"aud\":\"duban-web\"");
        assertThat(me(foreign)).isEqualTo(401);

        String own = TestStack.token("pt-admin");
        assertThat(claims(own)).contains("\"aud\":\"duban-web\"");
        assertThat(me(own)).isEqualTo(200);
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static int me(String token) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(Api.base() + "/me"))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
