package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Browsers;
import cn.duban.it.support.Db;
import cn.duban.it.support.FakeHttps;
import cn.duban.it.support.OwnDistrict;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Pdfs;
import cn.duban.it.support.Plans;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The escalation ladder (督办升级, issue 20 item 2) in a district of its own ({@value #TENANT}): a task
 * 40 days late climbs 提醒 → 督办单 (numbered, signed for by the unit head) → 点名通报 (printed in the next
 * circular) → 约谈 (recorded), each rung as the rules say and approved by whom they say; nothing goes
 * out for a task that is finished or waiting for review; no one outside the district or the unit
 * reaches any of it.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscalationIT extends PageTest {

    static final String TENANT = "ladder";
    static final String ADMIN = "ld-admin", LEADER = "ld-leader";
    static final String CSL = "ld-csl", HEAD = "ld-head", SJJ_HEAD = "ld-sjj-head";
    static final Path SHOTS = Path.of("target/screenshots/escalation");
    static final int YEAR = Plans.TODAY.getYear();

    /** A: 长寿路街道, 40 days late. B: 长寿路街道, 10 days late. C: 区数据局, 20 days late. */
    static String plan, section, taskA, taskB, taskC, titleA;

    static String noticeA, noticeC;

    /** The 长寿路街道's SMS gateway and 企业微信 robot: they record what the ladder sent out. */
    static FakeHttps sms, wecom;

    static final Path WORK = Path.of("target/escalation-it");

    @BeforeAll
    static void aDistrictWithThreeLateTasks() throws SQLException {
        OwnDistrict.create(TENANT, "升级区");
        OwnDistrict.person(TENANT, ADMIN, "qfb", "district-admin");
        OwnDistrict.person(TENANT, LEADER, null, "leader");
        OwnDistrict.person(TENANT, CSL, "csl", "unit-reporter");
        OwnDistrict.person(TENANT, HEAD, "csl", "unit-head");
        OwnDistrict.person(TENANT, SJJ_HEAD, "sjj", "unit-head");
        String due = Plans.full(Plans.TODAY.plusDays(30));
        String text =
                YEAR
                        + "年督办升级测试工作要点\n一、重点工作\n1.推进升级测试老旧小区改造。（责任单位：长寿路街道；完成时限："
                        + due
                        + "前）\n2.开展升级测试背街小巷整治。（责任单位：长寿路街道；完成时限："
                        + due
                        + "前）\n3.建设升级测试数据目录。（责任单位：区数据局；完成时限："
                        + due
                        + "前）\n";
        JsonObject saved = Plans.saved(ADMIN, text, "ladder.txt");
        plan = saved.getString("id");
        section = saved.getJsonArray("sections").getJsonObject(0).getString("id");
        Reply published = Api.post(ADMIN, "/plans/" + plan + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        for (JsonValue v : Api.get(ADMIN, "/tasks?plan=" + plan).json().getJsonArray("items")) {
            JsonObject t = v.asJsonObject();
            String title = t.getString("title");
            if (title.contains("老旧小区")) {
                taskA = t.getString("id");
                titleA = title;
            } else if (title.contains("背街小巷")) taskB = t.getString("id");
            else taskC = t.getString("id");
        }
        late(taskA, 40);
        late(taskB, 10);
        late(taskC, 20);
        theTownsChannelsAreFakeServers();
    }

    /** The operator lists the fakes (internal, on their ports) and trusts their certificate. */
    static void theTownsChannelsAreFakeServers() {
        try {
            String pem = FakeHttps.certificate(WORK);
            sms = FakeHttps.start("SMS", WORK, null);
            wecom = FakeHttps.start("WECOM", WORK, null);
            String list =
                    Json.createObjectBuilder()
                            .add(
                                    "entries",
                                    Json.createArrayBuilder()
                                            .add(entry(sms.port(), "短信网关"))
                                            .add(entry(wecom.port(), "企业微信")))
                            .build()
                            .toString();
            assertThat(Api.put("operator", "/platform/outbound/allow-list", list, null).status())
                    .isEqualTo(200);
            String ca = Json.createObjectBuilder().add("pem", pem).build().toString();
            assertThat(Api.put("operator", "/platform/outbound/ca", ca, null).status())
                    .isEqualTo(200);
            // No quiet hours (the run may be at night in Beijing), room for the ladder's messages.
            Reply settings =
                    Api.put(
                            ADMIN,
                            "/channels/settings",
                            Json.createObjectBuilder()
                                    .add("smsUrl", "https://127.0.0.1:" + sms.port() + "/sms/send")
                                    .add("smsKey", "sms-ladder-key-0001")
                                    .add("capPerWeek", 10)
                                    .build()
                                    .toString(),
                            null);
            assertThat(settings.status()).as(settings.body()).isEqualTo(200);
            Reply unit =
                    Api.put(
                            ADMIN,
                            "/channels/units/" + Api.unitId(ADMIN, "长寿路街道"),
                            Json.createObjectBuilder()
                                    .add("phones", Json.createArrayBuilder().add("13812345678"))
                                    .add(
                                            "wecomUrl",
                                            "https://127.0.0.1:"
                                                    + wecom.port()
                                                    + "/cgi-bin/webhook/send?key=ladder")
                                    .build()
                                    .toString(),
                            null);
            assertThat(unit.status()).as(unit.body()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject entry(int port, String note) {
        return Json.createObjectBuilder()
                .add("host", "127.0.0.1")
                .add("port", port)
                .add("internal", true)
                .add("note", note)
                .build();
    }

    @AfterAll
    static void stopTheFakes() {
        for (FakeHttps f : new FakeHttps[] {sms, wecom}) if (f != null) f.close();
    }

    static void late(String task, int days) throws SQLException {
        String day = Plans.TODAY.minusDays(days).toString();
        Db.maintExecute(
                "update task set deadline_date = date '"
                        + day
                        + "', next_due_date = date '"
                        + day
                        + "' where tenant_id = '"
                        + TENANT
                        + "' and id = '"
                        + task
                        + "'");
    }

    static void status(String task, String status) throws SQLException {
        Db.maintExecute(
                "update task set status = '"
                        + status
                        + "' where tenant_id = '"
                        + TENANT
                        + "' and id = '"
                        + task
                        + "'");
    }

    @Test
    @Order(1)
    void theDistrictStartsWithItsOwnLadderAndTheOfficeChangesIt() {
        Reply rules = Api.get(CSL, "/escalations/rules");
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        assertThat(rules.json().getInt("version")).isZero();
        JsonObject r = rules.json().getJsonObject("rules");
        assertThat(r.getString("noticePrefix")).isEqualTo("升府办督");
        assertThat(r.getString("issuingOffice")).isEqualTo("升级区人民政府办公室");
        assertThat(rung(r, "NOTICE").getString("approval")).isEqualTo("DISTRICT_ADMIN");
        assertThat(rung(r, "NAMED").getString("approval")).isEqualTo("LEADER");

        Reply wrong =
                Api.put(
                        ADMIN,
                        "/escalations/rules",
                        "{\"version\":0,\"rules\":{\"rungs\":[{\"step\":\"NAMED\",\"afterDays\":5}]}}",
                        null);
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.problemCode()).isEqualTo("ladder.rules-invalid");
        assertThat(wrong.json().getString("detail")).contains("点名通报的逾期天数应多于前一级");
        assertThat(
                        Api.put(CSL, "/escalations/rules", "{\"version\":0,\"rules\":{}}", null)
                                .status())
                .isEqualTo(403);

        Reply saved =
                Api.put(
                        ADMIN,
                        "/escalations/rules",
                        "{\"version\":0,\"rules\":{\"replyDays\":3}}",
                        null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().getInt("version")).isEqualTo(1);
        assertThat(saved.json().getJsonObject("rules").getInt("replyDays")).isEqualTo(3);
        Reply stale =
                Api.put(
                        ADMIN,
                        "/escalations/rules",
                        "{\"version\":0,\"rules\":{\"replyDays\":4}}",
                        null);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemCode()).isEqualTo("ladder.stale");
        // Another district's office neither reads nor changes this one's (its own ladder instead).
        assertThat(
                        Api.get("jd-admin", "/escalations/rules")
                                .json()
                                .getJsonObject("rules")
                                .getString("noticePrefix"))
                .isNotEqualTo("升府办督");
    }

    @Test
    @Order(2)
    void aLateTaskClimbsTheLadderOneRungAtATime() throws Exception {
        // Day 1: every late task gets the 提醒, which needs no approval: one message per unit.
        JsonObject run = run();
        assertThat(run.getInt("late")).isEqualTo(3);
        assertThat(run.getInt("issued")).isEqualTo(3);
        assertThat(run.getInt("proposed")).isZero();
        assertThat(Api.get(CSL, "/inbox?unread=true").body())
                .contains("逾期提醒：长寿路街道逾期任务 2 项")
                .contains("已逾期 40 天");
        assertThat(Api.get(SJJ_HEAD, "/inbox?unread=true").body()).contains("逾期提醒：3 建设升级测试数据目录");
        // The same day again: nothing twice, and nothing higher while the units may still answer.
        run = run();
        assertThat(run.getInt("issued")).isZero();
        assertThat(run.getInt("proposed")).isZero();
        // Their time to answer passed: the 督办单 is due for all three, for the office to approve.
        answerTimePassed();
        run = run();
        assertThat(run.getInt("proposed")).isEqualTo(3);
        // B is reported and waits for review: its proposal is dropped, not sent.
        status(taskB, "SUBMITTED");
        run = run();
        assertThat(run.getInt("dropped")).isEqualTo(1);
        assertThat(run.getInt("proposed")).isZero();

        JsonArray awaiting = Api.get(ADMIN, "/escalations/awaiting").array();
        assertThat(awaiting).hasSize(2);
        assertThat(Api.get(LEADER, "/escalations/awaiting").array()).isEmpty();
        JsonObject a = of(awaiting, taskA), c = of(awaiting, taskC);
        noticeA = a.getString("id");
        noticeC = c.getString("id");
        assertThat(a.getString("step")).isEqualTo("NOTICE");
        assertThat(a.getInt("overdueDays")).isEqualTo(40);

        // Only the approver the rules name decides; no one outside the district reaches it.
        assertThat(decide(LEADER, noticeA, "issue", a, null).status()).isEqualTo(403);
        assertThat(decide(CSL, noticeA, "issue", a, null).status()).isEqualTo(403);
        assertThat(decide("jd-admin", noticeA, "issue", a, null).status()).isEqualTo(404);
        Reply issued = decide(ADMIN, noticeA, "issue", a, null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().getString("state")).isEqualTo("ISSUED");
        assertThat(issued.json().getString("docNumber")).isEqualTo("升府办督〔" + YEAR + "〕1号");
        Reply again = decide(ADMIN, noticeA, "issue", a, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("escalation.decided");
        assertThat(decide(ADMIN, noticeC, "issue", c, null).json().getString("docNumber"))
                .isEqualTo("升府办督〔" + YEAR + "〕2号");

        // No 督办 on a closed task: B back with its unit gets its 督办单 proposed, then is finished
        // before the office approves it. (A and C wait: their 督办单s' time to answer runs.)
        status(taskB, "IN_PROGRESS");
        assertThat(run().getInt("proposed")).isEqualTo(1);
        JsonObject b = of(Api.get(ADMIN, "/escalations/awaiting").array(), taskB);
        status(taskB, "APPROVED");
        Reply closed = decide(ADMIN, b.getString("id"), "issue", b, null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(409);
        assertThat(closed.problemCode()).isEqualTo("escalation.task-closed");
        assertThat(run().getInt("dropped")).isEqualTo(1);
        assertThat(
                        Db.maintCount(
                                "select count(*) from escalation where tenant_id = 'ladder' and task_id = '"
                                        + taskB
                                        + "' and step = 'NOTICE'"))
                .isZero();
    }

    @Test
    @Order(3)
    void theUnitHeadSignsForTheNoticeAndItReadsLikeAnOfficialDocument() throws Exception {
        byte[] pdf = Api.bytes(CSL, "/escalations/" + noticeA + "/notice.pdf");
        String text = Pdfs.text(pdf).replaceAll("\\s+", "");
        assertThat(text)
                .contains("升级区人民政府办公室", "升府办督〔" + YEAR + "〕1号", "长寿路街道：", "已逾期40天", "推进升级测试老旧小区改造")
                .doesNotContain("签收人");
        // Another unit's and another district's people do not get it.
        assertThat(Api.getAny(SJJ_HEAD, "/escalations/" + noticeA + "/notice.pdf").status())
                .isEqualTo(404);
        assertThat(Api.getAny("jd-admin", "/escalations/" + noticeA + "/notice.pdf").status())
                .isEqualTo(404);
        assertThat(Api.get(HEAD, "/escalations/to-sign").array()).hasSize(1);

        String sign = "/escalations/" + noticeA + "/acknowledgement";
        assertThat(Api.post(CSL, sign, "{}").status()).isEqualTo(403);
        assertThat(Api.post(SJJ_HEAD, sign, "{}").status()).isEqualTo(404);
        assertThat(Api.post("jd-admin", sign, "{}").status()).isEqualTo(403);
        Reply signed = Api.post(HEAD, sign, "{}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(204);
        Reply twice = Api.post(HEAD, sign, "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemCode()).isEqualTo("escalation.acknowledged");
        assertThat(Pdfs.text(Api.bytes(ADMIN, "/escalations/" + noticeA + "/notice.pdf")))
                .contains("签收人");
        assertThat(Api.get(HEAD, "/escalations/to-sign").array()).isEmpty();

        // The 督办单's message counts its readers like any 催办 (已读回执).
        JsonObject chase =
                Api.get(ADMIN, "/tasks/" + taskA + "/reminders").array().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(m -> m.getString("kind").equals("SUPERVISION"))
                        .findFirst()
                        .orElseThrow();
        assertThat(chase.getString("subject")).startsWith("督办单 升府办督〔" + YEAR + "〕1号：");
        assertThat(Api.get(HEAD, "/inbox/" + chase.getString("id")).status()).isEqualTo(200);
        JsonObject after =
                Api.get(ADMIN, "/tasks/" + taskA + "/reminders").array().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(m -> m.getString("id").equals(chase.getString("id")))
                        .findFirst()
                        .orElseThrow();
        assertThat(after.getJsonArray("read").getJsonObject(0).getString("username"))
                .isEqualTo(HEAD);
    }

    @Test
    @Order(4)
    void leadersApproveTheNamingAndTheTalkWhichTheOfficeRecords() throws Exception {
        answerTimePassed();
        assertThat(run().getInt("proposed")).isEqualTo(2); // 点名通报 for A (40) and C (20)
        JsonArray awaiting = Api.get(LEADER, "/escalations/awaiting").array();
        JsonObject a = of(awaiting, taskA), c = of(awaiting, taskC);
        assertThat(a.getString("step")).isEqualTo("NAMED");
        assertThat(decide(ADMIN, a.getString("id"), "issue", a, null).status()).isEqualTo(403);
        Reply noReason = decide(LEADER, c.getString("id"), "withdraw", c, "");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("escalation.reason-required");
        Reply declined = decide(LEADER, c.getString("id"), "withdraw", c, "数据局已说明客观原因");
        assertThat(declined.json().getString("state")).isEqualTo("WITHDRAWN");
        assertThat(decide(LEADER, a.getString("id"), "issue", a, null).json().getString("state"))
                .isEqualTo("ISSUED");

        // A, 40 days late, reaches the 约谈 once its time to answer the naming passed; C (20 days)
        // is not there yet.
        assertThat(run().getInt("proposed")).isZero();
        answerTimePassed();
        assertThat(run().getInt("proposed")).isEqualTo(1);
        JsonObject talk = of(Api.get(LEADER, "/escalations/awaiting").array(), taskA);
        assertThat(talk.getString("step")).isEqualTo("TALK");
        assertThat(decide(LEADER, talk.getString("id"), "issue", talk, null).status())
                .isEqualTo(200);
        String record = "/escalations/" + talk.getString("id") + "/talk";
        Reply empty = Api.post(ADMIN, record, "{\"on\":\"" + Plans.TODAY + "\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.problemCode()).isEqualTo("escalation.talk-required");
        assertThat(
                        Api.post(
                                        LEADER,
                                        record,
                                        "{\"on\":\""
                                                + Plans.TODAY
                                                + "\",\"with\":\"x\",\"record\":\"y\"}")
                                .status())
                .isEqualTo(403);
        Reply talked =
                Api.post(
                        ADMIN,
                        record,
                        "{\"on\":\""
                                + Plans.TODAY
                                + "\",\"with\":\"长寿路街道办事处主任\",\"record\":\"说明逾期原因，承诺两周内完成改造。\"}");
        assertThat(talked.status()).as(talked.body()).isEqualTo(200);
        assertThat(talked.json().getString("state")).isEqualTo("DONE");

        // The unit sees its task's whole ladder; another unit does not.
        JsonArray ladder = Api.get(CSL, "/tasks/" + taskA + "/escalations").array();
        assertThat(
                        ladder.stream()
                                .map(
                                        v ->
                                                v.asJsonObject().getString("step")
                                                        + ":"
                                                        + v.asJsonObject().getString("state")))
                .containsExactly(
                        "REMINDER:ISSUED", "NOTICE:ACKNOWLEDGED", "NAMED:ISSUED", "TALK:DONE");
        assertThat(Api.get(SJJ_HEAD, "/tasks/" + taskA + "/escalations").status()).isEqualTo(404);
        assertThat(Api.get("jd-admin", "/escalations").array())
                .noneMatch(v -> v.asJsonObject().getString("taskId").equals(taskA));
        JsonObject counts = Api.get(LEADER, "/escalations/counts").json();
        assertThat(counts.getJsonObject("NOTICE").getInt("ACKNOWLEDGED")).isEqualTo(1);
        assertThat(counts.getJsonObject("NOTICE").getInt("ISSUED")).isEqualTo(1);
        assertThat(counts.getJsonObject("TALK").getInt("DONE")).isEqualTo(1);
        // Every step is in the trail.
        assertThat(
                        Db.maintCount(
                                "select count(*) from audit_log where tenant_id = 'ladder' and action in "
                                        + "('escalation.reminded', 'escalation.issued', 'escalation.acknowledged', 'escalation.withdrawn', 'escalation.talk')"))
                // 提醒 one per unit (2), 督办单 2, 点名通报 1, 约谈 1; signed 1, declined 1, talk 1
                .isEqualTo(2 + 2 + 1 + 1 + 1 + 1 + 1);
    }

    @Test
    @Order(5)
    void theNextCircularNamesTheTaskWithItsNotice() throws Exception {
        Reply scheme =
                Api.post(
                        ADMIN,
                        "/evaluation/schemes",
                        "{\"year\":"
                                + YEAR
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,"
                                + "\"indicators\":[{\"name\":\"督办\",\"points\":100,\"target\":\"SECTION\",\"targetId\":\""
                                + section
                                + "\"}]}");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(201);
        Reply draft = Api.post(ADMIN, "/circulars", "{\"period\":\"" + YEAR + "\"}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().getString("id");
        Reply issued = Api.post(ADMIN, "/circulars/" + id + "/issue", "{}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String text = Pdfs.text(Api.bytes(ADMIN, "/circulars/" + id + "/document.pdf"));
        assertThat(text.replaceAll("\\s+", ""))
                .contains(
                        "经逐级督办仍未办结，予以点名通报：长寿路街道“"
                                + titleA.replaceAll("\\s+", "")
                                + "”（督办单升府办督〔"
                                + YEAR
                                + "〕1号，已逾期40天）。");
        // Printed once: the rung is done, and the next circular does not name it again.
        JsonArray ladder = Api.get(ADMIN, "/tasks/" + taskA + "/escalations").array();
        assertThat(ladder.getJsonObject(2).getString("state")).isEqualTo("DONE");
        assertThat(ladder.getJsonObject(2).getString("circularId")).isEqualTo(id);
        // What went out to 长寿路街道 beyond the inbox: the 提醒 (one for its two late tasks), A's
        // 督办单, 点名通报 and 约谈 notices, and the circular's notice, by SMS and by its robot.
        for (FakeHttps fake : List.of(sms, wecom)) {
            List<FakeHttps.Received> got = fake.await(5, Duration.ofSeconds(60));
            String all = got.stream().map(FakeHttps.Received::body).reduce("", String::concat);
            assertThat(all)
                    .contains("逾期提醒：长寿路街道逾期任务 2 项")
                    .contains("督办单 升府办督〔" + YEAR + "〕1号")
                    .contains("点名通报：")
                    .contains("约谈通知：");
            for (FakeHttps.Received r : got)
                System.out.println(
                        "CHANNEL "
                                + fake.name()
                                + " received: "
                                + r.method()
                                + " "
                                + r.uri()
                                + " "
                                + r.body());
        }
        for (JsonValue v : ladder)
            System.out.println(
                    "LADDER "
                            + titleA
                            + " · "
                            + v.asJsonObject().getString("step")
                            + " · "
                            + v.asJsonObject().getString("state")
                            + " · "
                            + v.asJsonObject().get("docNumber")
                            + " · signed by "
                            + v.asJsonObject().get("acknowledgedName"));
    }

    /** The unit head signs on a phone; the leader reads the ladder at a desk. */
    @Test
    @Order(6)
    void onThePagesAtPhoneAndDeskWidths() throws Exception {
        open(PHONE);
        login(SJJ_HEAD);
        go("/app/task.xhtml?id=" + taskC, null);
        String ladder = browser.findElement(By.id("ladder")).getText();
        assertThat(ladder).contains("督办单", "已发出", "升府办督〔" + YEAR + "〕2号", "逾期 20 天");
        shoot(SHOTS, "task-to-sign", PHONE);
        browser.findElement(By.cssSelector("[id$=':sign']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ladder"), "已签收"));
        assertThat(browser.findElements(By.cssSelector("[id$=':sign']"))).isEmpty();
        shoot(SHOTS, "task-signed", PHONE);
        reflowedCards(SHOTS, "ladder:escalations", "级别");
        logout();
        quitBrowser();

        open(DESKTOP);
        login(LEADER);
        go("/app/leader/escalations.xhtml", "督办升级");
        String notices =
                browser.findElement(By.cssSelector(".ladder-card[data-step='NOTICE']")).getText();
        assertThat(notices).contains("督办单", "待审批 0", "已发出 0", "已签收/已办结 2");
        assertThat(
                        browser.findElement(By.cssSelector(".ladder-card[data-step='REMINDER']"))
                                .getText())
                .contains("提醒", "已发出 3");
        String records = text("records");
        assertThat(records).contains("推进升级测试老旧小区改造", "长寿路街道", "约谈", "已办结", "不予督办", "数据局已说明客观原因");
        assertThat(browser.findElements(By.id("records:run"))).isEmpty();
        shoot(SHOTS, "leader", DESKTOP);
        logout();
        login(ADMIN);
        go("/app/leader/escalations.xhtml", "督办升级");
        assertThat(browser.findElements(By.cssSelector("[id$=':after_input'], [id$=':after']")))
                .isNotEmpty();
        shoot(SHOTS, "admin", DESKTOP);
    }

    /**
     * A backlog: three more of 长寿路街道's tasks are late. Their 提醒 go out as one message; their 督办单s
     * wait for the office, which sends the unit's three in one click (批量发出) — numbered one by one
     * and each in the trail; no one else can.
     */
    @Test
    @Order(7)
    void theOfficeSendsAUnitsBacklogOfNoticesInOneBatch() throws Exception {
        String due = Plans.full(Plans.TODAY.plusDays(30));
        StringBuilder text = new StringBuilder(YEAR + "年批量督办测试工作要点\n一、重点工作\n");
        for (int i = 1; i <= 3; i++)
            text.append(i)
                    .append(".推进批量督办测试第")
                    .append(i)
                    .append("项工作。（责任单位：长寿路街道；完成时限：")
                    .append(due)
                    .append("前）\n");
        String backlog = Plans.saved(ADMIN, text.toString(), "batch.txt").getString("id");
        assertThat(Api.post(ADMIN, "/plans/" + backlog + "/publication", "{}").status())
                .isEqualTo(200);
        List<String> tasks =
                Api.get(ADMIN, "/tasks?plan=" + backlog).json().getJsonArray("items").stream()
                        .map(v -> v.asJsonObject().getString("id"))
                        .toList();
        assertThat(tasks).hasSize(3);
        for (String t : tasks) late(t, 12);
        assertThat(run().getInt("issued")).isGreaterThanOrEqualTo(3);
        assertThat(Api.get(CSL, "/inbox?unread=true").body()).contains("逾期提醒：长寿路街道逾期任务 3 项");
        answerTimePassed();
        run();
        JsonObject group =
                Api.get(ADMIN, "/escalations/awaiting/by-unit").array().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(
                                g ->
                                        g.getString("unitName").equals("长寿路街道")
                                                && g.getString("step").equals("NOTICE"))
                        .findFirst()
                        .orElseThrow();
        assertThat(group.getInt("count")).isEqualTo(3);
        assertThat(group.getInt("mostDays")).isEqualTo(12);
        String unit = group.getString("unitId");
        String batch = "{\"unit\":\"" + unit + "\",\"step\":\"NOTICE\"}";

        // Only the approver the rules name, only in this district.
        assertThat(Api.post(CSL, "/escalations/batch", batch).status()).isEqualTo(403);
        assertThat(Api.post("jd-admin", "/escalations/batch", batch).status()).isEqualTo(404);
        Reply notLeaders = Api.post(LEADER, "/escalations/batch", batch);
        assertThat(notLeaders.status()).isEqualTo(404);
        assertThat(notLeaders.problemCode()).isEqualTo("escalation.none-awaiting");
        Reply bad =
                Api.post(
                        ADMIN,
                        "/escalations/batch",
                        "{\"unit\":\"" + unit + "\",\"step\":\"LOUDER\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(Api.post(ADMIN, "/escalations/batch", "{}").status()).isEqualTo(400);

        // The office sends them from the page.
        open(DESKTOP);
        login(ADMIN);
        go("/app/leader/escalations.xhtml", "督办升级");
        String groups = text("by-unit");
        assertThat(groups).contains("按单位批量发出", "长寿路街道", "督办单", "3", "逾期 12 天");
        shoot(SHOTS, "batch", DESKTOP);
        browser.findElement(By.cssSelector("[id$=':issue-all']")).click();
        Browsers.confirm(browser);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("growl_container"), "已发出 3 项"));
        assertThat(text("by-unit")).doesNotContain("长寿路街道");
        shoot(SHOTS, "batch-sent", DESKTOP);

        List<String> numbers = new java.util.ArrayList<>();
        for (String t : tasks) {
            JsonObject notice =
                    Api.get(ADMIN, "/tasks/" + t + "/escalations").array().stream()
                            .map(JsonValue::asJsonObject)
                            .filter(e -> e.getString("step").equals("NOTICE"))
                            .findFirst()
                            .orElseThrow();
            assertThat(notice.getString("state")).isEqualTo("ISSUED");
            assertThat(notice.getString("decidedBy")).isEqualTo(ADMIN);
            numbers.add(notice.getString("docNumber"));
        }
        assertThat(numbers)
                .containsExactlyInAnyOrder(
                        "升府办督〔" + YEAR + "〕3号", "升府办督〔" + YEAR + "〕4号", "升府办督〔" + YEAR + "〕5号");
        assertThat(
                        Db.maintCount(
                                "select count(*) from audit_log where tenant_id = '"
                                        + TENANT
                                        + "' and action = 'escalation.issued' and entity_id in ('"
                                        + String.join("', '", tasks)
                                        + "')"))
                .as("each notice of the batch in the trail")
                .isEqualTo(3);
        assertThat(Api.post(ADMIN, "/escalations/batch", batch).status()).isEqualTo(404);
    }

    /** Days pass: every rung's time to answer is over. */
    static void answerTimePassed() throws SQLException {
        Db.maintExecute(
                "update escalation set reply_by = reply_by - 30 where tenant_id = '"
                        + TENANT
                        + "' and reply_by is not null");
    }

    private static JsonObject run() {
        Reply r = Api.post(ADMIN, "/escalations/run", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static Reply decide(String user, String id, String what, JsonObject e, String reason) {
        return Api.post(
                user,
                "/escalations/" + id + "/" + what,
                "{\"version\":"
                        + e.getInt("version")
                        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                        + "}");
    }

    private static JsonObject of(JsonArray list, String task) {
        return list.stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString("taskId").equals(task))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + task + " in " + list));
    }

    private static JsonObject rung(JsonObject rules, String step) {
        return rules.getJsonArray("rungs").stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> r.getString("step").equals(step))
                .findFirst()
                .orElseThrow();
    }
}
