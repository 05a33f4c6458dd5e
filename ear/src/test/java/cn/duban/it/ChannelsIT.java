package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.FakeHttps;
import cn.duban.it.support.OwnDistrict;
import cn.duban.it.support.PageTest;
import cn.duban.it.support.Plans;
import cn.duban.it.support.TestStack;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Notification channels (issue 20 item 3) against fake https servers on 127.0.0.1 standing in for
 * an SMS gateway, a 企业微信 robot and a 钉钉 robot, plus one that only redirects: the operator lists
 * them (internal, exact port) and trusts their self-signed certificate; the district office of a
 * district of this test's own ({@value #TENANT}) configures 长寿路街道's channels; a 催办 reaches all
 * three; the outbound refusals, quiet hours, the cap, the secrets' storage and another district's
 * reach are checked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelsIT extends PageTest {

    static final String TENANT = "channels";
    static final String ADMIN = "ch-admin", LEADER = "ch-leader", CSL = "ch-csl";
    static final Path WORK = Path.of("target/channels-it");
    static final Path SHOTS = Path.of("target/screenshots/channels");
    static final String SMS_KEY = "sms-key-7f3c9a1e5b2d4c6f";
    static final String WECOM_KEY = "wecom-key-0a1b2c3d4e5f";
    static final String DING_TOKEN = "ding-token-9e8d7c6b5a4f";
    static final String DING_SECRET = "SECding-secret-1234567890abcdef";
    static final String TITLE = "推进渠道测试智慧社区建设", TITLE2 = "开展渠道测试夜间巡查";
    static final String TEXT = "请于今日报送智慧社区建设进展。";
    static final Duration SENT_WITHIN = Duration.ofSeconds(45);

    static FakeHttps sms, wecom, ding, redirect;
    static String pem, task, task2, csl;

    @BeforeAll
    static void aDistrictTheFakeServersAndALateTask() throws Exception {
        OwnDistrict.create(TENANT, "渠道区");
        OwnDistrict.person(TENANT, ADMIN, "qfb", "district-admin");
        OwnDistrict.person(TENANT, LEADER, null, "leader");
        OwnDistrict.person(TENANT, CSL, "csl", "unit-reporter");
        String text =
                Plans.TODAY.getYear()
                        + "年渠道测试工作要点\n一、重点工作\n1."
                        + TITLE
                        + "。（责任单位：长寿路街道；完成时限："
                        + Plans.full(Plans.TODAY.plusDays(30))
                        + "前）\n2."
                        + TITLE2
                        + "。（责任单位：长寿路街道；完成时限："
                        + Plans.full(Plans.TODAY.plusDays(30))
                        + "前）\n";
        String plan = Plans.saved(ADMIN, text, "channels.txt").getString("id");
        Reply published = Api.post(ADMIN, "/plans/" + plan + "/publication", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        for (JsonValue v : Api.get(ADMIN, "/tasks?plan=" + plan).json().getJsonArray("items")) {
            JsonObject t = v.asJsonObject();
            if (t.getString("title").contains(TITLE)) task = t.getString("id");
            if (t.getString("title").contains(TITLE2)) task2 = t.getString("id");
        }
        assertThat(task).isNotNull();
        assertThat(task2).isNotNull();
        // Late: three days past its deadline.
        Db.maintExecute(
                "update task set deadline_date = date '"
                        + Plans.TODAY.minusDays(3)
                        + "', next_due_date = date '"
                        + Plans.TODAY.minusDays(3)
                        + "' where tenant_id = '"
                        + TENANT
                        + "' and id = '"
                        + task
                        + "'");
        csl = Api.unitId(ADMIN, "长寿路街道");
        pem = FakeHttps.certificate(WORK);
        sms = FakeHttps.start("SMS", WORK, null);
        wecom = FakeHttps.start("WECOM", WORK, null);
        ding = FakeHttps.start("DINGTALK", WORK, null);
        redirect =
                FakeHttps.start(
                        "REDIRECT", WORK, "https://127.0.0.1:" + wecom.port() + "/redirected");
    }

    @AfterAll
    static void stopTheFakes() {
        for (FakeHttps f : new FakeHttps[] {sms, wecom, ding, redirect}) if (f != null) f.close();
    }

    static String entry(String host, int port, boolean internal, String note) {
        return Json.createObjectBuilder()
                .add("host", host)
                .add("port", port)
                .add("internal", internal)
                .add("note", note)
                .build()
                .toString();
    }

    /** The fakes internal on their exact ports; 127.0.0.1 on any other port only as public. */
    static String allowList(boolean withDing) {
        return "{\"entries\":["
                + entry("127.0.0.1", 0, false, "本机（非内网）")
                + ","
                + entry("127.0.0.1", sms.port(), true, "短信网关")
                + ","
                + entry("127.0.0.1", wecom.port(), true, "企业微信")
                + (withDing ? "," + entry("127.0.0.1", ding.port(), true, "钉钉") : "")
                + ","
                + entry("127.0.0.1", redirect.port(), true, "跳转")
                + ","
                + entry("oapi.dingtalk.com", 0, false, "钉钉")
                + "]}";
    }

    @Test
    @Order(1)
    void theOperatorListsTheHostsAndTrustsTheirCertificate() {
        Reply noPort =
                Api.put(
                        "operator",
                        "/platform/outbound/allow-list",
                        "{\"entries\":[" + entry("10.1.2.3", 0, true, "x") + "]}",
                        null);
        assertThat(noPort.status()).as(noPort.body()).isEqualTo(400);
        assertThat(noPort.problemCode()).isEqualTo("outbound.internal-needs-port");
        Reply list = Api.put("operator", "/platform/outbound/allow-list", allowList(true), null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().getJsonArray("allowList")).hasSize(6);
        Reply bad =
                Api.put(
                        "operator",
                        "/platform/outbound/ca",
                        "{\"pem\":\"not a certificate\"}",
                        null);
        assertThat(bad.problemCode()).isEqualTo("outbound.ca-invalid");
        Reply ca =
                Api.put(
                        "operator",
                        "/platform/outbound/ca",
                        Json.createObjectBuilder().add("pem", pem).build().toString(),
                        null);
        assertThat(ca.status()).as(ca.body()).isEqualTo(200);
        assertThat(ca.json().getJsonObject("ca").getBoolean("set")).isTrue();
        assertThat(ca.json().getJsonObject("ca").getJsonArray("subjects").getString(0))
                .contains("Duban fake webhook");
        for (String user : List.of(ADMIN, LEADER, CSL, "pt-admin"))
            assertThat(Api.get(user, "/platform/outbound").status()).as(user).isEqualTo(403);
    }

    /** Refused when saved: the server's own ports, a host not listed, plain http. */
    @Test
    @Order(2)
    void outboundUrlsAreRefusedWhenSaved() {
        Map<String, String> refused = new HashMap<>();
        refused.put("https://127.0.0.1:" + TestStack.HTTP_PORT + "/", "outbound.address-refused");
        refused.put(
                "https://127.0.0.1:" + TestStack.MANAGEMENT_PORT + "/management",
                "outbound.address-refused");
        refused.put("https://example.org/hook", "outbound.host-not-allowed");
        refused.put(
                "https://localhost:" + wecom.port() + "/cgi-bin/webhook/send",
                "outbound.host-not-allowed");
        refused.put(
                "http://127.0.0.1:" + wecom.port() + "/cgi-bin/webhook/send",
                "outbound.https-only");
        for (var e : refused.entrySet()) {
            for (String field : List.of("wecomUrl", "dingtalkUrl")) {
                Reply r =
                        Api.put(
                                ADMIN,
                                "/channels/units/" + csl,
                                Json.createObjectBuilder()
                                        .add(field, e.getKey())
                                        .build()
                                        .toString(),
                                null);
                assertThat(r.status()).as(field + " " + e.getKey() + " " + r.body()).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.problemCode()).as(e.getKey()).isEqualTo(e.getValue());
            }
            Reply gateway =
                    Api.put(
                            ADMIN,
                            "/channels/settings",
                            Json.createObjectBuilder().add("smsUrl", e.getKey()).build().toString(),
                            null);
            assertThat(gateway.problemCode()).as("smsUrl " + e.getKey()).isEqualTo(e.getValue());
        }
        JsonObject unit = Api.get(ADMIN, "/channels/units/" + csl).json();
        assertThat(unit.getJsonObject("wecom").getBoolean("set")).isFalse();
        assertThat(unit.getJsonObject("dingtalk").getBoolean("set")).isFalse();
        assertThat(Api.get(ADMIN, "/channels/settings").json().get("smsUrl"))
                .isIn(null, JsonValue.NULL);
    }

    @Test
    @Order(3)
    void aReminderReachesEveryChannelAndTheSecretsStaySealed() throws Exception {
        Reply settings =
                Api.put(
                        ADMIN,
                        "/channels/settings",
                        Json.createObjectBuilder()
                                .add("smsUrl", "https://127.0.0.1:" + sms.port() + "/sms/send")
                                .add("smsKey", SMS_KEY)
                                .add("capPerWeek", 3)
                                .build()
                                .toString(),
                        null);
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        assertThat(settings.body()).doesNotContain(SMS_KEY);
        assertThat(settings.json().getBoolean("smsKeySet")).isTrue();
        assertThat(settings.json().getString("smsKeyLast4")).isEqualTo("4c6f");
        Reply unit = Api.put(ADMIN, "/channels/units/" + csl, unitChannels(wecomUrl()), null);
        assertThat(unit.status()).as(unit.body()).isEqualTo(200);
        for (String secret : List.of(WECOM_KEY, DING_TOKEN, DING_SECRET))
            assertThat(unit.body()).doesNotContain(secret);
        assertThat(unit.json().getJsonObject("dingtalk").getBoolean("secretSet")).isTrue();
        assertThat(unit.json().getJsonObject("wecom").getString("host")).isEqualTo("127.0.0.1");
        for (String path :
                List.of("/channels/units", "/channels/units/" + csl, "/channels/settings"))
            for (String secret : List.of(SMS_KEY, WECOM_KEY, DING_TOKEN, DING_SECRET))
                assertThat(Api.get(ADMIN, path).body()).as(path).doesNotContain(secret);
        // Nowhere in the rows in plaintext; sealed values are there.
        for (String secret : List.of(SMS_KEY, WECOM_KEY, DING_TOKEN, DING_SECRET)) {
            assertThat(
                            Db.maintCount(
                                    "select count(*) from notify_unit n where n::text like '%"
                                            + secret
                                            + "%'"))
                    .isZero();
            assertThat(
                            Db.maintCount(
                                    "select count(*) from notify_settings n where n::text like '%"
                                            + secret
                                            + "%'"))
                    .isZero();
        }
        assertThat(
                        Db.maintCount(
                                "select count(*) from notify_unit where tenant_id = '"
                                        + TENANT
                                        + "' and wecom_token_enc like 'v1:%' and dingtalk_token_enc like 'v1:%' "
                                        + "and dingtalk_secret_enc like 'v1:%'"))
                .isEqualTo(1);
        assertThat(
                        Db.maintCount(
                                "select count(*) from notify_settings where tenant_id = '"
                                        + TENANT
                                        + "' and sms_apikey_enc like 'v1:%'"))
                .isEqualTo(1);

        long before = System.currentTimeMillis();
        remind(task);
        FakeHttps.Received s = sms.await(1, SENT_WITHIN).get(0);
        FakeHttps.Received w = wecom.await(1, SENT_WITHIN).get(0);
        FakeHttps.Received d = ding.await(1, SENT_WITHIN).get(0);
        for (FakeHttps f : List.of(sms, wecom, ding))
            System.out.println(
                    "CHANNEL " + f.name() + " received: " + describe(f.received().get(0)));

        assertThat(s.method()).isEqualTo("POST");
        assertThat(s.uri()).isEqualTo("/sms/send");
        assertThat(s.header("X-Api-Key")).isEqualTo(SMS_KEY);
        JsonObject smsBody = json(s.body());
        assertThat(smsBody.getJsonArray("phones").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .containsExactly("13812345678", "13900001111");
        assertThat(smsBody.getString("text")).contains(TITLE).contains(TEXT);

        assertThat(w.uri()).isEqualTo("/cgi-bin/webhook/send?key=" + WECOM_KEY);
        JsonObject wecomBody = json(w.body());
        assertThat(wecomBody.getString("msgtype")).isEqualTo("text");
        assertThat(wecomBody.getJsonObject("text").getString("content"))
                .contains(TITLE)
                .contains(TEXT);

        Map<String, String> query = query(URI.create(d.uri()).getRawQuery());
        assertThat(query.get("access_token")).isEqualTo(DING_TOKEN);
        long timestamp = Long.parseLong(query.get("timestamp"));
        assertThat(timestamp).isBetween(before - 1000, System.currentTimeMillis());
        assertThat(query.get("sign")).isEqualTo(dingSign(DING_SECRET, timestamp));
        assertThat(json(d.body()).getJsonObject("text").getString("content")).contains(TITLE);

        // The fake server answers before the worker records the answer: wait for the records.
        for (String channel : List.of("SMS", "WECOM", "DINGTALK")) awaitStatus(channel, "SENT", 1);
        JsonArray log = deliveries(ADMIN, "?task=" + task);
        assertThat(log).hasSize(3);
        Map<String, JsonObject> byChannel = byChannel(log);
        assertThat(byChannel.keySet()).containsExactlyInAnyOrder("SMS", "WECOM", "DINGTALK");
        for (JsonObject row : byChannel.values()) {
            assertThat(row.getString("status")).isEqualTo("SENT");
            assertThat(row.getInt("httpStatus")).isEqualTo(200);
            assertThat(row.getInt("attempts")).isEqualTo(1);
            assertThat(row.getString("sentAt")).isNotBlank();
        }
        assertThat(byChannel.get("SMS").getString("target")).isEqualTo("138****5678, 139****1111");
        assertThat(byChannel.get("WECOM").getString("target")).isEqualTo("127.0.0.1");
        assertThat(log.toString()).doesNotContain(WECOM_KEY).doesNotContain(DING_TOKEN);
        assertThat(Api.get(LEADER, "/channels/deliveries").status()).isEqualTo(200);
        assertThat(Api.get(CSL, "/channels/deliveries").status()).isEqualTo(403);
    }

    /** A redirect is not followed; a host taken off the list is refused when sending. */
    @Test
    @Order(4)
    void aRedirectIsAFailureAndTheListIsCheckedAgainWhenSending() throws Exception {
        Reply toRedirect =
                Api.put(
                        ADMIN,
                        "/channels/units/" + csl,
                        Json.createObjectBuilder()
                                .add("wecomUrl", "https://127.0.0.1:" + redirect.port() + "/hook")
                                .build()
                                .toString(),
                        null);
        assertThat(toRedirect.status()).as(toRedirect.body()).isEqualTo(200);
        remind(task);
        redirect.await(1, SENT_WITHIN);
        sms.await(2, SENT_WITHIN);
        JsonObject failed = awaitStatus("WECOM", "FAILED", 1);
        assertThat(failed.getInt("httpStatus")).isEqualTo(302);
        assertThat(failed.getString("error")).contains("redirect not followed");
        Thread.sleep(3000);
        assertThat(wecom.received()).as("the redirect's target got nothing").hasSize(1);

        // The operator takes 钉钉's fake off the list: the next message to it is refused at send
        // time.
        assertThat(
                        Api.put("operator", "/platform/outbound/allow-list", allowList(false), null)
                                .status())
                .isEqualTo(200);
        assertThat(
                        Api.put(ADMIN, "/channels/units/" + csl, unitChannels(wecomUrl()), null)
                                .status())
                .as("robots restored (the 钉钉 URL is refused now)")
                .isEqualTo(400);
        Reply restoreWecom =
                Api.put(
                        ADMIN,
                        "/channels/units/" + csl,
                        Json.createObjectBuilder().add("wecomUrl", wecomUrl()).build().toString(),
                        null);
        assertThat(restoreWecom.status()).as(restoreWecom.body()).isEqualTo(200);
        int dingBefore = ding.received().size();
        remind(task);
        // 127.0.0.1 stays listed as public (any port): without its internal entry, loopback is
        // refused.
        JsonObject refused = awaitStatus("DINGTALK", "FAILED", 1);
        assertThat(refused.getString("error")).contains("outbound.address-refused");
        wecom.await(2, SENT_WITHIN);
        assertThat(ding.received()).hasSize(dingBefore);
        assertThat(
                        Api.put("operator", "/platform/outbound/allow-list", allowList(true), null)
                                .status())
                .isEqualTo(200);
    }

    /** Three messages about the task this week: the fourth goes to the inbox only. */
    @Test
    @Order(5)
    void beyondTheCapOnlyTheInboxHasIt() throws Exception {
        int s = sms.received().size(), w = wecom.received().size(), d = ding.received().size();
        String message = remind(task);
        Thread.sleep(15_000); // at least one outbox run
        JsonArray log = deliveries(ADMIN, "?task=" + task + "&status=CAPPED");
        assertThat(log).hasSize(3);
        assertThat(sms.received()).hasSize(s);
        assertThat(wecom.received()).hasSize(w);
        assertThat(ding.received()).hasSize(d);
        assertThat(Api.get(CSL, "/inbox/" + message).status()).isEqualTo(200);
        // The other task is not capped: a test message goes out to all three now.
        Reply test = Api.post(ADMIN, "/channels/units/" + csl + "/test", "{\"text\":\"渠道测试消息\"}");
        assertThat(test.status()).as(test.body()).isEqualTo(202);
        assertThat(sms.await(s + 1, SENT_WITHIN)).hasSize(s + 1);
        assertThat(wecom.await(w + 1, SENT_WITHIN).get(w).body()).contains("渠道测试消息");
        assertThat(ding.await(d + 1, SENT_WITHIN)).hasSize(d + 1);
    }

    /** In quiet hours the robots wait; the inbox does not. Leaving them releases what was held. */
    @Test
    @Order(6)
    void quietHoursHoldThenRelease() throws Exception {
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai"));
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        Reply quiet =
                Api.put(
                        ADMIN,
                        "/channels/settings",
                        "{\"quietStart\":\""
                                + now.minusMinutes(2).format(hm)
                                + "\",\"quietEnd\":\""
                                + now.plusMinutes(60).format(hm)
                                + "\"}",
                        null);
        assertThat(quiet.status()).as(quiet.body()).isEqualTo(200);
        int s = sms.received().size(), w = wecom.received().size(), d = ding.received().size();
        String message = remind(task2);
        assertThat(Api.get(CSL, "/inbox/" + message).status()).isEqualTo(200);
        Thread.sleep(15_000);
        JsonArray held = deliveries(ADMIN, "?task=" + task2);
        assertThat(held).hasSize(3);
        for (JsonValue v : held) assertThat(v.asJsonObject().getString("status")).isEqualTo("HELD");
        assertThat(sms.received()).hasSize(s);
        assertThat(wecom.received()).hasSize(w);
        assertThat(ding.received()).hasSize(d);

        Reply loud =
                Api.put(
                        ADMIN,
                        "/channels/settings",
                        "{\"quietStart\":null,\"quietEnd\":null}",
                        null);
        assertThat(loud.status()).as(loud.body()).isEqualTo(200);
        assertThat(sms.await(s + 1, SENT_WITHIN).get(s).body()).contains(TITLE2);
        assertThat(wecom.await(w + 1, SENT_WITHIN)).hasSize(w + 1);
        assertThat(ding.await(d + 1, SENT_WITHIN)).hasSize(d + 1);
        awaitStatus("SMS", "SENT", 1, "?task=" + task2);
    }

    @Test
    @Order(7)
    void anotherDistrictNeitherReadsNorChangesThem() {
        assertThat(Api.get("jd-admin", "/channels/units/" + csl).status()).isEqualTo(404);
        assertThat(
                        Api.put(
                                        "jd-admin",
                                        "/channels/units/" + csl,
                                        "{\"phones\":[\"13700000000\"]}",
                                        null)
                                .status())
                .isEqualTo(404);
        assertThat(Api.post("jd-admin", "/channels/units/" + csl + "/test", "{}").status())
                .isEqualTo(404);
        Reply theirs = Api.get("jd-admin", "/channels/deliveries?unit=" + csl);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.array()).isEmpty();
        assertThat(Api.get("jd-admin", "/channels/deliveries").body()).doesNotContain(TITLE);
        assertThat(Api.get("jd-admin", "/channels/settings").json().getBoolean("smsKeySet"))
                .isFalse();
        assertThat(Api.get("jd-admin", "/channels/units").body()).doesNotContain(csl);
        for (String user : List.of(CSL, "pt-csl", "jd-anting")) {
            assertThat(Api.get(user, "/channels/settings").status()).as(user).isEqualTo(403);
            assertThat(Api.get(user, "/channels/units").status()).as(user).isEqualTo(403);
        }
        assertThat(Api.get(LEADER, "/channels/settings").status()).isEqualTo(403);
        // Still as this district set it.
        assertThat(Api.get(ADMIN, "/channels/units/" + csl).json().getJsonArray("phones"))
                .hasSize(2);
    }

    @Test
    @Order(8)
    void thePagesShowTheChannelsAndTheLog() throws Exception {
        open(PHONE);
        login(ADMIN);
        go("/app/admin/channels.xhtml", "通知渠道");
        String units = browser.findElement(By.id("units:unit-channels")).getText();
        assertThat(units).contains("长寿路街道").contains("138****5678").contains("127.0.0.1");
        String log = browser.findElement(By.id("deliveries")).getText();
        assertThat(log)
                .contains("已发送")
                .contains("失败")
                .contains("超出上限")
                .contains("钉钉")
                .contains("企业微信");
        assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .isEqualTo(true);
        shoot(SHOTS, "channels", PHONE);
        resize(DESKTOP);
        go("/app/admin/channels.xhtml", "通知渠道");
        assertThat(browser.findElement(By.id("quiet")).getText()).contains("未设置");
        shoot(SHOTS, "channels", DESKTOP);
        logout();
        quitBrowser();

        open(DESKTOP);
        login("operator");
        go("/app/platform/index.xhtml", null);
        String allow = browser.findElement(By.id("outbound")).getText();
        assertThat(allow)
                .contains("127.0.0.1:" + sms.port())
                .contains("内网")
                .contains("Duban fake webhook");
        shoot(SHOTS, "platform", DESKTOP);
        resize(PHONE);
        assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .isEqualTo(true);
        shoot(SHOTS, "platform", PHONE);
    }

    // --- helpers

    static String wecomUrl() {
        return "https://127.0.0.1:" + wecom.port() + "/cgi-bin/webhook/send?key=" + WECOM_KEY;
    }

    static String unitChannels(String wecomUrl) {
        return Json.createObjectBuilder()
                .add("phones", Json.createArrayBuilder().add("13812345678").add("13900001111"))
                .add("wecomUrl", wecomUrl)
                .add(
                        "dingtalkUrl",
                        "https://127.0.0.1:"
                                + ding.port()
                                + "/robot/send?access_token="
                                + DING_TOKEN)
                .add("dingtalkSecret", DING_SECRET)
                .build()
                .toString();
    }

    /** A 催办 on the task; answers the inbox message's id. */
    static String remind(String taskId) {
        Reply sent =
                Api.post(
                        ADMIN, "/tasks/" + taskId + "/reminders", "{\"message\":\"" + TEXT + "\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(204);
        // Newest first.
        return Api.get(ADMIN, "/tasks/" + taskId + "/reminders")
                .array()
                .getJsonObject(0)
                .getString("id");
    }

    static JsonArray deliveries(String user, String query) {
        Reply r = Api.get(user, "/channels/deliveries" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.array();
    }

    static Map<String, JsonObject> byChannel(JsonArray rows) {
        Map<String, JsonObject> out = new HashMap<>();
        for (JsonValue v : rows) out.put(v.asJsonObject().getString("channel"), v.asJsonObject());
        return out;
    }

    /** Waits for at least n rows of the channel in that status (newest first). */
    static JsonObject awaitStatus(String channel, String status, int n)
            throws InterruptedException {
        return awaitStatus(channel, status, n, "?task=" + task);
    }

    static JsonObject awaitStatus(String channel, String status, int n, String query)
            throws InterruptedException {
        long until = System.currentTimeMillis() + SENT_WITHIN.toMillis();
        while (true) {
            List<JsonObject> rows =
                    deliveries(ADMIN, query + "&channel=" + channel + "&status=" + status).stream()
                            .map(JsonValue::asJsonObject)
                            .toList();
            if (rows.size() >= n) return rows.get(0);
            assertThat(System.currentTimeMillis()).as(channel + " " + status).isLessThan(until);
            Thread.sleep(500);
        }
    }

    static JsonObject json(String body) {
        try (var r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    /** DingTalk's documented signature, computed here apart from the application's code. */
    static String dingSign(String secret, long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] raw = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(raw), StandardCharsets.UTF_8);
    }

    static String describe(FakeHttps.Received r) {
        String uri = r.uri();
        // The robot's token and the signature are secrets of the test: shown shortened.
        uri = uri.replace(WECOM_KEY, "…").replace(DING_TOKEN, "…");
        String key = r.header("X-Api-Key");
        return r.method()
                + " "
                + URLDecoder.decode(uri, StandardCharsets.UTF_8)
                + (key == null ? "" : " X-Api-Key=" + key.substring(0, 4) + "…")
                + " "
                + r.body();
    }
}
