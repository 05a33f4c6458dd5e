package cn.duban.it;

import static cn.duban.it.support.Plans.flatten;
import static cn.duban.it.support.Plans.point;
import static cn.duban.it.support.Plans.saved;
import static cn.duban.it.support.Plans.textRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.client.PlanDocuments;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.Charset;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Importing work-point documents: preview, save, duplicates, bad input, isolation, links, next
 * year.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlanImportIT {

    /** A town's own plan answering some of the district plan's points, in another style. */
    static final String TOWN_PLAN =
            """
            长寿路街道2025年政务公开工作要点
            一、全面履行政府信息公开职责
            （一）严格执行公文公开属性审查和发布审查程序，做到应公开尽公开。（街道党政办负责落实）
            （二）依法规范公开预决算、政府采购等财政信息。（街道财务办负责落实，完成时限：6月底前）
            二、深化政民互动
            （三）高质效办理中国政府网转办留言，严格办理时限，推动解决群众急难愁盼问题。（街道党政办、街道城运中心分别负责落实）
            长寿路街道办事处
            2025年6月3日
            """;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void previewParsesTheDistrictSeedAndResolvesUnits() throws IOException {
        String text =
                PlanDocuments.read(PlanDocuments.DISTRICT_SEED)
                        .replace("2025年上海市普陀区政务公开工作要点", "2025年上海市普陀区政务公开工作要点（预览）");
        Reply reply = Api.post("pt-admin", "/plans/preview", textRequest(text));
        assertThat(reply.status()).isEqualTo(200);
        JsonObject plan = reply.json();
        assertThat(plan.getString("title")).isEqualTo("2025年上海市普陀区政务公开工作要点（预览）");
        assertThat(plan.getInt("year")).isEqualTo(2025);
        assertThat(plan.getString("level")).isEqualTo("DISTRICT");
        assertThat(plan.getJsonArray("sections")).hasSizeGreaterThanOrEqualTo(4);

        JsonObject first = point(plan, "1");
        assertThat(first.getString("title")).startsWith("围绕经济社会发展主要任务深化信息公开");
        JsonObject fgw =
                first.getJsonArray("units").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(u -> u.getString("name").equals("区发改委"))
                        .findFirst()
                        .orElseThrow();
        assertThat(fgw.getString("unitId")).isNotBlank();
        assertThat(fgw.getString("role")).isEqualTo("LEAD");

        JsonObject second = point(plan, "2");
        JsonObject collective =
                second.getJsonArray("units").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(u -> u.getString("name").equals("各部门"))
                        .findFirst()
                        .orElseThrow();
        assertThat(collective.getBoolean("collective")).isTrue();

        assertThat(point(plan, "20").getJsonObject("deadline").getString("date"))
                .isEqualTo("2025-08-31");
        assertThat(point(plan, "22").getJsonObject("deadline").getString("date"))
                .isEqualTo("2025-10-31");
        assertThat(point(plan, "5").getJsonObject("deadline").getString("date"))
                .isEqualTo("2025-12-31");
        // Nothing was saved by a preview.
        assertThat(
                        Api.get("pt-admin", "/plans?year=2025").array().stream()
                                .filter(
                                        p ->
                                                p.asJsonObject()
                                                        .getString("title")
                                                        .equals(plan.getString("title"))))
                .isEmpty();
    }

    @Test
    void onlyDistrictAdminsImportAndTenantsAreIsolated() throws IOException, SQLException {
        assertThat(Api.post(null, "/plans/preview", textRequest("一、测试")).status()).isEqualTo(401);
        Reply reporter =
                Api.post(
                        "pt-csl",
                        "/plans/preview",
                        textRequest(PlanDocuments.read(PlanDocuments.DISTRICT_SEED)));
        assertThat(reporter.status()).isEqualTo(403);
        assertThat(Api.get("pt-csl", "/plans").status()).isEqualTo(403);

        String id =
                saved("jd-admin", PlanDocuments.read("anting-town-2025.txt"), "anting.txt")
                        .getString("id");
        assertThat(Api.get("jd-admin", "/plans/" + id).status()).isEqualTo(200);
        assertThat(Api.get("jd-leader", "/plans/" + id).status()).isEqualTo(200);
        Reply fromPutuo = Api.get("pt-admin", "/plans/" + id);
        assertThat(fromPutuo.status()).isEqualTo(404);
        assertThat(fromPutuo.problemCode()).isEqualTo("plan.not-found");
        assertThat(Api.getText("pt-admin", "/plans/" + id + "/source").status()).isEqualTo(404);
        assertThat(
                        Api.get("pt-admin", "/plans").array().stream()
                                .map(p -> p.asJsonObject().getString("id")))
                .doesNotContain(id);
        assertThat(Api.delete("pt-admin", "/plans/" + id).status()).isEqualTo(404);
        assertThat(Db.appRoleCount("select count(*) from plan_point")).isZero();
    }

    @Test
    void savingKeepsTheTextVerbatimAndRefusesTheSameDocumentTwice()
            throws IOException, SQLException {
        String text = PlanDocuments.read("huludao-city-2024.txt");
        JsonObject plan = saved("pt-admin", text, "huludao.txt");
        assertThat(plan.getString("level")).isEqualTo("CITY");
        assertThat(plan.getInt("year")).isEqualTo(2024);
        String id = plan.getString("id");
        Reply source = Api.getText("pt-admin", "/plans/" + id + "/source");
        assertThat(source.body()).isEqualTo(text);

        long points = Db.maintCount("select count(*) from plan_point where plan_id = '" + id + "'");
        assertThat(points)
                .isEqualTo(
                        plan.getJsonArray("sections").stream()
                                .mapToLong(
                                        s -> countPoints(s.asJsonObject().getJsonArray("points")))
                                .sum());

        Reply again =
                Api.post(
                        "pt-admin", "/plans", PlanDocuments.saveRequest(text, "huludao-again.txt"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("plan.duplicate");
        assertThat(
                        Api.post("pt-admin", "/plans/preview", textRequest(text))
                                .json()
                                .getString("duplicateOf"))
                .isEqualTo(id);
        assertThat(
                        Db.maintCount(
                                "select count(*) from plan where source_sha256 = (select source_sha256 from plan where id = '"
                                        + id
                                        + "')"))
                .isEqualTo(1);
    }

    @Test
    void badInputIsA4xxProblemAndNothingIsSaved() throws SQLException {
        long before = Db.maintCount("select count(*) from plan");
        Reply empty = Api.post("pt-admin", "/plans/preview", textRequest("   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.problemCode()).isEqualTo("plan.import.empty");

        Reply noNumbering =
                Api.post("pt-admin", "/plans/preview", textRequest("这是一段没有任何编号的普通文字。\n第二行也没有。"));
        assertThat(noNumbering.status()).isEqualTo(400);
        assertThat(noNumbering.problemCode()).isEqualTo("plan.import.no-numbering");
        assertThat(noNumbering.json().getString("detail")).isNotBlank();

        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        Reply garbage = Api.upload("pt-admin", "/plans/preview", "plan.txt", binary, Map.of());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.problemCode()).isEqualTo("plan.import.encoding");

        Reply oldWord =
                Api.upload(
                        "pt-admin",
                        "/plans/preview",
                        "plan.doc",
                        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, 0x20},
                        Map.of());
        // Word 97 files are read now (HWPF): a broken one is unreadable, not an unsupported type.
        assertThat(oldWord.status()).isEqualTo(400);

        Reply tooLarge =
                Api.upload(
                        "pt-admin",
                        "/plans/preview",
                        "big.txt",
                        new byte[6 * 1024 * 1024],
                        Map.of());
        assertThat(tooLarge.status()).isEqualTo(413);

        Reply invalid =
                Api.post(
                        "pt-admin",
                        "/plans",
                        Json.createObjectBuilder()
                                .add("sourceText", "一、某项工作\n1.某项任务。")
                                .add(
                                        "plan",
                                        Json.createObjectBuilder()
                                                .add("title", "")
                                                .add("level", "DISTRICT")
                                                .add("year", 2025)
                                                .add("sections", Json.createArrayBuilder()))
                                .build()
                                .toString());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problemCode()).isEqualTo("plan.invalid");
        assertThat(invalid.json().getString("detail")).contains("计划标题不能为空");
        assertThat(Db.maintCount("select count(*) from plan")).isEqualTo(before);
    }

    @Test
    void gbkUploadsReadLikeUtf8() throws IOException {
        String text = PlanDocuments.read(PlanDocuments.DISTRICT_SEED);
        Reply utf8 = Api.post("pt-admin", "/plans/preview", textRequest(text));
        Reply gbk =
                Api.upload(
                        "pt-admin",
                        "/plans/preview",
                        "putuo-gbk.txt",
                        text.getBytes(Charset.forName("GB18030")),
                        Map.of("year", "2025"));
        assertThat(gbk.status()).isEqualTo(200);
        assertThat(gbk.json().getString("title")).isEqualTo(utf8.json().getString("title"));
        assertThat(gbk.json().getJsonArray("sections"))
                .isEqualTo(utf8.json().getJsonArray("sections"));
        assertThat(gbk.json().getString("sourceText")).isEqualTo(text);
    }

    @Test
    void townPointsLinkToDistrictPointsAndCoverageShowsGaps() throws IOException {
        JsonObject district =
                saved("pt-admin", PlanDocuments.read(PlanDocuments.DISTRICT_SEED), "putuo.txt");
        JsonObject town = saved("pt-admin", TOWN_PLAN, "csl.txt");
        assertThat(town.getString("level")).isEqualTo("TOWN");
        assertThat(town.getString("ownerUnitId")).isEqualTo(Api.unitId("pt-admin", "长寿路街道"));

        List<JsonObject> suggestions =
                Api.get(
                                "pt-admin",
                                "/plans/"
                                        + town.getString("id")
                                        + "/link-suggestions?target="
                                        + district.getString("id"))
                        .array()
                        .stream()
                        .map(JsonValue::asJsonObject)
                        .toList();
        assertThat(suggestions).hasSize(3);
        // The town's (一) is the district's point 5, word for word: the best candidate.
        JsonObject best = suggestions.get(0).getJsonArray("candidates").getJsonObject(0);
        assertThat(best.getString("number")).isEqualTo("5");
        for (JsonObject s : suggestions) {
            JsonObject top = s.getJsonArray("candidates").getJsonObject(0);
            assertThat(
                            Api.post(
                                            "pt-admin",
                                            "/plans/" + town.getString("id") + "/links",
                                            Json.createObjectBuilder()
                                                    .add("pointId", s.getString("pointId"))
                                                    .add("targetPointId", top.getString("pointId"))
                                                    .build()
                                                    .toString())
                                    .status())
                    .isEqualTo(204);
        }
        assertThat(
                        suggestions
                                .get(2)
                                .getJsonArray("candidates")
                                .getJsonObject(0)
                                .getString("number"))
                .isEqualTo("24");

        JsonObject coverage =
                Api.get("pt-admin", "/plans/" + district.getString("id") + "/coverage").json();
        // The ten demo towns, and any town another test class added to 普陀区 in this run.
        assertThat(coverage.getJsonArray("respondents")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(coverage.getJsonArray("plansMissing").getValuesAs(JsonValue::toString))
                .doesNotContain("\"长寿路街道\"");
        JsonObject row5 =
                coverage.getJsonArray("rows").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(r -> r.getString("number").equals("5"))
                        .findFirst()
                        .orElseThrow();
        assertThat(row5.getJsonArray("respondedBy").getJsonObject(0).getString("unitName"))
                .isEqualTo("长寿路街道");
        // Every other town is missing: the nine other demo towns and any town another test class
        // added.
        assertThat(row5.getJsonArray("missing"))
                .hasSize(coverage.getJsonArray("respondents").size() - 1);
        assertThat(coverage.getInt("fullyCovered")).isZero();

        // A town point cannot be linked to another town's plan level: links go one level up only.
        Reply sideways =
                Api.get(
                        "pt-admin",
                        "/plans/"
                                + district.getString("id")
                                + "/link-suggestions?target="
                                + town.getString("id"));
        assertThat(sideways.status()).isEqualTo(400);
        assertThat(sideways.problemCode()).isEqualTo("plan.link-level");
    }

    @Test
    void nextYearsPlanComesFromThisYearsTemplate() throws IOException {
        String text =
                PlanDocuments.read(PlanDocuments.DISTRICT_SEED)
                        .replace("2025年上海市普陀区政务公开工作要点", "2025年上海市普陀区政务公开工作要点（模板）");
        JsonObject plan = saved("pt-admin", text, "putuo-template.txt");
        Reply next = Api.post("pt-admin", "/plans/" + plan.getString("id") + "/next-year", "{}");
        assertThat(next.status()).isEqualTo(201);
        JsonObject copy = next.json();
        assertThat(copy.getInt("year")).isEqualTo(2026);
        assertThat(copy.getString("derivedFrom")).isEqualTo(plan.getString("id"));
        assertThat(point(copy, "20").getJsonObject("deadline").getString("date"))
                .isEqualTo("2026-08-31");
        assertThat(point(copy, "1").getJsonObject("deadline").getString("date"))
                .isEqualTo("2026-12-31");
        assertThat(
                        Api.post("pt-admin", "/plans/" + plan.getString("id") + "/next-year", "{}")
                                .problemCode())
                .isEqualTo("plan.duplicate");
        assertThat(Api.delete("pt-admin", "/plans/" + plan.getString("id")).problemCode())
                .isEqualTo("plan.in-use");
    }

    @Test
    void aNameMappedByTheUserIsRememberedForTheNextImport() {
        String text = "2025年某专项工作要点\n一、重点任务\n1.开展专项检查。（责任单位：普陀区数据管理局，完成时限：9月底前）\n";
        JsonObject preview = Api.post("pt-admin", "/plans/preview", textRequest(text)).json();
        assertThat(preview.getJsonArray("unresolved").getString(0)).isEqualTo("普陀区数据管理局");
        String sjj = Api.unitId("pt-admin", "区数据局");
        String edited =
                preview.toString()
                        .replace(
                                "\"name\":\"普陀区数据管理局\"",
                                "\"name\":\"普陀区数据管理局\",\"unitId\":\"" + sjj + "\"");
        Reply saved =
                Api.post(
                        "pt-admin",
                        "/plans",
                        "{\"sourceText\":" + Json.createValue(text) + ",\"plan\":" + edited + "}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        JsonObject again =
                Api.post("pt-admin", "/plans/preview", textRequest(text.replace("专项检查", "专项复查")))
                        .json();
        assertThat(again.getJsonArray("unresolved")).isEmpty();
        assertThat(point(again, "1").getJsonArray("units").getJsonObject(0).getString("unitId"))
                .isEqualTo(sjj);
    }

    // ---- helpers

    private static long countPoints(jakarta.json.JsonArray points) {
        return flatten(points).size();
    }
}
