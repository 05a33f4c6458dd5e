package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Browser;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.People;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The platform operator onboards a district from two Excel lists (40 units, then 60 accounts that
 * the new district's administrator imports), timed; onboarding is all or nothing; the new
 * administrator must finish the first login and then sees its own district only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OnboardingIT {

    private static final String XSS_UNIT = "<img src=x onerror=alert(1)>街道";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** 40 units: the district office, 19 departments, 20 towns (one with markup in its name). */
    static byte[] unitSheet() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("名称", "简称/别名", "类型", "排名分组"));
        rows.add(List.of("宝山区人民政府办公室", "区府办、区政府办", "区府办", ""));
        for (int i = 1; i <= 19; i++)
            rows.add(List.of("宝山区第" + i + "局", "第" + i + "局", "部门", "部门组"));
        for (int i = 1; i <= 19; i++) rows.add(List.of("宝山第" + i + "镇", "", "镇", "街镇组"));
        rows.add(List.of(XSS_UNIT, "", "街道", "街镇组"));
        return People.sheet(rows);
    }

    /** 60 accounts: a liaison for each of the 39 departments and towns, and 21 unit heads. */
    static byte[] accountSheet() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(People.ACCOUNT_HEADER);
        List<String> units = new ArrayList<>();
        for (int i = 1; i <= 19; i++) units.add("第" + i + "局");
        for (int i = 1; i <= 19; i++) units.add("宝山第" + i + "镇");
        units.add(XSS_UNIT);
        for (int i = 0; i < 60; i++) {
            String unit = units.get(i % units.size());
            boolean head = i >= units.size();
            rows.add(
                    List.of(
                            (head ? "负责人" : "联络员") + (i + 1),
                            "bs-user-" + (i + 1),
                            "139" + String.format("%08d", i + 1),
                            "bs-user-" + (i + 1) + "@baoshan.test",
                            unit,
                            head ? "单位负责人" : "联络员"));
        }
        return People.sheet(rows);
    }

    private static Map<String, String> form(String id, String name, String admin) {
        return Map.of(
                "id",
                id,
                "name",
                name,
                "adminUsername",
                admin,
                "adminName",
                "宝山管理员",
                "adminPhone",
                "13812345678",
                "adminEmail",
                admin + "@baoshan.test");
    }

    @Test
    void theOperatorOnboardsADistrictFromTwoSheetsAndItsAdministratorSeesOnlyIt() throws Exception {
        byte[] units = unitSheet();
        byte[] accounts = accountSheet();
        long t0 = System.nanoTime();
        Api.Reply onboarded =
                Api.upload(
                        "operator",
                        "/tenants/onboarding",
                        "units.xlsx",
                        units,
                        form("baoshan", "宝山区", "bs-admin"));
        long t1 = System.nanoTime();
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        JsonObject o = onboarded.json();
        assertThat(o.getJsonObject("tenant").getString("id")).isEqualTo("baoshan");
        assertThat(o.getInt("units")).isEqualTo(40);
        assertThat(o.getJsonObject("credentials").getString("delivery")).isEqualTo("shown");
        String temporary = o.getJsonObject("credentials").getString("temporaryPassword");

        JsonObject admin = RealmAdmin.user("bs-admin").orElseThrow();
        String adminId = admin.getString("id");
        assertThat(RealmAdmin.attribute(admin, "tenant")).isEqualTo("baoshan");
        assertThat(RealmAdmin.attribute(admin, "unit")).isEqualTo("qfb");
        assertThat(admin.getJsonArray("requiredActions").getValuesAs(JsonValue::toString))
                .containsExactlyInAnyOrder("\"UPDATE_PASSWORD\"", "\"CONFIGURE_TOTP\"");
        assertThat(RealmAdmin.realmRoles(adminId))
                .contains("district-admin")
                .doesNotContain("platform-admin");
        assertThat(RealmAdmin.clientRoles(adminId)).isEmpty();
        // The invitation's password opens the door to the first login only.
        assertThat(RealmAdmin.passwordLogin("bs-admin", temporary).body())
                .contains("Account is not fully set up");
        RealmAdmin.completeFirstLogin("bs-admin", People.PASSWORD);
        String token = People.token("bs-admin");

        long t2 = System.nanoTime();
        Api.Reply imported = People.upload(token, "/accounts/import", accounts, Map.of());
        long t3 = System.nanoTime();
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().getInt("created")).isEqualTo(60);
        System.out.printf(
                "BENCH onboarding: 40 units + administrator %d ms; import of 60 accounts %d ms; together %d ms%n",
                (t1 - t0) / 1_000_000, (t3 - t2) / 1_000_000, ((t1 - t0) + (t3 - t2)) / 1_000_000);

        assertThat(People.get(token, "/tenants/current").json().getString("id"))
                .isEqualTo("baoshan");
        List<String> unitNames =
                People.get(token, "/units").array().stream()
                        .map(u -> u.asJsonObject().getString("name"))
                        .toList();
        assertThat(unitNames)
                .hasSize(40)
                .contains("宝山区人民政府办公室", XSS_UNIT)
                .doesNotContain("安亭镇", "长寿路街道");
        assertThat(People.get(token, "/accounts?limit=200").json().getInt("total")).isEqualTo(61);
        assertThat(RealmAdmin.usernamesWithAttribute("tenant", "baoshan")).hasSize(61);
        assertThat(People.get(token, "/units/" + Api.unitId("pt-admin", "长寿路街道")).status())
                .isEqualTo(404);
        assertThat(People.get(token, "/accounts/" + RealmAdmin.id("pt-admin")).status())
                .isEqualTo(404);
        assertThat(People.get(token, "/tasks").json().getInt("total")).isZero();
        assertThat(People.get(token, "/tenants").status()).isEqualTo(403);

        // Markup in a unit's name is text on the pages that show it.
        try (Browser b = Browser.open("onboarding-it-xss")) {
            b.login("bs-admin", People.PASSWORD);
            b.wait.until(ExpectedConditions.textToBe(By.id("page-title"), "区府办工作台"));
            b.go("/app/admin/accounts.xhtml");
            b.wait.until(ExpectedConditions.textToBe(By.id("page-title"), "账号管理"));
            b.driver.findElement(By.id("list:q")).sendKeys("bs-user-39");
            b.driver.findElement(By.id("list:search")).click();
            b.wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(
                            By.id("list:table"), XSS_UNIT));
            assertThat(b.driver.findElements(By.cssSelector("img[src=x]"))).isEmpty();
            assertThat(b.driver.getPageSource()).contains("&lt;img src=x onerror=alert(1)&gt;街道");
        }
    }

    @Test
    void onboardingIsAllOrNothing() {
        List<String> before = tenants();
        // A bad units sheet: every bad row listed, nothing made.
        byte[] bad =
                People.sheet(
                        List.of(
                                List.of("名称", "类型"),
                                List.of("区府办", "区府办"),
                                List.of("某局", "委员会"),
                                List.of("区府办", "部门")));
        Api.Reply r =
                Api.upload(
                        "operator",
                        "/tenants/onboarding",
                        "u.xlsx",
                        bad,
                        form("bad-sheet", "坏表区", "bad-sheet-admin"));
        assertThat(r.status() + " " + r.problemCode()).isEqualTo("400 tenant.units.rows");
        assertThat(
                        r.json().getJsonArray("errors").stream()
                                .map(e -> e.asJsonObject().getInt("rowNumber"))
                                .toList())
                .containsExactly(3, 4);
        // The administrator's login name is taken (in another district): nothing made.
        r =
                Api.upload(
                        "operator",
                        "/tenants/onboarding",
                        "u.xlsx",
                        unitSheet(),
                        form("name-taken", "重名区", "jd-admin"));
        assertThat(r.status() + " " + r.problemCode()).isEqualTo("409 account.taken");
        // The tenant exists: no account made for it.
        r =
                Api.upload(
                        "operator",
                        "/tenants/onboarding",
                        "u.xlsx",
                        unitSheet(),
                        form("putuo", "普陀区", "pt-second-admin"));
        assertThat(r.status() + " " + r.problemCode()).isEqualTo("409 tenant.exists");
        assertThat(RealmAdmin.user("pt-second-admin")).isEmpty();
        // The tenant fails after the account was made (two units with one code): the account is
        // deleted again.
        r =
                Api.post(
                        "operator",
                        "/tenants/onboarding",
                        """
                {"id":"dup-codes","name":"重码区","units":[{"code":"a","name":"甲","kind":"TOWN"},{"code":"a","name":"乙","kind":"TOWN"}],
                 "admin":{"username":"dup-codes-admin","name":"重码管理员"}}""");
        assertThat(r.status() + " " + r.problemCode()).isEqualTo("400 unit.code-duplicate");
        assertThat(RealmAdmin.user("dup-codes-admin")).isEmpty();
        assertThat(RealmAdmin.user("bad-sheet-admin")).isEmpty();
        assertThat(tenants()).isEqualTo(before);
    }

    @Test
    void theFirstAdministratorIsADistrictAdministratorAndNothingMore() {
        Api.Reply r =
                Api.post(
                        "operator",
                        "/tenants/onboarding",
                        """
                {"id":"xuhui","name":"徐汇区","units":[{"code":"qfb","name":"区府办","kind":"DISTRICT_OFFICE"}],
                 "admin":{"username":"xh-admin","name":"徐汇管理员","roles":["platform-admin","manage-users"],"tenant":"putuo"}}""");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = RealmAdmin.id("xh-admin");
        assertThat(RealmAdmin.realmRoles(id))
                .contains("district-admin")
                .doesNotContain("platform-admin");
        assertThat(RealmAdmin.clientRoles(id)).isEmpty();
        assertThat(RealmAdmin.attribute(RealmAdmin.userById(id), "tenant")).isEqualTo("xuhui");
    }

    @Test
    void onlyThePlatformOperatorOnboards() {
        for (String user : List.of("jd-admin", "jd-leader", "jd-anting")) {
            Api.Reply r =
                    Api.upload(
                            user,
                            "/tenants/onboarding",
                            "u.xlsx",
                            unitSheet(),
                            form("sneaky-" + user, "偷建区" + user, "sneaky-" + user));
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(Api.post(user, "/tenants/onboarding", "{}").status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(
                            Api.upload(
                                            user,
                                            "/tenants/units-sheet",
                                            "u.xlsx",
                                            unitSheet(),
                                            Map.of())
                                    .status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(RealmAdmin.user("sneaky-" + user)).isEmpty();
        }
        assertThat(Api.post(null, "/tenants/onboarding", "{}").status()).isEqualTo(401);
        Api.Reply preview =
                Api.upload("operator", "/tenants/units-sheet", "u.xlsx", unitSheet(), Map.of());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.array()).hasSize(40);
    }

    private static List<String> tenants() {
        return Api.get("operator", "/tenants").array().stream()
                .map(t -> t.asJsonObject().getString("id"))
                .sorted()
                .toList();
    }
}
