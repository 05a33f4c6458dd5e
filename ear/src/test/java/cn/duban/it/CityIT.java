package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.OwnDistrict;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * A city above districts (issue 21 item 4), in tenants of this test's own: the city 测试市 ({@value
 * #CITY}, created by the operator as kind CITY) with the members 甲测试区 and 乙测试区; 丙测试区 is no member.
 * 甲 has a year behind it (a city plan it imported and took up, its own plan published, one task
 * done, the year closed and its circular issued). The attacks: a non-member sending, the database
 * function called with a forged tenant or city, direct writes as the application role, a city
 * viewer reaching for district endpoints, another city's and another district's ids. Then the hash
 * in the district's audit chain, and the city's side-by-side page at phone and desk widths.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CityIT extends PageTest {

    static final String CITY = "cyt-city", OTHER_CITY = "cyt-city2";
    static final String A = "cyt-a", B = "cyt-b", X = "cyt-x";
    static final String A_ADMIN = "cya-admin", B_ADMIN = "cyb-admin", X_ADMIN = "cyx-admin";
    static final String VIEWER = "cy-viewer", OTHER_VIEWER = "cy-viewer2";
    static final int Y = Plans.TODAY.getYear() - 1;
    static final Path SHOTS = Path.of("target/screenshots/city");

    static String sentId, sentSha, sentContent;

    @BeforeAll
    static void districtsAndAYearOfA() throws SQLException {
        OwnDistrict.create(A, "甲测试区");
        OwnDistrict.create(B, "乙测试区");
        OwnDistrict.create(X, "丙测试区");
        OwnDistrict.person(A, A_ADMIN, "qfb", "district-admin");
        OwnDistrict.person(B, B_ADMIN, "qfb", "district-admin");
        OwnDistrict.person(X, X_ADMIN, "qfb", "district-admin");

        JsonObject cityPlan =
                Plans.saved(
                        A_ADMIN,
                        Y
                                + "年测试市数字治理工作要点\n一、数字政府\n"
                                + "1.推进全市数据共享交换。（责任单位：市数据局；完成时限："
                                + Y
                                + "年12月31日前）\n"
                                + "2.推进政务公开标准化建设。（责任单位：市政府办公厅；完成时限："
                                + Y
                                + "年12月31日前）\n",
                        "city.txt");
        assertThat(cityPlan.getString("level")).isEqualTo("CITY");
        JsonObject plan =
                Plans.saved(
                        A_ADMIN,
                        Y
                                + "年甲测试区数字治理工作要点\n一、重点工作\n"
                                + "1.建设甲区数据共享交换平台。（责任单位：长寿路街道；完成时限："
                                + Y
                                + "年3月31日前）\n"
                                + "2.开展甲区政务公开检查。（责任单位：区数据局；完成时限："
                                + Y
                                + "年6月30日前）\n",
                        "a.txt");
        assertThat(plan.getString("level")).isEqualTo("DISTRICT");
        Reply linked =
                Api.post(
                        A_ADMIN,
                        "/plans/" + plan.getString("id") + "/links",
                        Json.createObjectBuilder()
                                .add("pointId", Plans.point(plan, "1").getString("id"))
                                .add("targetPointId", Plans.point(cityPlan, "1").getString("id"))
                                .build()
                                .toString());
        assertThat(linked.status()).as(linked.body()).isEqualTo(204);
        Reply published =
                Api.post(
                        A_ADMIN,
                        "/plans/" + plan.getString("id") + "/publication",
                        "{\"allowOpen\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        Db.maintExecute(
                "update task set status = 'APPROVED', progress = 100, completed_on = '"
                        + Y
                        + "-03-25', on_time = true, rating = 'EXCELLENT' where tenant_id = '"
                        + A
                        + "' and point_id = '"
                        + Plans.point(plan, "1").getString("id")
                        + "'");
        Reply scheme =
                Api.post(
                        A_ADMIN,
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                + "\"indicators\":[{\"name\":\"重点工作\",\"points\":100,\"target\":\"SECTION\",\"targetId\":\""
                                + plan.getJsonArray("sections").getJsonObject(0).getString("id")
                                + "\"}]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);
        Reply closed = Api.post(A_ADMIN, "/evaluation/periods/" + Y + "/close", "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        Reply draft = Api.post(A_ADMIN, "/circulars", "{\"period\":\"" + Y + "\"}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Reply issued =
                Api.post(A_ADMIN, "/circulars/" + draft.json().getString("id") + "/issue", "{}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void theOperatorCreatesTheCityAndSetsItsMembersOnItsTrail() throws SQLException {
        Reply created =
                Api.post(
                        "operator",
                        "/tenants",
                        "{\"id\":\""
                                + CITY
                                + "\",\"name\":\"测试市\",\"kind\":\"CITY\",\"units\":[]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getString("kind")).isEqualTo("CITY");
        Db.maintExecute(
                "insert into tenant (id, name, kind) values ('"
                        + OTHER_CITY
                        + "', '另一测试市', 'CITY') on conflict do nothing");
        OwnDistrict.person(CITY, VIEWER, null, "city-viewer");
        OwnDistrict.person(OTHER_CITY, OTHER_VIEWER, null, "city-viewer");

        // Nobody but the operator sets memberships; a district least of all.
        for (String user : List.of(A_ADMIN, VIEWER)) {
            assertThat(put(user, CITY, A).status()).as(user).isEqualTo(403);
            assertThat(Api.get(user, "/platform/cities").status()).as(user).isEqualTo(403);
        }
        assertThat(put("operator", CITY, A).status()).isEqualTo(200);
        assertThat(put("operator", CITY, B).status()).isEqualTo(200);
        // Wrong kinds, unknown ids, a district in two cities.
        assertThat(put("operator", A, B).problemCode()).isEqualTo("city.not-a-city");
        assertThat(put("operator", CITY, OTHER_CITY).problemCode())
                .isEqualTo("city.not-a-district");
        assertThat(put("operator", CITY, "no-such").status()).isEqualTo(404);
        assertThat(put("operator", OTHER_CITY, A).problemCode()).isEqualTo("city.member-taken");

        JsonObject city =
                Api.get("operator", "/platform/cities").array().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(c -> c.getString("id").equals(CITY))
                        .findFirst()
                        .orElseThrow();
        assertThat(
                        city.getJsonArray("members").stream()
                                .map(m -> m.asJsonObject().getString("districtName")))
                .containsExactly("甲测试区", "乙测试区");
        assertThat(
                        Db.maintCount(
                                "select count(*) from operator_audit where action ="
                                        + " 'city.member-added' and subject = '"
                                        + CITY
                                        + "' and actor = 'operator'"))
                .isEqualTo(2);
        // A membership written past the service, as the application role without the operator's
        // setting: the table's policy refuses it.
        assertThatThrownBy(
                        () ->
                                Db.appRoleRun(
                                        X,
                                        "insert into city_membership (city_id, district_id,"
                                                + " city_name, district_name, added_by) values ('"
                                                + CITY
                                                + "', '"
                                                + X
                                                + "', 'x', 'x', 'x')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("row-level security");
    }

    @Test
    @Order(2)
    void aDistrictThatIsNoMemberCannotSend() throws SQLException {
        for (String path : List.of("/city-reports", "/city-reports/preview")) {
            Reply r =
                    path.endsWith("preview")
                            ? Api.get(X_ADMIN, path)
                            : Api.post(X_ADMIN, path, "{}");
            assertThat(r.status()).as(path).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.problemCode()).isEqualTo("city.not-member");
        }
        assertThat(
                        Db.maintCount(
                                "select count(*) from city_snapshot where district_id = '"
                                        + X
                                        + "'"))
                .isZero();
        assertThat(Db.maintCount("select count(*) from city_report where tenant_id = '" + X + "'"))
                .isZero();
    }

    @Test
    @Order(3)
    void aMemberSendsWhatItPreviewedAndTheHashIsInItsAuditChain() throws Exception {
        JsonObject preview = Api.get(A_ADMIN, "/city-reports/preview").json();
        Reply sent = Api.post(A_ADMIN, "/city-reports", "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonObject s = sent.json();
        sentId = s.getString("id");
        sentSha = s.getString("sha256");
        sentContent = s.getString("content");
        assertThat(sentContent).isEqualTo(preview.getString("content"));
        assertThat(sentSha)
                .isEqualTo(preview.getString("sha256"))
                .isEqualTo(ProgressReports.sha256(sentContent.getBytes(StandardCharsets.UTF_8)));
        JsonObject content = Json.createReader(new java.io.StringReader(sentContent)).readObject();
        assertThat(content.getString("district")).isEqualTo(A);
        assertThat(content.getString("districtName")).isEqualTo("甲测试区");
        assertThat(content.getInt("year")).isEqualTo(Y);
        assertThat(content.getJsonObject("standing").getString("period"))
                .isEqualTo(String.valueOf(Y));
        assertThat(content.getJsonObject("standing").getJsonArray("units")).isNotEmpty();
        assertThat(content.getJsonArray("circulars")).hasSize(1);
        assertThat(content.getJsonArray("circulars").getJsonObject(0).getString("docNumber"))
                .contains("〔");
        JsonObject point1 = content.getJsonArray("coverage").getJsonObject(0);
        assertThat(point1.getString("number")).isEqualTo("1");
        assertThat(point1.getJsonArray("responses").getString(0)).isEqualTo("1");
        assertThat(content.getJsonArray("coverage").getJsonObject(1).getJsonArray("responses"))
                .isEmpty();
        JsonObject progress = content.getJsonObject("progress");
        assertThat(progress.getInt("tasks")).isEqualTo(2);
        assertThat(progress.getInt("completed")).isEqualTo(1);
        assertThat(progress.getInt("overdue")).isEqualTo(1);

        // The hash is in the district's chain, on the entry about this snapshot, and the chain
        // holds.
        assertThat(
                        Db.maintCount(
                                "select count(*) from audit_log where tenant_id = '"
                                        + A
                                        + "' and action = 'city.report-sent' and entity_id = '"
                                        + sentId
                                        + "' and detail::jsonb ->> 'sha256' = '"
                                        + sentSha
                                        + "'"))
                .isEqualTo(1);
        assertThat(Api.get(A_ADMIN, "/audit/verify").json().getBoolean("intact")).isTrue();
        // The district sees exactly what it sent.
        JsonObject mine = Api.get(A_ADMIN, "/city-reports/" + sentId).json();
        assertThat(mine.getString("content")).isEqualTo(sentContent);
        assertThat(Api.get(A_ADMIN, "/city-reports").array()).hasSize(1);

        // The city received the same bytes, with the district named by the database, not the
        // caller.
        JsonObject received = Api.get(VIEWER, "/city/snapshots/" + sentId).json();
        assertThat(received.getString("content")).isEqualTo(sentContent);
        assertThat(received.getString("sha256")).isEqualTo(sentSha);
        assertThat(received.getString("district")).isEqualTo(A);
        assertThat(received.getString("districtName")).isEqualTo("甲测试区");

        Reply b = Api.post(B_ADMIN, "/city-reports", "{}");
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        assertThat(Api.get(VIEWER, "/city/snapshots").array()).hasSize(2);
    }

    @Test
    @Order(4)
    void theDatabasePathRefusesForgedMembershipsAndDirectWrites() throws Exception {
        long before = Db.maintCount("select count(*) from city_snapshot");
        String content = "{\"forged\":true}";
        String sha = ProgressReports.sha256(content.getBytes(StandardCharsets.UTF_8));
        // The non-member district calling the function itself; the tenant setting tampered to
        // the city, to nobody, to a tenant that does not exist; a member sending to another city.
        List<String[]> forged =
                List.of(
                        new String[] {X, CITY},
                        new String[] {CITY, CITY},
                        new String[] {"", CITY},
                        new String[] {"no-such", CITY},
                        new String[] {A, OTHER_CITY},
                        new String[] {null, CITY});
        List<String> passed = new ArrayList<>();
        for (String[] f : forged) {
            try {
                Db.appRoleRun(f[0], send(f[1], content, sha));
                passed.add(f[0] + " → " + f[1]);
            } catch (SQLException e) {
                assertThat(e.getMessage()).contains("city.");
            }
        }
        assertThat(passed).as("forged sends the function let through").isEmpty();
        // A member with a hash that is not its content's.
        assertThatThrownBy(() -> Db.appRoleRun(A, send(CITY, content, "0".repeat(64))))
                .hasMessageContaining("city.hash-mismatch");
        // No way around the function: the application role cannot write the city's table at all.
        for (String tenant : List.of(A, CITY)) {
            assertThatThrownBy(
                            () ->
                                    Db.appRoleRun(
                                            tenant,
                                            "insert into city_snapshot (tenant_id, id, district_id,"
                                                    + " district_name, content, sha256, sent_by,"
                                                    + " sent_at) values ('"
                                                    + CITY
                                                    + "', gen_random_uuid(), '"
                                                    + A
                                                    + "', '甲测试区', '"
                                                    + content
                                                    + "', '"
                                                    + sha
                                                    + "', 'x', now())"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(
                            () ->
                                    Db.appRoleRun(
                                            tenant,
                                            "update city_snapshot set content = '{}' where id = '"
                                                    + sentId
                                                    + "'"))
                    .hasMessageContaining("permission denied");
        }
        assertThat(Db.maintCount("select count(*) from city_snapshot")).isEqualTo(before);
        // A member through the function does get in: the refusals above are not a broken path.
        Db.appRoleRun(A, send(CITY, content, sha));
        assertThat(Db.maintCount("select count(*) from city_snapshot")).isEqualTo(before + 1);
        Db.maintExecute("delete from city_snapshot where content = '" + content + "'");
    }

    static String send(String city, String content, String sha) {
        return "select city_snapshot_send('"
                + city
                + "', gen_random_uuid(), '"
                + content
                + "', '"
                + sha
                + "', 'attacker')";
    }

    @Test
    @Order(5)
    void aCityReadsOnlyWhatItReceived() throws SQLException {
        // Every district endpoint refuses a city viewer (role) …
        List<String> wrong = new ArrayList<>();
        for (String path :
                List.of(
                        "/tasks",
                        "/tasks/mine",
                        "/units",
                        "/plans",
                        "/tenants/current",
                        "/evaluation/rankings?period=" + Y,
                        "/evaluation/periods?year=" + Y,
                        "/circulars?year=" + Y,
                        "/audit",
                        "/audit/entries",
                        "/inbox",
                        "/colours/overview",
                        "/city-reports",
                        "/city-reports/" + sentId,
                        "/platform/cities",
                        "/accounts")) {
            int status = Api.get(VIEWER, path).status();
            if (status != 403 && status != 404) wrong.add(path + " → " + status);
        }
        assertThat(wrong).isEmpty();
        // … and a district reads no city endpoint; another district's sent id is not found.
        for (String path :
                List.of("/city/snapshots", "/city/overview", "/city/snapshots/" + sentId)) {
            assertThat(Api.get(A_ADMIN, path).status()).as(path).isEqualTo(403);
        }
        assertThat(Api.get(B_ADMIN, "/city-reports/" + sentId).status()).isEqualTo(404);
        // Another city sees none of this city's snapshots.
        assertThat(Api.get(OTHER_VIEWER, "/city/snapshots/" + sentId).status()).isEqualTo(404);
        assertThat(Api.get(OTHER_VIEWER, "/city/snapshots").array()).isEmpty();
        assertThat(Api.get(OTHER_VIEWER, "/city/overview").json().getJsonArray("districts"))
                .isEmpty();
        // Under the application role in the city's tenant, no district row is visible: RLS holds.
        for (String table :
                List.of("task", "plan", "circular", "evaluation_snapshot", "city_report")) {
            assertThat(Db.appRoleCountIn(CITY, "select count(*) from " + table)).as(table).isZero();
        }
        assertThat(Db.appRoleCountIn(CITY, "select count(*) from city_snapshot")).isEqualTo(2);
        assertThat(Db.appRoleCountIn(A, "select count(*) from city_snapshot")).isZero();
    }

    @Test
    @Order(6)
    void theCitySeesItsDistrictsSideBySide() throws Exception {
        JsonObject overview = Api.get(VIEWER, "/city/overview").json();
        assertThat(
                        overview.getJsonArray("districts").stream()
                                .map(d -> d.asJsonObject().getString("districtName")))
                .containsExactly("甲测试区", "乙测试区");
        assertThat(overview.getJsonArray("coverage")).hasSize(2);
        assertThat(overview.getJsonArray("circulars")).hasSize(1);

        for (Dimension size : List.of(PHONE, DESKTOP)) {
            open(size);
            login(VIEWER);
            go("/app/city/index.xhtml", "各区对比");
            String districts = text("districts");
            assertThat(districts).contains("甲测试区", "乙测试区", "50.0%", "1/2");
            String aRow =
                    browser.findElement(
                                    By.xpath(
                                            "//tbody[contains(@id,'districts')]/tr[.//span[@class='district-name' and .='甲测试区']]"))
                            .getText();
            assertThat(aRow).contains("50.0%").contains("1/2");
            assertThat(
                            browser.findElement(
                                            By.xpath(
                                                    "//tbody[contains(@id,'districts')]/tr[.//span[@class='tasks']]//span[@class='tasks']"))
                                    .getText())
                    .isEqualTo("2");
            assertThat(text("coverage")).contains("推进全市数据共享交换", "未覆盖");
            assertThat(text("circulars")).contains("甲测试区");
            assertThat(text("received")).contains(sentSha);
            shoot(SHOTS, "city", size);
            assertNoSidewaysScroll();
            logout();

            login(A_ADMIN);
            go("/app/admin/city-reports.xhtml?id=" + sentId, "报送市级");
            assertThat(text("sent")).contains("测试市", sentSha);
            assertThat(text("shown-sha256")).isEqualTo(sentSha);
            shoot(SHOTS, "district", size);
            assertNoSidewaysScroll();
            quitBrowser();
        }
    }

    private void assertNoSidewaysScroll() {
        long scroll =
                ((Number)
                                js(
                                        "return document.documentElement.scrollWidth -"
                                                + " document.documentElement.clientWidth;"))
                        .longValue();
        assertThat(scroll)
                .as("sideways scroll at " + browser.manage().window().getSize())
                .isLessThanOrEqualTo(0);
    }

    static Reply put(String user, String city, String district) {
        return Api.put(user, "/platform/cities/" + city + "/members/" + district, "", null);
    }
}
