package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Pdfs;
import cn.duban.it.support.ProgressReports;
import cn.duban.it.support.Rankings;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 19 items 5–6: matters from every source (single and batch, the refusals), counted or not by
 * the scheme's source weights, found by the ledger's source filter, named with their source in a
 * circular; the leader's instruction shown to the unit; a key task's sign-off after the district's
 * approval, with every refusal by role and tenant; and on a phone, the leader signing off and the
 * unit reading the instruction. A year of its own (2003), its open tasks cancelled afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskSourcesIT extends PageTest {

    static final int Y = 2003;
    static final String SCRIPT = "<script>alert('x')</script>";
    static final Path SHOTS = Path.of("target/screenshots");
    static String csl, sjj, leadTask, coTask, hotlineTask, keyTask, circular;
    static final List<String> created = new ArrayList<>();

    static Reply call(String user, String method, String path, String body, Integer ifMatch) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(Api.base() + path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                body, StandardCharsets.UTF_8));
        if (ifMatch != null) b.header("If-Match", String.valueOf(ifMatch));
        return Api.send(user, b);
    }

    static String matter(
            String source, String title, String reference, String lead, String co, boolean key) {
        return "{\"source\":\""
                + source
                + "\",\"title\":\""
                + title
                + "\",\"reference\":\""
                + reference
                + "\",\"leadUnitId\":\""
                + lead
                + "\",\"coUnitIds\":["
                + (co == null ? "" : "\"" + co + "\"")
                + "],\"deadline\":\""
                + Y
                + "-03-31\",\"keyTask\":"
                + key
                + "}";
    }

    static long total(String user, String query) {
        return Api.get(user, "/tasks?" + query).json().getJsonNumber("total").longValue();
    }

    @Test
    @Order(1)
    void mattersAreEnteredOneByOneAndInABatch() {
        csl = Api.unitId("pt-admin", "长寿路街道");
        sjj = Api.unitId("pt-admin", "区数据局");
        // One matter: a task for the lead and one for the co-unit; script in the texts is data.
        Reply one =
                Api.post(
                        "pt-admin",
                        "/matters",
                        matter(
                                "LEADER_INSTRUCTION",
                                "推进预算公开" + SCRIPT.replace("'", "\\u0027"),
                                "张区长" + SCRIPT.replace("'", "\\u0027"),
                                csl,
                                sjj,
                                false));
        assertThat(one.status()).as(one.body()).isEqualTo(201);
        assertThat(one.json().getJsonObject("source").getString("kind")).isEqualTo("INSTRUCTED_BY");
        leadTask = one.json().getJsonArray("taskIds").getString(0);
        coTask = one.json().getJsonArray("taskIds").getString(1);
        created.add(leadTask);
        created.add(coTask);
        JsonObject detail = Api.get("pt-csl", "/tasks/" + leadTask).json();
        assertThat(detail.getJsonObject("task").getString("source"))
                .isEqualTo("LEADER_INSTRUCTION");
        assertThat(detail.getJsonObject("task").getString("role")).isEqualTo("LEAD");
        assertThat(detail.getJsonObject("source").getString("reference")).isEqualTo("张区长" + SCRIPT);
        assertThat(
                        Api.get("pt-sjj", "/tasks/" + coTask)
                                .json()
                                .getJsonObject("task")
                                .getString("role"))
                .isEqualTo("COOPERATING");
        String trail = Api.get("pt-admin", "/tasks/" + leadTask + "/history").body();
        assertThat(trail).contains("matter.created").contains("LEADER_INSTRUCTION").contains("张区长");

        // A pasted batch: every row or none.
        long before = total("pt-admin", "source=HOTLINE_12345");
        String header = "来源\t事项\t依据\t牵头单位\t配合单位\t完成时限\t重点\n";
        Reply bad =
                Api.post(
                        "pt-admin",
                        "/matters/batch",
                        json(
                                header
                                        + "12345热线\t处理积压工单\t\t长寿路街道\t\t"
                                        + Y
                                        + "-03-31\t\n"
                                        + "会议决定事项\t修缮道路\t区政府常务会议\t不存在的局\t\t"
                                        + Y
                                        + "-03-31\t是\n"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.problemCode()).isEqualTo("matter.invalid");
        assertThat(bad.body()).contains("不存在的局");
        assertThat(total("pt-admin", "source=HOTLINE_12345")).isEqualTo(before);
        Reply batch =
                Api.post(
                        "pt-admin",
                        "/matters/batch",
                        json(
                                header
                                        + "12345热线\t处理积压工单\tGD"
                                        + Y
                                        + "0001\t长寿路街道\t\t"
                                        + Y
                                        + "-03-31\t\n"
                                        + "会议决定事项\t修缮道路\t区政府常务会议\t区数据局\t\t"
                                        + Y
                                        + "年3月31日\t是\n"));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().getInt("created")).isEqualTo(2);
        for (JsonValue m : batch.json().getJsonArray("matters"))
            m.asJsonObject().getJsonArray("taskIds").forEach(t -> created.add(str(t)));
        hotlineTask =
                batch.json()
                        .getJsonArray("matters")
                        .getJsonObject(0)
                        .getJsonArray("taskIds")
                        .getString(0);
        assertThat(
                        Api.get("pt-admin", "/tasks/" + hotlineTask)
                                .json()
                                .getJsonObject("source")
                                .getString("referenceKind"))
                .isEqualTo("TICKET");

        // The ledger's source filter.
        assertThat(total("pt-admin", "source=HOTLINE_12345")).isEqualTo(before + 1);
        JsonObject hotline = Api.get("pt-leader", "/tasks?source=HOTLINE_12345").json();
        for (JsonValue t : hotline.getJsonArray("items"))
            assertThat(t.asJsonObject().getString("source")).isEqualTo("HOTLINE_12345");
        assertThat(hotline.toString()).contains("处理积压工单").doesNotContain("推进预算公开");
        assertThat(Api.get("pt-admin", "/tasks?source=NOPE").problemCode())
                .isEqualTo("request.value-invalid");

        // 10,000 rows: refused whole, with a clear code.
        StringBuilder big = new StringBuilder(header);
        for (int i = 0; i < 10_000; i++)
            big.append("12345热线\t工单")
                    .append(i)
                    .append("\t\t长寿路街道\t\t")
                    .append(Y)
                    .append("-03-31\t\n");
        Reply huge = Api.post("pt-admin", "/matters/batch", json(big.toString()));
        assertThat(huge.status()).as(huge.body()).isEqualTo(413);
        assertThat(huge.problemCode()).isEqualTo("matter.batch-too-large");
        assertThat(total("pt-admin", "source=HOTLINE_12345")).isEqualTo(before + 1);

        // A unit may not enter matters; another district cannot name this district's units.
        assertThat(
                        Api.post(
                                        "pt-csl",
                                        "/matters",
                                        matter("HOTLINE_12345", "x", "", csl, null, false))
                                .status())
                .isEqualTo(403);
        Reply foreign =
                Api.post(
                        "jd-admin",
                        "/matters",
                        matter("HOTLINE_12345", "越界事项", "", csl, null, false));
        assertThat(foreign.problemCode()).isEqualTo("matter.invalid");
        assertThat(total("jd-admin", "q=越界事项")).isZero();
        assertThat(
                        Api.post("pt-admin", "/matters", matter("PLAN", "x", "", csl, null, false))
                                .problemCode())
                .isEqualTo("matter.invalid");

        // A key matter of a higher authority for the sign-off below.
        Reply key =
                Api.post(
                        "pt-admin",
                        "/matters",
                        matter(
                                "HIGHER_AUTHORITY",
                                "上级交办重点事项",
                                "沪府办〔" + Y + "〕1号",
                                sjj,
                                null,
                                true));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        keyTask = key.json().getJsonArray("taskIds").getString(0);
        created.add(keyTask);
    }

    @Test
    @Order(2)
    void mattersCountInScoresAsTheSchemeSays() {
        String leaderPlan =
                Api.get("pt-admin", "/tasks/" + leadTask)
                        .json()
                        .getJsonObject("task")
                        .getString("planId");
        String hotlinePlan =
                Api.get("pt-admin", "/tasks/" + hotlineTask)
                        .json()
                        .getJsonObject("task")
                        .getString("planId");
        String indicators =
                "\"indicators\":[{\"name\":\"领导批示\",\"points\":50,\"target\":\"PLAN\",\"targetId\":\""
                        + leaderPlan
                        + "\"},{\"name\":\"12345热线\",\"points\":50,\"target\":\"PLAN\",\"targetId\":\""
                        + hotlinePlan
                        + "\"}]";
        Reply counted =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"type\":\"DEDUCTION\",\"planWeight\":5,"
                                + indicators
                                + "}");
        assertThat(counted.status()).as(counted.body()).isEqualTo(201);
        assertThat(counted.body()).contains("sourceWeights");
        // 长寿路街道: the instruction's and the hotline's tasks, both overdue: 2 counted, 10 off each.
        JsonObject unit = cslIn(Api.get("pt-leader", "/evaluation/rankings?period=" + Y).json());
        assertThat(unit.getInt("tasks")).isEqualTo(2);
        assertThat(unit.getJsonNumber("score").bigDecimalValue()).isEqualByComparingTo("80");

        Reply weightTooHigh =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"type\":\"DEDUCTION\",\"planWeight\":5,"
                                + "\"sourceWeights\":{\"HOTLINE_12345\":9},"
                                + indicators
                                + "}");
        assertThat(weightTooHigh.problemCode()).isEqualTo("scheme.invalid");
        // The hotline left out of the evaluation (weight 0), the instruction doubled.
        Reply notCounted =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        "{\"year\":"
                                + Y
                                + ",\"type\":\"DEDUCTION\",\"planWeight\":5,\"sourceWeights\":"
                                + "{\"PLAN\":1,\"LEADER_INSTRUCTION\":2,\"MEETING_DECISION\":1,\"NPC_SUGGESTION\":1,"
                                + "\"CPPCC_PROPOSAL\":1,\"HIGHER_AUTHORITY\":1,\"HOTLINE_12345\":0},"
                                + indicators
                                + "}");
        assertThat(notCounted.status()).as(notCounted.body()).isEqualTo(201);
        unit = cslIn(Api.get("pt-leader", "/evaluation/rankings?period=" + Y).json());
        assertThat(unit.getInt("tasks")).isEqualTo(1);
        // The hotline's indicator keeps its 50 (nothing counted), the instruction's loses 10 × 2.
        assertThat(unit.getJsonNumber("score").bigDecimalValue()).isEqualByComparingTo("80");
        JsonObject lines =
                Api.get("pt-admin", "/evaluation/units/" + csl + "/breakdown?period=" + Y).json();
        assertThat(lines.toString()).doesNotContain("处理积压工单");
    }

    @Test
    @Order(3)
    void aCircularNamesMattersWithTheirSource() throws Exception {
        Reply c = Api.post("pt-admin", "/circulars", "{\"period\":\"" + Y + "\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        circular = c.json().getString("id");
        String text = Pdfs.text(Api.bytes("pt-admin", "/circulars/" + circular + "/document.pdf"));
        assertThat(text.replaceAll("\\s", "")).contains("【12345热线】").contains("【领导批示】");
    }

    @Test
    @Order(4)
    void aLeaderInstructsAndTheUnitSeesIt() {
        String path = "/tasks/" + leadTask + "/instructions";
        String body = "{\"text\":\"请抓紧办理，月底前报结果。" + SCRIPT.replace("'", "\\u0027") + "\"}";
        assertThat(Api.post("pt-csl", path, body).status()).isEqualTo(403);
        assertThat(Api.post("pt-admin", path, body).status()).isEqualTo(403);
        assertThat(Api.post("jd-leader", path, body).status()).isEqualTo(404);
        assertThat(Api.post("pt-leader", path, "{\"text\":\"  \"}").problemCode())
                .isEqualTo("instruction.empty");
        Reply given = Api.post("pt-leader", path, body);
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        JsonObject detail = Api.get("pt-csl", "/tasks/" + leadTask).json();
        assertThat(detail.getJsonArray("instructions").getJsonObject(0).getString("text"))
                .startsWith("请抓紧办理")
                .endsWith(SCRIPT);
        assertThat(Api.get("pt-csl", "/inbox").body()).contains("领导批示");
        assertThat(Api.get("pt-admin", "/tasks/" + leadTask + "/history").body())
                .contains("task.instructed");
    }

    @Test
    @Order(5)
    void aKeyTaskNeedsTheLeadersSignOff() {
        String report =
                Api.post(
                                "pt-sjj",
                                "/tasks/" + keyTask + "/reports",
                                "{\"text\":\"已全部完成\",\"percent\":100}")
                        .json()
                        .getString("id");
        assertThat(ProgressReports.submit("pt-sjj", report, null).status()).isBetween(200, 201);
        Reply approved =
                ProgressReports.review(
                        report,
                        "{\"decision\":\"APPROVE\",\"comment\":\"好\",\"rating\":\"GOOD\"}",
                        null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonObject task = Api.get("pt-leader", "/tasks/" + keyTask).json().getJsonObject("task");
        assertThat(task.getString("status")).isEqualTo("APPROVED");
        assertThat(task.getString("signOff")).isEqualTo("AWAITING");
        assertThat(Api.get("pt-leader", "/tasks/awaiting-signoff").body()).contains(keyTask);
        assertThat(Api.get("pt-csl", "/tasks/awaiting-signoff").status()).isEqualTo(403);
        assertThat(Api.get("jd-leader", "/tasks/awaiting-signoff").body()).doesNotContain(keyTask);

        String path = "/tasks/" + keyTask + "/signoff";
        String signOff = "{\"decision\":\"SIGN_OFF\"}";
        assertThat(Api.post("pt-sjj", path, signOff).status()).isEqualTo(403);
        assertThat(Api.post("pt-admin", path, signOff).status()).isEqualTo(403);
        assertThat(Api.post("jd-leader", path, signOff).status()).isEqualTo(404);
        assertThat(Api.post("pt-leader", path, "{\"decision\":\"SEND_BACK\"}").problemCode())
                .isEqualTo("signoff.reason-missing");
        int version = task.getInt("version");
        assertThat(
                        call(
                                        "pt-leader",
                                        "POST",
                                        path,
                                        "{\"decision\":\"SEND_BACK\",\"reason\":\"x\"}",
                                        version + 5)
                                .problemCode())
                .isEqualTo("task.stale");
        Reply back =
                call(
                        "pt-leader",
                        "POST",
                        path,
                        "{\"decision\":\"SEND_BACK\",\"reason\":\"请补充验收材料\"}",
                        version);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().getString("signOff")).isEqualTo("SENT_BACK");
        assertThat(Api.post("pt-leader", path, signOff).problemCode())
                .isEqualTo("signoff.not-awaiting");
        assertThat(Api.post("pt-leader", path, "{\"decision\":\"ASK_AGAIN\"}").status())
                .isEqualTo(403);
        Reply again = Api.post("pt-admin", path, "{\"decision\":\"ASK_AGAIN\",\"reason\":\"已补充\"}");
        assertThat(again.json().getString("signOff")).isEqualTo("AWAITING");
        assertThat(Api.get("pt-admin", "/tasks/" + keyTask + "/history").body())
                .contains("task.awaiting-signoff")
                .contains("task.signoff-sent-back")
                .contains("task.signoff-requested");
        // A task that is not key closes at approval: no sign-off.
        assertThat(
                        Api.get("pt-admin", "/tasks/" + leadTask)
                                .json()
                                .getJsonObject("task")
                                .containsKey("signOff"))
                .isFalse();
    }

    @Test
    @Order(6)
    void onAPhoneTheLeaderSignsOffAndTheUnitReadsTheInstruction() throws Exception {
        open(PHONE);
        login("pt-leader");
        go("/app/leader/index.xhtml", null);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("awaiting-signoff"), "上级交办重点事项"));
        shoot(SHOTS, "sources-leader-awaiting", PHONE);
        browser.findElement(By.id("awaiting-signoff"))
                .findElement(By.partialLinkText("上级交办重点事项"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("leader:signOff")));
        assertThat(text("task-source")).contains("上级交办").contains("沪府办〔" + Y + "〕1号");
        shoot(SHOTS, "sources-leader-task", PHONE);
        browser.findElement(By.id("leader:signOff")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("task-signoff"), "领导已审结"));
        assertThat(
                        Api.get("pt-admin", "/tasks/" + keyTask)
                                .json()
                                .getJsonObject("task")
                                .getString("signOff"))
                .isEqualTo("SIGNED_OFF");
        shoot(SHOTS, "sources-leader-signed", PHONE);
        logout();

        login("pt-csl");
        go("/app/task.xhtml?id=" + leadTask, null);
        String instructions = text("instructions");
        assertThat(instructions).contains("请抓紧办理").contains(SCRIPT);
        assertThat(text("task-reference")).isEqualTo("张区长" + SCRIPT);
        shoot(SHOTS, "sources-unit-instruction", PHONE);
        resize(DESKTOP);
        shoot(SHOTS, "sources-unit-instruction", DESKTOP);
        // Nothing ran: the script is text on the page, no alert is open.
        assertThat(js("return document.querySelectorAll('#instructions script').length"))
                .isEqualTo(0L);
    }

    @Test
    @Order(7)
    void theMattersPageTakesAnExcelAndListsItsWrongRows() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("matters");
        Path bad = dir.resolve("交办事项-有误.xlsx");
        Path good = dir.resolve("交办事项.xlsx");
        String[] header = {"来源", "事项", "依据", "牵头单位", "配合单位", "完成时限", "重点"};
        java.nio.file.Files.write(
                bad,
                workbook(
                        header,
                        new String[] {"会议决定事项", "整治背街小巷", "区政府常务会议", "长寿路街道", "", Y + "-05-31", ""},
                        new String[] {"上级交办", "核查工地扬尘", "", "不存在的局", "", Y + "-05-31", "是"}));
        java.nio.file.Files.write(
                good,
                workbook(
                        header,
                        new String[] {
                            "会议决定事项", "整治背街小巷", "区政府常务会议", "长寿路街道", "区数据局", Y + "-05-31", ""
                        },
                        new String[] {
                            "12345热线", "回复积压工单", "GD" + Y + "0099", "区数据局", "", Y + "-05-31", ""
                        }));
        long before = total("pt-admin", "q=整治背街小巷");
        open(PHONE);
        login("pt-admin");
        go("/app/admin/matters.xhtml", null);
        browser.findElement(By.id("upload:file_input")).sendKeys(bad.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:errors")));
        // The wrong row is named with its number and column; nothing was entered.
        String errors = text("upload:errors");
        assertThat(errors).contains("3").contains("牵头单位").contains("找不到单位“不存在的局”");
        assertThat(total("pt-admin", "q=整治背街小巷")).isEqualTo(before);
        shoot(SHOTS, "matters-upload-errors", PHONE);

        resize(DESKTOP);
        browser.findElement(By.id("upload:file_input")).sendKeys(good.toString());
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("matters-created"), "已录入 2 项交办事项"));
        assertThat(browser.findElements(By.id("upload:errors"))).isEmpty();
        shoot(SHOTS, "matters-upload-done", DESKTOP);
        JsonObject entered = Api.get("pt-admin", "/tasks?q=整治背街小巷").json();
        assertThat(entered.getInt("total")).isEqualTo((int) before + 2); // lead and co-unit
        for (JsonValue t : entered.getJsonArray("items")) {
            assertThat(t.asJsonObject().getString("source")).isEqualTo("MEETING_DECISION");
            created.add(t.asJsonObject().getString("id"));
        }
        for (JsonValue t : Api.get("pt-admin", "/tasks?q=回复积压工单").json().getJsonArray("items"))
            created.add(t.asJsonObject().getString("id"));
    }

    private static byte[] workbook(String[]... rows) throws java.io.IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
                        new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("交办事项");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    @Order(8)
    void aRetriedMatterIsCreatedOnce() {
        String key = "matter-" + java.util.UUID.randomUUID();
        String body = matter("MEETING_DECISION", "重试不重复的会议事项", "区政府常务会议", csl, sjj, false);
        long before = total("pt-admin", "source=MEETING_DECISION");
        Reply first = postMatter("pt-admin", body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        first.json().getJsonArray("taskIds").forEach(id -> created.add(str(id)));
        // A retry after a lost answer: the same matter back, nothing created twice.
        Reply again = postMatter("pt-admin", body, key);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().getString("pointId")).isEqualTo(first.json().getString("pointId"));
        assertThat(again.json().getJsonArray("taskIds"))
                .isEqualTo(first.json().getJsonArray("taskIds"));
        assertThat(total("pt-admin", "source=MEETING_DECISION")).isEqualTo(before + 2);
        // The key of a matter cannot stand for a report submission, and is checked for length.
        String draft =
                Api.post(
                                "pt-csl",
                                "/tasks/"
                                        + str(first.json().getJsonArray("taskIds").get(0))
                                        + "/reports",
                                "{\"text\":\"会议事项进展\",\"percent\":10}")
                        .json()
                        .getString("id");
        Reply reused = ProgressReports.submit("pt-csl", draft, key);
        assertThat(reused.status()).as(reused.body()).isEqualTo(409);
        assertThat(reused.problemCode()).isEqualTo("idempotency.key-reused");
        Api.delete("pt-csl", "/reports/" + draft);
        Reply tooLong = postMatter("pt-admin", body, "k".repeat(101));
        assertThat(tooLong.problemCode()).isEqualTo("idempotency.key-invalid");
        assertThat(total("pt-admin", "source=MEETING_DECISION")).isEqualTo(before + 2);
    }

    private static Reply postMatter(String user, String json, String key) {
        return Api.send(
                user,
                HttpRequest.newBuilder(URI.create(Api.base() + "/matters"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void cancelOpenTasks() {
        if (circular != null) Api.delete("pt-admin", "/circulars/" + circular);
        for (String id : created) {
            JsonObject t = Api.get("pt-admin", "/tasks/" + id).json().getJsonObject("task");
            if (!"APPROVED".equals(t.getString("status")))
                Api.delete("pt-admin", "/tasks/" + id + "?reason=" + "test-cleanup");
        }
    }

    private static JsonObject cslIn(JsonObject rankings) {
        JsonObject u = Rankings.byUnit(rankings).get("长寿路街道");
        assertThat(u).as(rankings.toString()).isNotNull();
        return u;
    }

    private static String json(String text) {
        return jakarta.json.Json.createObjectBuilder().add("text", text).build().toString();
    }

    private static String str(JsonValue v) {
        return ((jakarta.json.JsonString) v).getString();
    }
}
