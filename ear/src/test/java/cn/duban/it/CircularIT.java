package cn.duban.it;

import static cn.duban.it.support.Pdfs.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Circulars in 嘉定区 (so as not to touch 普陀区's evaluation): a draft previewed, edited, issued under a
 * number, frozen, delivered; the PDF read back with PDFBox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CircularIT {

    static final int Y = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    /**
     * The year of issue, which a 文号 carries (a circular on last year issued now is numbered this
     * year).
     */
    static final int ISSUED = Y + 1;

    static String anting, nanxiang;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void aPlanWithAScheme() throws SQLException {
        String text =
                Y
                        + "年嘉定区通报测试工作要点\n"
                        + "一、政务公开\n"
                        + "1.做好通报测试财政信息公开。（责任单位：安亭镇、南翔镇；完成时限："
                        + Y
                        + "年3月31日前）\n"
                        + "2.建设通报测试政务数据目录。（责任单位：区数据局；完成时限："
                        + Y
                        + "年5月31日前）\n";
        JsonObject saved = Plans.saved("jd-admin", text, "circular.txt");
        assertThat(
                        Api.post(
                                        "jd-admin",
                                        "/plans/" + saved.getString("id") + "/publication",
                                        "{\"allowOpen\":true}")
                                .status())
                .isEqualTo(200);
        anting = Api.unitId("jd-admin", "安亭镇");
        nanxiang = Api.unitId("jd-admin", "南翔镇");
        String p1 = Plans.point(saved, "1").getString("id");
        Db.maintExecute(
                "update task set status = 'APPROVED', progress = 100, completed_on = '"
                        + Y
                        + "-03-25', on_time = true, "
                        + "rating = 'EXCELLENT' where point_id = '"
                        + p1
                        + "' and unit_id = '"
                        + anting
                        + "'");
        Reply scheme =
                Api.post(
                        "jd-admin",
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                + "\"indicators\":[{\"name\":\"政务公开\",\"points\":100,\"target\":\"SECTION\",\"targetId\":\""
                                + saved.getJsonArray("sections").getJsonObject(0).getString("id")
                                + "\"}]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);
    }

    static Reply put(String path, String json, int version) {
        return Api.send(
                "jd-admin",
                HttpRequest.newBuilder(URI.create(Api.base() + path))
                        .header("Content-Type", "application/json")
                        .header("If-Match", String.valueOf(version))
                        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    @Test
    void aDraftIsPreviewedEditedIssuedFrozenAndDelivered() throws Exception {
        Reply created = Api.post("jd-admin", "/circulars", "{\"period\":\"" + Y + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject draft = created.json();
        String id = draft.getString("id");
        assertThat(draft.getString("state")).isEqualTo("DRAFT");
        assertThat(draft.getString("title")).isEqualTo("关于" + Y + "年度工作要点落实情况的通报");

        // Drafts are the office's: units do not see them, other districts cannot reach them.
        assertThat(Api.get("jd-anting", "/circulars/" + id).status()).isEqualTo(404);
        assertThat(Api.get("jd-anting", "/circulars?year=" + Y).array()).isEmpty();
        assertThat(Api.get("pt-admin", "/circulars/" + id).status()).isEqualTo(404);
        assertThat(Api.post("jd-anting", "/circulars/" + id + "/issue", "{}").status())
                .isEqualTo(403);

        Reply edited =
                put(
                        "/circulars/" + id,
                        "{\"issuingOffice\":\"上海市嘉定区人民政府办公室\",\"docPrefix\":\"嘉府办通\","
                                + "\"title\":\"关于"
                                + Y
                                + "年度政务公开工作落实情况的通报\",\"praiseReason\":\"以下单位按时完成全部任务，予以通报表扬\","
                                + "\"nextSteps\":\"一、逾期单位须在5个工作日内完成整改。\\n\\n二、区府办将继续跟踪督办。\"}",
                        draft.getInt("version"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(put("/circulars/" + id, "{\"title\":\"x\"}", draft.getInt("version")).status())
                .isEqualTo(409);
        assertThat(
                        put(
                                        "/circulars/" + id,
                                        "{\"issuingOffice\":\"x\"}",
                                        edited.json().getInt("version"))
                                .problemCode())
                .isEqualTo("circular.invalid");

        String preview = text(Api.bytes("jd-admin", "/circulars/" + id + "/document.pdf"));
        assertThat(preview)
                .contains("嘉府办通〔" + ISSUED + "〕")
                .doesNotContain("嘉府办通〔" + Y + "〕")
                .contains("安亭镇")
                .contains("南翔镇")
                .contains("区数据局");

        Reply issued = Api.post("jd-admin", "/circulars/" + id + "/issue", "{}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        JsonObject c = issued.json();
        assertThat(c.getString("state")).isEqualTo("ISSUED");
        String number = c.getString("docNumber");
        assertThat(number).matches("嘉府办通〔" + ISSUED + "〕\\d+号");
        int seq = Integer.parseInt(number.substring(number.indexOf('〕') + 1, number.length() - 1));

        byte[] pdf = Api.bytes("jd-anting", "/circulars/" + id + "/document.pdf");
        assertThat(ProgressReports.sha256(pdf)).isEqualTo(c.getString("sha256"));
        String text = text(pdf);
        assertThat(text)
                .contains(
                        "上海市嘉定区人民政府办公室",
                        number,
                        "关于" + Y + "年度政务公开工作落实情况的通报",
                        "安亭镇",
                        "南翔镇",
                        "区数据局",
                        "100.00",
                        "做好通报测试财政信息公开",
                        "建设通报测试政务数据目录",
                        "逾期单位须在5个工作日内完成整改",
                        "以下单位按时完成全部任务，予以通报表扬：安亭镇",
                        "任务完成率33.3%");
        // The 总体情况 paragraph ends with the open tasks' colours on the day of issue.
        JsonObject colours = Api.get("jd-admin", "/colours/overview").json();
        assertThat(text.replaceAll("\\s+", ""))
                .contains(
                        "在办任务亮红灯"
                                + colours.getInt("red")
                                + "项、黄灯"
                                + colours.getInt("amber")
                                + "项、绿灯"
                                + colours.getInt("green")
                                + "项。");
        // The issued PDF is archived: asking again returns the same bytes.
        assertThat(Api.bytes("jd-admin", "/circulars/" + id + "/document.pdf")).isEqualTo(pdf);

        byte[] docx = Api.bytes("jd-admin", "/circulars/" + id + "/document.docx");
        assertThat(entry(docx, "word/document.xml")).contains(number).contains("安亭镇");
        byte[] xlsx = Api.bytes("jd-admin", "/circulars/" + id + "/document.xlsx");
        assertThat(entry(xlsx, "xl/sharedStrings.xml") + entry(xlsx, "xl/worksheets/sheet1.xml"))
                .contains("南翔镇");

        // Issued means frozen, for the API and for the database role alike.
        assertThat(put("/circulars/" + id, "{\"title\":\"改\"}", c.getInt("version")).problemCode())
                .isEqualTo("circular.issued");
        assertThat(Api.delete("jd-admin", "/circulars/" + id).problemCode())
                .isEqualTo("circular.issued");
        assertThatThrownBy(
                        () ->
                                Db.appRoleExecute(
                                        "jiading",
                                        "update circular set title = '改' where id = '" + id + "'"))
                .isInstanceOf(SQLException.class);

        assertThat(
                        Api.get("jd-anting", "/inbox").array().stream()
                                .map(m -> m.asJsonObject().getString("subject")))
                .anyMatch(s -> s.startsWith("【工作通报】" + number));
        assertThat(
                        Api.get("pt-csl", "/inbox").array().stream()
                                .map(m -> m.asJsonObject().getString("subject")))
                .noneMatch(s -> s.contains("嘉府办通"));
        assertThat(
                        Db.maintCount(
                                "select count(*) from audit_log where tenant_id = 'jiading' and action = 'circular.issued' "
                                        + "and entity_id = '"
                                        + id
                                        + "'"))
                .isEqualTo(1);

        // Numbers run on within the year of issue.
        String second =
                Api.post("jd-admin", "/circulars", "{\"period\":\"" + Y + "-Q3\"}")
                        .json()
                        .getString("id");
        assertThat(
                        Api.post("jd-admin", "/circulars/" + second + "/issue", "{}")
                                .json()
                                .getString("docNumber"))
                .isEqualTo("嘉府办通〔" + ISSUED + "〕" + (seq + 1) + "号");
    }

    @Test
    void theMonthlyJobDraftsLastMonthAndQuarterOnce() {
        Reply first = Api.post("jd-admin", "/circulars/due?date=" + (Y + 1) + "-01-01", "{}");
        assertThat(first.json().getInt("drafted")).isEqualTo(2); // December and the fourth quarter
        assertThat(
                        Api.post("jd-admin", "/circulars/due?date=" + (Y + 1) + "-01-01", "{}")
                                .json()
                                .getInt("drafted"))
                .isZero();
        assertThat(
                        Api.post("jd-admin", "/circulars/due?date=" + (Y + 1) + "-01-02", "{}")
                                .json()
                                .getInt("drafted"))
                .isZero();
        assertThat(
                        Api.get("jd-admin", "/inbox").array().stream()
                                .map(m -> m.asJsonObject().getString("subject")))
                .contains(Y + "年12月工作通报草稿已生成", Y + "年第四季度工作通报草稿已生成");
    }

    @Test
    void aUnitsLedgerAndScoreAsPdf() throws IOException {
        // A reporter gets its own unit's ledger; another unit's is not found (as on /tasks).
        assertThat(Api.getAny("jd-anting", "/tasks/ledger.pdf?unit=" + nanxiang).status())
                .isEqualTo(404);
        String ledger = text(Api.bytes("jd-anting", "/tasks/ledger.pdf"));
        assertThat(ledger).contains("安亭镇任务台账").contains("做好通报测试财政信息公开").doesNotContain("南翔镇任务台账");
        String score =
                text(
                        Api.bytes(
                                "jd-admin",
                                "/evaluation/units/" + anting + "/breakdown.pdf?period=" + Y));
        assertThat(score).contains("安亭镇").contains("100.00").contains("按期办结");
        assertThat(
                        Api.getAny(
                                        "jd-anting",
                                        "/evaluation/units/"
                                                + nanxiang
                                                + "/breakdown.pdf?period="
                                                + Y)
                                .status())
                .isEqualTo(404);
    }

    static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name))
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
