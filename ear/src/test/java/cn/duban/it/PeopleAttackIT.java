package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Browser;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.People;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The people endpoints attacked: crafted and oversized sheets on the account import and the
 * operator's unit sheet, roles above a district's, units and tenants of another district, and
 * markup in a name that reached Keycloak by another way than Duban's checks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PeopleAttackIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String problem(Api.Reply r) {
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        return r.status() + " " + r.problemCode();
    }

    @Test
    void craftedAndHugeSheetsAreRefusedWithProblemJson() throws IOException {
        byte[] bomb = bomb(People.ACCOUNT_HEADER.get(0));
        byte[] rows = hundredThousandRows(People.ACCOUNT_HEADER);
        byte[] unitRows = hundredThousandRows(List.of("名称", "类型"));
        byte[] tooBig = new byte[3 * 1024 * 1024];
        tooBig[0] = 'P';
        tooBig[1] = 'K';
        byte[] notASheet =
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        assertThat(rows.length).isLessThan(2 * 1024 * 1024);

        long t0 = System.nanoTime();
        assertThat(problem(Api.upload("jd-admin", "/accounts/import", "a.xlsx", bomb, Map.of())))
                .isEqualTo("400 sheet.format");
        assertThat(problem(Api.upload("jd-admin", "/accounts/import", "a.xlsx", rows, Map.of())))
                .isEqualTo("413 sheet.too-many-rows");
        assertThat(problem(Api.upload("jd-admin", "/accounts/import", "a.xlsx", tooBig, Map.of())))
                .isEqualTo("413 upload.too-large");
        assertThat(
                        problem(
                                Api.upload(
                                        "jd-admin",
                                        "/accounts/import",
                                        "a.xlsx",
                                        notASheet,
                                        Map.of())))
                .isEqualTo("400 sheet.format");

        assertThat(
                        problem(
                                Api.upload(
                                        "operator",
                                        "/tenants/units-sheet",
                                        "u.xlsx",
                                        bomb(("名称")),
                                        Map.of())))
                .isEqualTo("400 sheet.format");
        assertThat(
                        problem(
                                Api.upload(
                                        "operator",
                                        "/tenants/units-sheet",
                                        "u.xlsx",
                                        unitRows,
                                        Map.of())))
                .isEqualTo("413 sheet.too-many-rows");
        assertThat(
                        problem(
                                Api.upload(
                                        "operator",
                                        "/tenants/units-sheet",
                                        "u.xlsx",
                                        tooBig,
                                        Map.of())))
                .isEqualTo("413 upload.too-large");
        Api.Reply onboard =
                Api.upload(
                        "operator",
                        "/tenants/onboarding",
                        "u.xlsx",
                        unitRows,
                        Map.of(
                                "id",
                                "bombed",
                                "name",
                                "炸弹区",
                                "adminUsername",
                                "bombed-admin",
                                "adminName",
                                "炸弹"));
        assertThat(problem(onboard)).isEqualTo("413 sheet.too-many-rows");
        System.out.printf(
                "BENCH seven crafted sheets refused in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(RealmAdmin.user("bombed-admin")).isEmpty();
        assertThat(
                        Api.get("operator", "/tenants").array().stream()
                                .map(t -> t.asJsonObject().getString("id")))
                .doesNotContain("bombed");
        // Nothing was created from the first rows of the long sheet.
        assertThat(RealmAdmin.user("flood-1")).isEmpty();
    }

    @Test
    void aDistrictGrantsNothingAboveItselfAndNothingOfAnotherDistrict() {
        // city-viewer looks at the city's districts from above.
        assertThat(
                        problem(
                                Api.post(
                                        "jd-admin",
                                        "/accounts",
                                        People.account(
                                                "atk-city", "市级", null, "leader", "city-viewer"))))
                .isEqualTo("400 account.invalid");
        // 长寿路街道 (csl) is 普陀区's unit.
        assertThat(
                        problem(
                                Api.post(
                                        "jd-admin",
                                        "/accounts",
                                        People.account("atk-unit", "跨区", "csl", "unit-reporter"))))
                .isEqualTo("400 account.invalid");
        assertThat(RealmAdmin.user("atk-city")).isEmpty();
        assertThat(RealmAdmin.user("atk-unit")).isEmpty();
        byte[] sheet =
                People.sheet(
                        List.of(
                                People.ACCOUNT_HEADER,
                                List.of("市级甲", "atk-city-cell", "", "", "", "市级查看")));
        assertThat(problem(Api.upload("jd-admin", "/accounts/import", "a.xlsx", sheet, Map.of())))
                .isEqualTo("400 account.import.rows");
        assertThat(RealmAdmin.user("atk-city-cell")).isEmpty();

        Api.Reply created =
                Api.post(
                        "jd-admin",
                        "/accounts",
                        People.account("atk-victim", "被改", "anting", "unit-reporter"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getJsonObject("account").getString("id");
        String before = RealmAdmin.snapshot(id);
        // An edit naming another tenant, another district's unit or the city role changes nothing.
        JsonObject withTenant =
                Json.createObjectBuilder(
                                Json.createReader(
                                                new java.io.StringReader(
                                                        People.account(
                                                                "atk-victim",
                                                                "被改",
                                                                "nanxiang",
                                                                "district-admin")))
                                        .readObject())
                        .add("tenant", "putuo")
                        .build();
        assertThat(Api.put("jd-admin", "/accounts/" + id, withTenant.toString(), null).status())
                .isEqualTo(200);
        JsonObject kc = RealmAdmin.userById(id);
        assertThat(RealmAdmin.attribute(kc, "tenant")).isEqualTo("jiading");
        assertThat(RealmAdmin.attribute(kc, "unit")).isEqualTo("nanxiang");
        before = RealmAdmin.snapshot(id);
        assertThat(
                        problem(
                                Api.put(
                                        "jd-admin",
                                        "/accounts/" + id,
                                        People.account("atk-victim", "被改", "csl", "unit-reporter"),
                                        null)))
                .isEqualTo("400 account.invalid");
        assertThat(
                        problem(
                                Api.put(
                                        "jd-admin",
                                        "/accounts/" + id,
                                        People.account(
                                                "atk-victim", "被改", null, "leader", "city-viewer"),
                                        null)))
                .isEqualTo("400 account.invalid");
        assertThat(RealmAdmin.snapshot(id)).isEqualTo(before);
        assertThat(RealmAdmin.realmRoles(id)).doesNotContain("city-viewer", "platform-admin");
    }

    /**
     * Duban refuses markup in names, and so does the realm's user profile; a name with markup that
     * got into Keycloak anyway (a profile changed by hand, an older import) is shown as text.
     */
    @Test
    void markupInANameIsShownAsTextOnTheAccountsPage() throws Exception {
        String evil = "<img src=x onerror=\"window.__pwned=1\">";
        JsonObject profile = RealmAdmin.userProfile();
        var attributes = Json.createArrayBuilder();
        for (JsonValue a : profile.getJsonArray("attributes")) {
            JsonObject attr = a.asJsonObject();
            if (attr.getString("name").equals("firstName")
                    || attr.getString("name").equals("lastName")) {
                attr =
                        Json.createObjectBuilder(attr)
                                .add("validations", Json.createObjectBuilder())
                                .build();
            }
            attributes.add(attr);
        }
        RealmAdmin.setUserProfile(
                Json.createObjectBuilder(profile).add("attributes", attributes).build());
        String id;
        try {
            id = RealmAdmin.createUser("atk-markup", "jiading", "leader");
            JsonObject u = RealmAdmin.userById(id);
            RealmAdmin.put(
                    "/users/" + id,
                    Json.createObjectBuilder(u)
                            .add("firstName", evil)
                            .remove("access")
                            .build()
                            .toString());
        } finally {
            RealmAdmin.setUserProfile(profile);
        }
        assertThat(RealmAdmin.userById(id).getString("firstName")).isEqualTo(evil);
        try (Browser b = Browser.open("people-attack-markup")) {
            b.login("jd-admin", "duban123");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
            b.go("/app/admin/accounts.xhtml");
            b.driver.findElement(By.id("list:q")).sendKeys("atk-markup");
            b.driver.findElement(By.id("list:search")).click();
            b.wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("list:table"), evil));
            Thread.sleep(500);
            Object pwned =
                    ((JavascriptExecutor) b.driver)
                            .executeScript(
                                    "return window.__pwned === undefined ? null : window.__pwned;");
            assertThat(pwned).isNull();
            assertThat(b.driver.findElements(By.cssSelector("#list\\:table img"))).isEmpty();
        }
    }

    /** A real sheet with the header, then 100,000 rows (about 1 MB). */
    private static byte[] hundredThousandRows(List<String> header) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet();
            var h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) h.createCell(c).setCellValue(header.get(c));
            for (int i = 1; i <= 100_000; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue("洪水" + i);
                row.createCell(1).setCellValue(header.size() > 2 ? "flood-" + i : "街镇");
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    /**
     * A real workbook whose sheet XML is padded with 64 MB of blanks (a few hundred KB compressed).
     */
    private static byte[] bomb(String header) throws IOException {
        byte[] plain = People.sheet(List.of(List.of(header)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().endsWith("sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 64; i++) zip.write(blanks);
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
