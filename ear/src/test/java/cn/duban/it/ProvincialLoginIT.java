package cn.duban.it;

import static cn.duban.it.support.LoginPages.SIZES;
import static cn.duban.it.support.LoginPages.assertFits;
import static cn.duban.it.support.LoginPages.loginUrl;
import static cn.duban.it.support.LoginPages.shoot;
import static cn.duban.it.support.LoginPages.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.devstack.KeycloakServer;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.People;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Provincial single sign-on (统一身份认证) through Keycloak's identity brokering: the test Keycloak's
 * realm {@code province} (ear/src/test/keycloak/province-realm.json) is the upstream OIDC provider
 * of the realm {@code duban} (identity provider {@code province} of the dev overlay). 嘉定区's office
 * records a person's provincial id on an account through the account API; the person then logs in
 * with the upstream's credentials through the login page's button and lands in Duban as that
 * account. An upstream user linked to nobody is refused by the realm's first-login flow and no user
 * is created; a disabled account is refused through the broker too. Screenshots of the login page
 * with the button: ear/target/screenshots/login-sso-*.png.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProvincialLoginIT {

    /** The province realm's users' ids: the {@code sub} the upstream sends, never changed. */
    static final String ZHANG_SAN = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a41";

    static final String LI_SI = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a42";
    static final String WANG_WU = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a43";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theLoginPageOffersTheProvincialButtonInChineseAndEnglish() throws Exception {
        WebDriver b = Browsers.open();
        try {
            for (Dimension size : SIZES) {
                b.manage().window().setSize(size);
                b.get(loginUrl("&ui_locales=zh-CN"));
                waitFor(b, By.id("social-province"));
                shoot(b, "login-sso-zh-" + size.width + "x" + size.height);
                var button = b.findElement(By.id("social-province"));
                assertThat(button.isDisplayed()).isTrue();
                assertThat(button.getText().strip()).isEqualTo("政务统一身份认证登录");
                assertThat(b.getPageSource()).contains("或使用政务统一身份认证");
                // The password login stays: people without a provincial id use it.
                assertThat(b.findElement(By.id("username")).isDisplayed()).isTrue();
                assertFits(b, size);

                b.get(loginUrl("&ui_locales=en"));
                waitFor(b, By.id("social-province"));
                shoot(b, "login-sso-en-" + size.width + "x" + size.height);
                assertThat(b.getPageSource())
                        .contains("Or sign in with the provincial government ID");
                assertFits(b, size);
            }
        } finally {
            Browsers.close(b, "login-sso-page");
        }
    }

    @Test
    void aLinkedUpstreamUserLandsInDubanAsTheLinkedAccountOfItsTenant() throws Exception {
        String id = readyAccount("sso-liaison", "anting");
        Api.Reply linked =
                Api.put(
                        "jd-admin",
                        "/accounts/" + id + "/provincial-id",
                        "{\"provincialId\":\" " + ZHANG_SAN + " \"}",
                        null);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().getString("provincialId")).isEqualTo(ZHANG_SAN);
        assertThat(Api.get("jd-admin", "/accounts/" + id).json().getString("provincialId"))
                .isEqualTo(ZHANG_SAN);
        assertThat(listed("sso-liaison").getString("provincialId")).isEqualTo(ZHANG_SAN);
        // Keycloak holds the link: the upstream's stable id, on this user only.
        JsonArray links = (JsonArray) RealmAdmin.get("/users/" + id + "/federated-identity");
        assertThat(links).hasSize(1);
        assertThat(links.getJsonObject(0).getString("identityProvider")).isEqualTo("province");
        assertThat(links.getJsonObject(0).getString("userId")).isEqualTo(ZHANG_SAN);

        int usersBefore = userCount();
        WebDriver b = Browsers.open(390, 844);
        try {
            b.get(Browsers.APP + "/");
            upstreamLogin(b, "zhang.san");
            new WebDriverWait(b, Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
            shoot(b, "login-sso-landed-390x844");
            assertThat(b.findElement(By.id("tenant-name")).getText()).contains("嘉定");
            assertThat(b.findElement(By.id("user-greeting")).getText()).contains("统一认证联络员");
            // The session is the linked account's: its tenant, unit and roles, nothing else.
            b.get(Browsers.APP + "/api/v1/me");
            String me = b.findElement(By.tagName("body")).getText();
            JsonObject who = Json.createReader(new java.io.StringReader(me)).readObject();
            assertThat(who.getString("username")).isEqualTo("sso-liaison");
            assertThat(who.getString("tenant")).isEqualTo("jiading");
            assertThat(who.getString("unit")).isEqualTo("anting");
            assertThat(who.getJsonArray("roles").getValuesAs(JsonValue::toString))
                    .containsExactly("\"unit-reporter\"");
            b.get(Browsers.APP + "/api/v1/units");
            String units = b.findElement(By.tagName("body")).getText();
            assertThat(units).contains("安亭").doesNotContain("长寿路");
        } finally {
            Browsers.close(b, "login-sso-linked");
        }
        // Logged in as the existing user: none created, the account's own name kept (the
        // upstream's 张三 is not copied over it).
        assertThat(userCount()).isEqualTo(usersBefore);
        assertThat(RealmAdmin.userById(id).getString("firstName")).isEqualTo("统一认证联络员");
        assertThat(RealmAdmin.user("zhang.san")).isEmpty();
    }

    @Test
    void anUnlinkedUpstreamUserIsRefusedAndNoUserIsCreated() throws Exception {
        int usersBefore = userCount();
        WebDriver b = Browsers.open(390, 844);
        try {
            b.get(Browsers.APP + "/");
            upstreamLogin(b, "li.si");
            new WebDriverWait(b, Duration.ofSeconds(60))
                    .until(
                            d ->
                                    refusedUnlinked(d.getPageSource())
                                            || d.getCurrentUrl().startsWith(Browsers.APP));
            shoot(b, "login-sso-refused-390x844");
            // Keycloak picks the page's language from the browser (headless Chromium: English).
            assertThat(refusedUnlinked(b.getPageSource())).isTrue();
            assertThat(b.getCurrentUrl()).doesNotStartWith(Browsers.APP);
            assertThat(b.findElements(By.id("page-title"))).isEmpty();
        } finally {
            Browsers.close(b, "login-sso-unlinked");
        }
        assertThat(userCount()).isEqualTo(usersBefore);
        assertThat(RealmAdmin.user("li.si")).isEmpty();
        assertThat((JsonArray) RealmAdmin.get("/users?idpAlias=province&idpUserId=" + LI_SI))
                .isEmpty();
    }

    @Test
    void aDisabledAccountIsRefusedThroughTheBroker() throws Exception {
        String id = readyAccount("sso-disabled", "anting");
        Api.Reply linked =
                Api.put(
                        "jd-admin",
                        "/accounts/" + id + "/provincial-id",
                        "{\"provincialId\":\"" + WANG_WU + "\"}",
                        null);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        Api.Reply disabled = Api.post("jd-admin", "/accounts/" + id + "/disable", "{}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

        WebDriver b = Browsers.open(390, 844);
        try {
            b.get(Browsers.APP + "/");
            upstreamLogin(b, "wang.wu");
            new WebDriverWait(b, Duration.ofSeconds(60))
                    .until(
                            d ->
                                    refusedDisabled(d.getPageSource())
                                            || d.getCurrentUrl().startsWith(Browsers.APP));
            shoot(b, "login-sso-disabled-390x844");
            assertThat(refusedDisabled(b.getPageSource())).isTrue();
            assertThat(b.getCurrentUrl()).doesNotStartWith(Browsers.APP);
        } finally {
            Browsers.close(b, "login-sso-disabled");
        }
        assertThat(RealmAdmin.sessions(id)).isZero();
    }

    /**
     * The provincial id is the district's to set on its own accounts: validated, unique in the
     * realm, and an id held in another district answers like one held in this district.
     */
    @Test
    void theProvincialIdFollowsTheTenantRules() {
        String mine = readyAccount("sso-rules-a", "anting");
        String other = readyAccount("sso-rules-b", "anting");
        String putuo = RealmAdmin.id("pt-csl");
        String heldInPutuo = "pt-9f8e7d6c";
        String heldHere = "jd-1a2b3c4d";

        Api.Reply pt =
                Api.put(
                        "pt-admin",
                        "/accounts/" + putuo + "/provincial-id",
                        "{\"provincialId\":\"" + heldInPutuo + "\"}",
                        null);
        assertThat(pt.status()).as(pt.body()).isEqualTo(200);
        try {
            Api.Reply taken =
                    Api.put(
                            "jd-admin",
                            "/accounts/" + mine + "/provincial-id",
                            "{\"provincialId\":\"" + heldInPutuo + "\"}",
                            null);
            assertThat(problem(taken)).isEqualTo("409 account.provincial-id-taken");
            assertThat(taken.body()).doesNotContain("pt-csl", "putuo", "普陀", putuo);

            assertThat(
                            Api.put(
                                            "jd-admin",
                                            "/accounts/" + other + "/provincial-id",
                                            "{\"provincialId\":\"" + heldHere + "\"}",
                                            null)
                                    .status())
                    .isEqualTo(200);
            Api.Reply takenHere =
                    Api.put(
                            "jd-admin",
                            "/accounts/" + mine + "/provincial-id",
                            "{\"provincialId\":\"" + heldHere + "\"}",
                            null);
            assertThat(problem(takenHere)).isEqualTo("409 account.provincial-id-taken");
            // The same words whoever holds it.
            assertThat(detail(taken).replace(heldInPutuo, heldHere)).isEqualTo(detail(takenHere));
            assertThat(linksOf(mine)).isEmpty();

            // Another district's account: 404, as if it did not exist, and its link stays.
            assertThat(
                            problem(
                                    Api.put(
                                            "jd-admin",
                                            "/accounts/" + putuo + "/provincial-id",
                                            "{\"provincialId\":\"jd-steal\"}",
                                            null)))
                    .isEqualTo("404 account.not-found");
            assertThat(problem(Api.delete("jd-admin", "/accounts/" + putuo + "/provincial-id")))
                    .isEqualTo("404 account.not-found");
            assertThat(linksOf(putuo)).containsExactly(heldInPutuo);
            // Only a district office sets it.
            assertThat(
                            Api.put(
                                            "jd-anting",
                                            "/accounts/" + mine + "/provincial-id",
                                            "{\"provincialId\":\"x-1\"}",
                                            null)
                                    .status())
                    .isEqualTo(403);

            // Validated: nothing half-saved.
            for (String bad : new String[] {"", "张三", "a b", "x".repeat(256), "<script>"}) {
                String body =
                        Json.createObjectBuilder().add("provincialId", bad).build().toString();
                Api.Reply r =
                        Api.put("jd-admin", "/accounts/" + mine + "/provincial-id", body, null);
                if (bad.equals("<script>")) {
                    // Visible ASCII is a valid id (an upstream may use any); shown escaped.
                    assertThat(r.status()).isEqualTo(200);
                    continue;
                }
                assertThat(problem(r)).as(bad).isEqualTo("400 account.invalid");
                assertThat(r.body()).contains("统一身份认证 ID");
            }
            Api.Reply noBody =
                    Api.put("jd-admin", "/accounts/" + mine + "/provincial-id", "{}", null);
            assertThat(problem(noBody)).isEqualTo("400 account.invalid");

            // Cleared through the API: the link is gone in Keycloak.
            Api.Reply cleared = Api.delete("jd-admin", "/accounts/" + mine + "/provincial-id");
            assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
            // JSON-B leaves a null out.
            assertThat(cleared.json().get("provincialId")).isIn(null, JsonValue.NULL);
            assertThat(linksOf(mine)).isEmpty();
            assertThat(Api.delete("jd-admin", "/accounts/" + mine + "/provincial-id").status())
                    .isEqualTo(200);
        } finally {
            Api.delete("pt-admin", "/accounts/" + putuo + "/provincial-id");
        }
        assertThat(linksOf(putuo)).isEmpty();
    }

    /**
     * An enabled account of 嘉定区 made through the API, with its first login done (a brokered login
     * would otherwise be asked for the new password first).
     */
    private static String readyAccount(String username, String unit) {
        RealmAdmin.delete(username);
        Api.Reply r =
                Api.post(
                        "jd-admin",
                        "/accounts",
                        People.account(username, "统一认证联络员", unit, "unit-reporter"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        RealmAdmin.completeFirstLogin(username, "Sso-liaison-2026");
        return r.json().getJsonObject("account").getString("id");
    }

    private static JsonObject listed(String username) {
        return Api.get("jd-admin", "/accounts?q=" + username).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("username").equals(username))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> linksOf(String id) {
        return ((JsonArray) RealmAdmin.get("/users/" + id + "/federated-identity"))
                .stream()
                        .map(JsonValue::asJsonObject)
                        .filter(l -> l.getString("identityProvider").equals("province"))
                        .map(l -> l.getString("userId"))
                        .toList();
    }

    private static boolean refusedUnlinked(String page) {
        return page.contains("尚未关联督办账号") || page.contains("is not linked to a Duban account");
    }

    private static boolean refusedDisabled(String page) {
        return page.contains("督办账号已停用") || page.contains("This Duban account is disabled");
    }

    private static int userCount() {
        return ((JsonArray) RealmAdmin.get("/users?first=0&max=100000&briefRepresentation=true"))
                .size();
    }

    private static String problem(Api.Reply r) {
        return r.status() + " " + r.problemCode();
    }

    private static String detail(Api.Reply r) {
        return r.json().getString("detail");
    }

    /**
     * From Duban's login page: the provincial button, then the upstream's own login form with its
     * user's credentials.
     */
    private static void upstreamLogin(WebDriver b, String upstreamUser) {
        waitFor(b, By.id("social-province"));
        b.findElement(By.id("social-province")).click();
        new WebDriverWait(b, Duration.ofSeconds(30))
                .until(ExpectedConditions.urlContains("/realms/province/"));
        waitFor(b, By.id("username"));
        b.findElement(By.id("username")).sendKeys(upstreamUser);
        b.findElement(By.id("password")).sendKeys(KeycloakServer.PROVINCE_PASSWORD);
        b.findElement(By.id("kc-login")).click();
    }
}
