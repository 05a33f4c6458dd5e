package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.OwnDistrict;
import cn.duban.it.support.People;
import cn.duban.it.support.Plans;
import cn.duban.it.support.ProgressReports;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The isolation attack: 普陀区 owns one of everything (plan, task, report with evidence, extension
 * request, scheme, bonus item, circular, message); users of 嘉定区 ask for each of them by id, by
 * filter and by search, through every endpoint that takes them, and get nothing. Then the role ×
 * endpoint matrix: each role gets 403 exactly where it should. Next year's plan and scheme, so no
 * other test's counts or reminders are touched.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IsolationIT {

    private static final int NEXT = Plans.NEXT_YEAR;
    static String plan,
            task,
            report,
            evidence,
            evidenceSha,
            extension,
            scheme,
            adjustment,
            circular,
            message,
            csl,
            appeal,
            appealEvidence,
            subUnit;

    /** A 单位负责人 of 长寿路街道 for the role matrix (no demo user holds the role). */
    static final String HEAD = "iso-head-" + Long.toString(System.nanoTime() % 1_000_000, 36);

    static String headToken;

    /** A city's viewer (市级查看), in a city of this test's own: reads received snapshots only. */
    static final String CITY_VIEWER = "iso-city-viewer";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void putuoOwnsOneOfEverything() {
        String text =
                NEXT
                        + "年普陀区隔离测试工作要点\n一、隔离\n"
                        + "1.开展隔离测试专项核查。（责任单位：长寿路街道；完成时限："
                        + NEXT
                        + "年6月30日前）\n";
        JsonObject saved = Plans.saved("pt-admin", text, "isolation.txt");
        plan = saved.getString("id");
        assertThat(Api.post("pt-admin", "/plans/" + plan + "/publication", "{}").status())
                .isEqualTo(200);
        task =
                Api.get("pt-admin", "/tasks?plan=" + plan)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("id");
        csl = Api.unitId("pt-admin", "长寿路街道");
        // A 下级单位 of 长寿路街道 (issue 21), for the children paths below.
        Reply sub =
                Api.post(
                        "pt-admin",
                        "/units/" + csl + "/children",
                        "{\"name\":\"隔离测试党政办"
                                + Long.toString(System.nanoTime() % 1_000_000, 36)
                                + "\",\"kind\":\"OFFICE\"}");
        assertThat(sub.status()).as(sub.body()).isEqualTo(201);
        subUnit = sub.json().getString("id");
        report =
                Api.post(
                                "pt-csl",
                                "/tasks/" + task + "/reports",
                                "{\"text\":\"隔离测试进展\",\"percent\":10}")
                        .json()
                        .getString("id");
        Reply ev =
                Api.upload(
                        "pt-csl",
                        "/reports/" + report + "/evidence",
                        "核查.pdf",
                        ProgressReports.PDF,
                        Map.of());
        assertThat(ev.status()).as(ev.body()).isEqualTo(201);
        evidence = ev.json().getString("id");
        evidenceSha = ev.json().getString("sha256");
        Reply ext =
                Api.post(
                        "pt-csl",
                        "/tasks/" + task + "/extensions",
                        "{\"requestedDate\":\"" + NEXT + "-09-30\",\"reason\":\"隔离测试\"}");
        assertThat(ext.status()).as(ext.body()).isEqualTo(201);
        extension = ext.json().getString("id");
        Reply s =
                Api.post(
                        "pt-admin",
                        "/evaluation/schemes",
                        "{\"year\":"
                                + NEXT
                                + ",\"type\":\"COMPLETION\",\"planWeight\":5,\"indicators\":"
                                + "[{\"name\":\"隔离\",\"points\":100,\"target\":\"PLAN\",\"targetId\":\""
                                + plan
                                + "\"}]}");
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        scheme = s.json().getString("id");
        adjustment =
                Api.post(
                                "pt-admin",
                                "/evaluation/adjustments",
                                "{\"unitId\":\""
                                        + csl
                                        + "\",\"kind\":\"BONUS\",\"points\":1,"
                                        + "\"reason\":\"隔离测试\",\"occurredOn\":\""
                                        + NEXT
                                        + "-01-10\"}")
                        .json()
                        .getString("id");
        circular =
                Api.post("pt-admin", "/circulars", "{\"period\":\"" + NEXT + "\"}")
                        .json()
                        .getString("id");
        message = Api.get("pt-csl", "/inbox").array().getJsonObject(0).getString("id");
        // An appeal (申诉) of 长寿路街道 with its evidence, written straight into the database: filing
        // one needs a published period, and 普陀区's periods are other tests' (AppealsIT files them).
        appeal = java.util.UUID.randomUUID().toString();
        appealEvidence = java.util.UUID.randomUUID().toString();
        try {
            Db.maintExecute(
                    "insert into appeal (tenant_id, id, unit_id, period_key, target_kind, target_key, target_label, "
                            + "task_id, reason, filed_by) values ('putuo', '"
                            + appeal
                            + "', '"
                            + csl
                            + "', '2000-01', 'OVERDUE', 'OVERDUE:"
                            + task
                            + "', '逾期认定：隔离测试', '"
                            + task
                            + "', '隔离测试申诉', 'pt-csl')");
            Db.maintExecute(
                    "insert into evidence_content (tenant_id, sha256, size, content) values ('putuo', "
                            + "encode(sha256('\\x25504446'::bytea), 'hex'), 4, '\\x25504446') on conflict do nothing");
            Db.maintExecute(
                    "insert into appeal_evidence (tenant_id, id, appeal_id, file_name, content_type, size, sha256, "
                            + "uploaded_by) values ('putuo', '"
                            + appealEvidence
                            + "', '"
                            + appeal
                            + "', '隔离.pdf', 'application/pdf', 4, encode(sha256('\\x25504446'::bytea), 'hex'), 'pt-csl')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        RealmAdmin.delete(HEAD);
        Reply head =
                Api.post(
                        "pt-admin", "/accounts", People.account(HEAD, "隔离负责人", "csl", "unit-head"));
        assertThat(head.status()).as(head.body()).isEqualTo(201);
        RealmAdmin.completeFirstLogin(HEAD, People.PASSWORD);
        try {
            Db.maintExecute(
                    "insert into tenant (id, name, kind) values ('iso-city', '隔离测试市', 'CITY')"
                            + " on conflict do nothing");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        OwnDistrict.person("iso-city", CITY_VIEWER, null, "city-viewer");
    }

    static Reply call(String user, String method, String path, String body) {
        return call(user, method, path, body, "application/json");
    }

    static Reply call(String user, String method, String path, String body, String type) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(Api.base() + path)).header("Content-Type", type);
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!user.equals(HEAD)) return Api.send(user, b, "*/*");
        // The head is no demo user: its own token (fetched once; the matrix takes seconds).
        if (headToken == null) headToken = People.token(HEAD);
        b.header("Accept", "*/*").header("Authorization", "Bearer " + headToken);
        try {
            var r =
                    HTTP.send(
                            b.build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString(
                                    StandardCharsets.UTF_8));
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    @Test
    void anotherDistrictCannotReachAnythingById() {
        // Every call carries a body the endpoint would accept for a thing of the caller's own, so
        // that only
        // "not found" (404) or "your role may not" (403) can answer: a 400 would say nothing about
        // isolation.
        String later = NEXT + "-10-01";
        List<String[]> attacks =
                List.of(
                        new String[] {"GET", "/plans/" + plan},
                        new String[] {"GET", "/plans/" + plan + "/source"},
                        new String[] {"GET", "/plans/" + plan + "/coverage"},
                        new String[] {"DELETE", "/plans/" + plan},
                        new String[] {"POST", "/plans/" + plan + "/publication/preview", "{}"},
                        new String[] {
                            "POST", "/plans/" + plan + "/publication", "{\"allowOpen\":true}"
                        },
                        new String[] {"POST", "/plans/" + plan + "/next-year", "{}"},
                        // 下发 (issue 21 item 3): another district's plan, town and point
                        new String[] {"POST", "/plans/" + plan + "/cascade", ""},
                        new String[] {"POST", "/plans/" + plan + "/cascade/" + csl, ""},
                        new String[] {
                            "PUT",
                            "/plans/" + plan + "/points/00000000-0000-4000-8000-000000000000",
                            "{\"text\":\"窃取\"}"
                        },
                        new String[] {"GET", "/tasks/" + task},
                        new String[] {"GET", "/tasks/" + task + "/history"},
                        // sources: the leader's word on another district's task
                        new String[] {
                            "POST", "/tasks/" + task + "/instructions", "{\"text\":\"批示\"}"
                        },
                        new String[] {
                            "POST", "/tasks/" + task + "/signoff", "{\"decision\":\"SIGN_OFF\"}"
                        },
                        new String[] {"PATCH", "/tasks/" + task, "{\"keyTask\":true}"},
                        new String[] {
                            "PUT",
                            "/tasks/" + task + "/deadline",
                            "{\"deadline\":\"" + later + "\",\"reason\":\"调整\"}"
                        },
                        new String[] {"DELETE", "/tasks/" + task + "?reason=x"},
                        new String[] {
                            "POST", "/tasks/" + task + "/reminders", "{\"message\":\"请抓紧\"}"
                        },
                        new String[] {
                            "POST",
                            "/tasks/" + task + "/reports",
                            "{\"text\":\"进展\",\"percent\":20}"
                        },
                        new String[] {
                            "POST",
                            "/tasks/" + task + "/extensions",
                            "{\"requestedDate\":\"" + later + "\",\"reason\":\"延期\"}"
                        },
                        new String[] {"GET", "/reports/" + report},
                        new String[] {
                            "PUT", "/reports/" + report, "{\"text\":\"进展\",\"percent\":30}"
                        },
                        new String[] {"DELETE", "/reports/" + report},
                        new String[] {"POST", "/reports/" + report + "/submit", "{}"},
                        new String[] {
                            "POST",
                            "/reports/" + report + "/review",
                            "{\"decision\":\"APPROVE\",\"comment\":\"好\",\"rating\":\"GOOD\"}"
                        },
                        new String[] {"GET", "/reports/" + report + "/evidence/" + evidence},
                        new String[] {"DELETE", "/reports/" + report + "/evidence/" + evidence},
                        // reuse by reference: another district's draft, or its file's hash
                        new String[] {
                            "POST",
                            "/reports/" + report + "/evidence",
                            "{\"sha256\":\"" + evidenceSha + "\"}"
                        },
                        new String[] {"GET", "/reports/" + report + "/reusable-evidence"},
                        new String[] {
                            "POST",
                            "/contributions/" + task + "/evidence",
                            "{\"sha256\":\"" + evidenceSha + "\"}"
                        },
                        new String[] {
                            "POST",
                            "/extensions/" + extension + "/decision",
                            "{\"approve\":true,\"comment\":\"同意\"}"
                        },
                        new String[] {"POST", "/inbox/" + message + "/read", "{}"},
                        new String[] {"GET", "/inbox/" + message},
                        new String[] {"GET", "/tasks/" + task + "/reminders"},
                        new String[] {"GET", "/units/" + csl + "/reminders"},
                        new String[] {"POST", "/units/" + csl + "/reminders", "{}"},
                        new String[] {"GET", "/units/" + csl},
                        new String[] {
                            "PUT",
                            "/units/" + csl,
                            "{\"code\":\"csl\",\"name\":\"改名街道\",\"kind\":\"TOWN\",\"rankingGroup\":\"街镇组\"}"
                        },
                        new String[] {"GET", "/evaluation/schemes/" + scheme},
                        new String[] {
                            "GET", "/evaluation/units/" + csl + "/breakdown?period=" + NEXT
                        },
                        new String[] {
                            "GET", "/evaluation/units/" + csl + "/breakdown.pdf?period=" + NEXT
                        },
                        new String[] {"DELETE", "/evaluation/adjustments/" + adjustment},
                        new String[] {"GET", "/evaluation/adjustments/" + adjustment + "/evidence"},
                        new String[] {"GET", "/circulars/" + circular},
                        new String[] {
                            "PUT",
                            "/circulars/" + circular,
                            "{\"issuingOffice\":\"区府办\",\"docPrefix\":\"府办通\",\"title\":\"通报\","
                                    + "\"recipients\":\"各单位\",\"praiseReason\":\"好\",\"nextSteps\":\"继续\"}"
                        },
                        new String[] {"DELETE", "/circulars/" + circular},
                        new String[] {"POST", "/circulars/" + circular + "/issue", "{}"},
                        new String[] {"GET", "/circulars/" + circular + "/document.pdf"},
                        // receipt
                        new String[] {"GET", "/receipts/" + task},
                        new String[] {"POST", "/receipts/" + task, "{}"},
                        new String[] {"POST", "/receipts", "{\"taskIds\":[\"" + task + "\"]}"},
                        new String[] {"GET", "/receipts/" + task + "/dispute"},
                        new String[] {
                            "POST", "/receipts/" + task + "/dispute", "{\"reason\":\"非本单位\"}"
                        },
                        new String[] {
                            "POST",
                            "/receipts/" + task + "/reassign",
                            "{\"unitId\":\"" + csl + "\",\"reason\":\"改派\"}"
                        },
                        new String[] {
                            "POST", "/receipts/" + task + "/uphold", "{\"reason\":\"坚持\"}"
                        },
                        // contributions (牵头/配合)
                        new String[] {"GET", "/contributions/" + task},
                        new String[] {"PUT", "/contributions/" + task, "{\"text\":\"配合\"}"},
                        new String[] {"POST", "/contributions/" + task + "/send", "{}"},
                        new String[] {"GET", "/contributions?task=" + task},
                        new String[] {"GET", "/contributions/" + task + "/evidence/" + evidence},
                        new String[] {"DELETE", "/contributions/" + task + "/evidence/" + evidence},
                        new String[] {"POST", "/contributions/" + task + "/acknowledge", "{}"},
                        // inside a unit (单位内部流转)
                        new String[] {
                            "PUT", "/hand-over/tasks/" + task, "{\"username\":\"pt-csl\"}"
                        },
                        new String[] {"DELETE", "/hand-over/tasks/" + task},
                        new String[] {
                            "POST", "/hand-over/reports/" + report, "{\"decision\":\"APPROVE\"}"
                        },
                        // appeals (申诉): another district's appeal, its decision and evidence
                        new String[] {"GET", "/appeals/" + appeal},
                        new String[] {
                            "POST",
                            "/appeals/" + appeal + "/decision",
                            "{\"decision\":\"REJECT\",\"note\":\"驳回\"}"
                        },
                        new String[] {"GET", "/appeals/" + appeal + "/evidence/" + appealEvidence},
                        // evidence pack (佐证材料包): another district's plan or unit
                        new String[] {"POST", "/evidence-packs?plan=" + plan},
                        new String[] {"POST", "/evidence-packs?year=" + NEXT + "&unit=" + csl},
                        new String[] {
                            "POST",
                            "/evidence-packs?year=" + NEXT + "&unit=" + csl + "&plan=" + plan
                        },
                        // notification channels of another district's unit
                        new String[] {"GET", "/channels/units/" + csl},
                        new String[] {
                            "PUT", "/channels/units/" + csl, "{\"phones\":[\"13700000000\"]}"
                        },
                        new String[] {"POST", "/channels/units/" + csl + "/test", "{}"},
                        // 下级单位 (issue 21): another district's town and its sub-unit
                        new String[] {"GET", "/units/" + csl + "/children"},
                        new String[] {"POST", "/units/" + csl + "/children", "{\"name\":\"窃取\"}"},
                        new String[] {
                            "PUT", "/units/" + csl + "/children/" + subUnit, "{\"name\":\"窃取\"}"
                        },
                        new String[] {"GET", "/units/" + subUnit},
                        // a town's own scheme, standings and circulars (issue 21): another
                        // district's town
                        new String[] {"GET", "/evaluation/schemes?year=" + NEXT + "&town=" + csl},
                        new String[] {
                            "GET", "/evaluation/schemes/current?year=" + NEXT + "&town=" + csl
                        },
                        new String[] {"POST", "/evaluation/schemes?town=" + csl, "{}"},
                        new String[] {
                            "GET", "/evaluation/rankings?period=" + NEXT + "&town=" + csl
                        },
                        new String[] {
                            "GET",
                            "/evaluation/units/"
                                    + subUnit
                                    + "/breakdown?period="
                                    + NEXT
                                    + "&town="
                                    + csl
                        },
                        new String[] {"GET", "/circulars?town=" + csl},
                        new String[] {
                            "POST", "/circulars?town=" + csl, "{\"period\":\"" + NEXT + "\"}"
                        });
        List<String> leaks = new ArrayList<>();
        for (String user : List.of("jd-admin", "jd-leader", "jd-anting")) {
            for (String[] a : attacks) {
                Reply r = call(user, a[0], a[1], a.length > 2 ? a[2] : null);
                // 404 (nothing there for this district) or 403 (the role may not call it at all).
                // Success, a
                // conflict (which would betray that the thing exists), a 400, a server error or any
                // of 普陀区's
                // words would be a leak or an attack that did not really try.
                boolean refused = r.status() == 404 || r.status() == 403;
                boolean tells =
                        r.body() != null
                                && (r.body().contains("隔离测试")
                                        || r.body().contains("长寿路街道")
                                        || r.body().contains("普陀"));
                if (!refused || tells)
                    leaks.add(user + " " + a[0] + " " + a[1] + " → " + r.status() + " " + r.body());
            }
        }
        assertThat(leaks).isEmpty();
        // The same unit-level wall inside the district: another unit's reporter.
        for (String[] a :
                List.of(
                        new String[] {"GET", "/tasks/" + task},
                        new String[] {"GET", "/reports/" + report},
                        new String[] {"PUT", "/reports/" + report},
                        new String[] {"GET", "/reports/" + report + "/evidence/" + evidence},
                        new String[] {"GET", "/reports/" + report + "/reusable-evidence"},
                        new String[] {"POST", "/reports/" + report + "/evidence"},
                        // receipt
                        new String[] {"GET", "/receipts/" + task},
                        new String[] {"POST", "/receipts/" + task},
                        new String[] {"POST", "/receipts/" + task + "/dispute"},
                        // contributions
                        new String[] {"GET", "/contributions/" + task},
                        new String[] {"PUT", "/contributions/" + task},
                        new String[] {"POST", "/contributions/" + task + "/send"},
                        new String[] {"POST", "/contributions/" + task + "/acknowledge"},
                        new String[] {"GET", "/contributions?task=" + task},
                        // evidence pack: another unit's
                        new String[] {"POST", "/evidence-packs?year=" + NEXT + "&unit=" + csl})) {
            assertThat(
                            call(
                                            "pt-sjj",
                                            a[0],
                                            a[1],
                                            a[0].equals("GET")
                                                    ? null
                                                    : "{\"text\":\"x\",\"percent\":30}")
                                    .status())
                    .as(a[1])
                    .isEqualTo(404);
        }
    }

    @Test
    void anotherDistrictFindsNothingByFilterOrSearch() {
        assertThat(Api.get("jd-admin", "/tasks?plan=" + plan).json().getInt("total")).isZero();
        assertThat(Api.get("jd-admin", "/tasks?unit=" + csl).json().getInt("total")).isZero();
        assertThat(Api.get("jd-admin", "/tasks?unit=" + subUnit).json().getInt("total")).isZero();
        // A unit person of 嘉定区 naming 普陀区's 下级单位: not found (issue 21: the scope's wall).
        assertThat(Api.get("jd-anting", "/tasks?unit=" + subUnit).status()).isEqualTo(404);
        assertThat(Api.get("jd-admin", "/tasks?q=隔离测试").json().getInt("total")).isZero();
        assertThat(Api.get("jd-leader", "/tasks?q=隔离测试").json().getInt("total")).isZero();
        for (String[] list :
                List.of(
                        new String[] {"jd-admin", "/plans"},
                        new String[] {"jd-admin", "/audit"},
                        new String[] {"jd-admin", "/inbox"},
                        new String[] {"jd-anting", "/inbox"},
                        new String[] {"jd-admin", "/extensions/pending"},
                        new String[] {"jd-admin", "/reports/pending"},
                        new String[] {"jd-admin", "/evaluation/schemes?year=" + NEXT},
                        new String[] {"jd-admin", "/evaluation/adjustments?year=" + NEXT},
                        new String[] {"jd-admin", "/circulars?year=" + NEXT},
                        new String[] {"jd-admin", "/units"},
                        new String[] {"jd-anting", "/tasks/mine"},
                        // receipt
                        new String[] {"jd-admin", "/receipts/pending"},
                        new String[] {"jd-anting", "/receipts/pending"},
                        new String[] {"jd-admin", "/receipts/disputes"},
                        new String[] {"jd-admin", "/appeals"},
                        new String[] {"jd-leader", "/appeals"},
                        new String[] {"jd-anting", "/appeals"},
                        new String[] {"jd-admin", "/colours/overview"},
                        new String[] {"jd-leader", "/colours/overview"})) {
            String body = Api.get(list[0], list[1]).body();
            for (String id :
                    List.of(
                            plan,
                            task,
                            report,
                            evidence,
                            extension,
                            scheme,
                            adjustment,
                            circular,
                            message,
                            csl)) {
                assertThat(body).as(list[0] + " " + list[1]).doesNotContain(id);
            }
            assertThat(body)
                    .as(list[0] + " " + list[1])
                    .doesNotContain("隔离测试")
                    .doesNotContain("长寿路街道");
        }
        // And nothing was changed by the attempts: 普陀区 still has everything as it was.
        assertThat(Api.get("pt-admin", "/plans/" + plan).status()).isEqualTo(200);
        assertThat(Api.get("pt-csl", "/reports/" + report).json().getString("state"))
                .isEqualTo("DRAFT");
        assertThat(Api.get("pt-admin", "/circulars/" + circular).json().getString("state"))
                .isEqualTo("DRAFT");
        assertThat(Api.get("pt-admin", "/units/" + csl).json().getString("name"))
                .isEqualTo("长寿路街道");
        assertThat(Api.get("pt-admin", "/extensions/pending").body()).contains(extension);
        assertThat(Api.get("pt-admin", "/appeals/" + appeal).json().getString("status"))
                .isEqualTo("OPEN");
    }

    /**
     * Who may call what: every role outside the list gets 403, every role in it does not (nor 401).
     */
    @Test
    void theRoleMatrixIsEnforced() {
        Set<String> a = Set.of("pt-admin"),
                al = Set.of("pt-admin", "pt-leader"),
                alr = Set.of("pt-admin", "pt-leader", "pt-csl");
        Set<String> ar = Set.of("pt-admin", "pt-csl"), p = Set.of("operator");
        Set<String> c = Set.of(CITY_VIEWER);
        // With the unit head: what every person of a unit reads (and does as its unit).
        Set<String> alru = Set.of("pt-admin", "pt-leader", "pt-csl", HEAD),
                aru = Set.of("pt-admin", "pt-csl", HEAD),
                ru = Set.of("pt-csl", HEAD),
                u = Set.of(HEAD);
        String unknown = "00000000-0000-4000-8000-000000000000";
        record Row(
                String method,
                String path,
                String body,
                Set<String> allowed,
                boolean callAllowed) {}
        List<Row> matrix =
                List.of(
                        new Row("GET", "/units", null, alru, true),
                        new Row("POST", "/units", "{}", a, true),
                        new Row("GET", "/tenants", null, p, true),
                        new Row("POST", "/tenants", "{}", p, true),
                        new Row("POST", "/tenants/deleted/directory-purge", "", p, false),
                        // re-running a missed timer slot (an unknown job: 404 for the operator)
                        new Row(
                                "POST",
                                "/tenants/pt/jobs/no-such-job/runs",
                                "{\"slot\":\"2026-01-01\"}",
                                p,
                                true),
                        new Row("GET", "/tenants/current", null, alru, true),
                        new Row("GET", "/plans", null, al, true),
                        new Row("POST", "/plans", "{}", a, true),
                        new Row("POST", "/plans/preview", "{}", a, true),
                        new Row("GET", "/tasks", null, alru, true),
                        new Row("GET", "/tasks/mine", null, aru, true),
                        new Row("POST", "/tasks", "{}", a, true),
                        new Row("POST", "/tasks/bulk", "{}", a, false),
                        // 分解 (issue 21): read by whoever sees the task (an unknown one: 404);
                        // split by a town's admin only (the office passes the door, the service
                        // refuses it: TownPlanIT)
                        new Row("GET", "/tasks/" + unknown + "/parts", null, alru, true),
                        new Row("POST", "/tasks/" + unknown + "/parts", "{}", a, false),
                        new Row("GET", "/tasks/export.xlsx", null, alru, true),
                        new Row("GET", "/reports/pending", null, a, true),
                        // reuse by reference (an unknown draft: 404 for those allowed)
                        new Row(
                                "GET",
                                "/reports/" + unknown + "/reusable-evidence",
                                null,
                                aru,
                                true),
                        new Row(
                                "POST",
                                "/reports/" + unknown + "/evidence",
                                "{\"sha256\":\"" + evidenceSha + "\"}",
                                ar,
                                true),
                        new Row(
                                "POST",
                                "/contributions/" + unknown + "/evidence",
                                "{\"sha256\":\"" + evidenceSha + "\"}",
                                ru,
                                true),
                        new Row("GET", "/extensions/pending", null, a, true),
                        new Row("GET", "/settings/reminders", null, al, true),
                        new Row("PUT", "/settings/reminders", "{}", a, false),
                        new Row("POST", "/reminders/run", "{}", a, false),
                        // colours by rules
                        new Row("GET", "/colours/rules", null, alru, true),
                        new Row("PUT", "/colours/rules", "{}", a, false),
                        new Row("GET", "/colours/rules/history", null, al, true),
                        new Row("POST", "/colours/run", "{}", a, false),
                        new Row("GET", "/colours/overview", null, al, true),
                        new Row("GET", "/inbox", null, alru, true),
                        // notification channels: the office sets them, leaders read the log
                        new Row("GET", "/channels/settings", null, a, true),
                        new Row("PUT", "/channels/settings", "{}", a, false),
                        new Row("GET", "/channels/units", null, a, true),
                        new Row("GET", "/channels/units/" + unknown, null, a, true),
                        new Row("PUT", "/channels/units/" + unknown, "{}", a, true),
                        new Row("POST", "/channels/units/" + unknown + "/test", "{}", a, true),
                        new Row("GET", "/channels/deliveries", null, al, true),
                        new Row("GET", "/platform/outbound", null, p, true),
                        new Row("PUT", "/platform/outbound/allow-list", "{}", p, false),
                        new Row("PUT", "/platform/outbound/ca", "{}", p, false),
                        new Row("GET", "/audit", null, al, true),
                        new Row("GET", "/audit/verify", null, al, true),
                        new Row("GET", "/evaluation/schemes?year=" + NEXT, null, alru, true),
                        new Row("POST", "/evaluation/schemes", "{}", a, true),
                        new Row("GET", "/evaluation/rankings?period=" + NEXT, null, alru, true),
                        new Row("GET", "/evaluation/trend?year=" + NEXT, null, al, true),
                        new Row("GET", "/evaluation/periods?year=" + NEXT, null, alru, true),
                        new Row("POST", "/evaluation/periods/2000/close", "{}", a, true),
                        new Row("GET", "/evaluation/adjustments?year=" + NEXT, null, al, true),
                        new Row("POST", "/evaluation/adjustments", "{}", a, true),
                        new Row("GET", "/circulars?year=" + NEXT, null, alru, true),
                        new Row("POST", "/circulars", "{}", a, true),
                        new Row("POST", "/circulars/due?date=2000-01-02", "{}", a, true),
                        // a town's own (issue 21): read by the office, leaders and the town's
                        // admin (an unknown town: 404, not 403); written by the town's admin
                        // (the office passes the door, the service answers 403 or 404)
                        new Row(
                                "GET",
                                "/evaluation/rankings?period=" + NEXT + "&town=" + unknown,
                                null,
                                alru,
                                true),
                        new Row(
                                "GET",
                                "/evaluation/schemes/current?year=" + NEXT + "&town=" + unknown,
                                null,
                                alru,
                                true),
                        new Row("POST", "/evaluation/schemes?town=" + unknown, "{}", a, true),
                        new Row("GET", "/circulars?town=" + unknown, null, alru, true),
                        new Row("POST", "/circulars?town=" + unknown, "{}", a, true),
                        // receipt
                        new Row("GET", "/receipts/pending", null, alru, true),
                        new Row("POST", "/receipts", "{}", ru, true),
                        new Row("POST", "/receipts/chase", "{}", a, false),
                        new Row("GET", "/receipts/disputes", null, al, true),
                        // sources: matters and the leader's word (an unknown task: 404, not 403)
                        new Row("POST", "/matters", "{}", a, true),
                        new Row("POST", "/matters/batch", "{}", a, true),
                        new Row("GET", "/tasks/awaiting-signoff", null, al, true),
                        new Row(
                                "POST",
                                "/tasks/00000000-0000-4000-8000-000000000000/instructions",
                                "{\"text\":\"批示\"}",
                                Set.of("pt-leader"),
                                true),
                        // contributions (an unknown task: 404 for those allowed, not 403)
                        new Row(
                                "GET",
                                "/contributions/00000000-0000-4000-8000-000000000000",
                                null,
                                alru,
                                true),
                        new Row(
                                "PUT",
                                "/contributions/00000000-0000-4000-8000-000000000000",
                                "{\"text\":\"配合\"}",
                                ru,
                                true),
                        new Row(
                                "POST",
                                "/contributions/00000000-0000-4000-8000-000000000000/send",
                                "{}",
                                ru,
                                true),
                        new Row(
                                "GET",
                                "/contributions?task=00000000-0000-4000-8000-000000000000",
                                null,
                                alru,
                                true),
                        new Row(
                                "POST",
                                "/contributions/00000000-0000-4000-8000-000000000000/acknowledge",
                                "{}",
                                ru,
                                true),
                        new Row(
                                "POST",
                                "/tasks/00000000-0000-4000-8000-000000000000/signoff",
                                "{}",
                                al,
                                true),
                        // inside a unit: the unit head's and unit admin's (of these users, the
                        // head)
                        new Row("GET", "/hand-over", null, u, true),
                        new Row("GET", "/hand-over/colleagues", null, u, true),
                        new Row(
                                "PUT",
                                "/hand-over/tasks/00000000-0000-4000-8000-000000000000",
                                "{\"username\":\"pt-csl\"}",
                                u,
                                true),
                        new Row(
                                "DELETE",
                                "/hand-over/tasks/00000000-0000-4000-8000-000000000000",
                                null,
                                u,
                                true),
                        new Row("POST", "/hand-over/leaver", "{}", u, true),
                        new Row("GET", "/hand-over/reports", null, u, true),
                        new Row(
                                "POST",
                                "/hand-over/reports/00000000-0000-4000-8000-000000000000",
                                "{\"decision\":\"APPROVE\"}",
                                u,
                                true),
                        new Row("GET", "/hand-over/settings", null, alru, true),
                        new Row("PUT", "/hand-over/settings", "{}", a, true),
                        // what a unit's 联络员 reads, its head reads too (issue 19)
                        new Row("GET", "/inbox/unread-count", null, alru, true),
                        new Row("POST", "/inbox/" + unknown + "/read", "", alru, true),
                        new Row("GET", "/inbox/" + unknown, null, alru, true),
                        new Row("GET", "/tasks/" + unknown + "/reminders", null, al, true),
                        new Row("GET", "/units/" + unknown + "/reminders", null, al, true),
                        new Row("POST", "/units/" + unknown + "/reminders", "{}", a, true),
                        new Row("GET", "/circulars/" + unknown, null, alru, true),
                        new Row("GET", "/units/" + csl, null, alru, true),
                        // 下级单位 (issue 21): the office and leaders read, the office (and a
                        // town's own unit admin, see TownsIT) adds; an unknown town: 404
                        new Row("GET", "/units/" + unknown + "/children", null, al, true),
                        // 下发 (issue 21 item 3): the office sends down; a town's admin its own
                        // (see CascadeIT); an unknown plan: 404
                        new Row("POST", "/plans/" + unknown + "/cascade", "", a, true),
                        new Row("POST", "/plans/" + unknown + "/cascade/" + csl, "", a, true),
                        new Row(
                                "PUT",
                                "/plans/" + unknown + "/points/" + unknown,
                                "{\"text\":\"改\"}",
                                a,
                                true),
                        new Row("POST", "/units/" + unknown + "/children", "{}", a, true),
                        new Row("PUT", "/units/" + unknown + "/children/" + unknown, "{}", a, true),
                        new Row("GET", "/tasks/ledger.pdf?unit=" + csl, null, alru, true),
                        new Row(
                                "GET",
                                "/evaluation/schemes/current?year=" + NEXT,
                                null,
                                alru,
                                true),
                        new Row(
                                "GET",
                                "/evaluation/units/" + csl + "/breakdown?period=" + NEXT,
                                null,
                                alru,
                                true),
                        new Row("GET", "/reports/" + report, null, alru, true),
                        // evidence pack: the office and leaders the district's, a unit its own
                        new Row("POST", "/evidence-packs?plan=" + plan, "", alru, true),
                        new Row("GET", "/evidence-packs/years", null, alru, true),
                        // the escalation ladder: the office runs and rules it, leaders approve
                        // their
                        // rungs, the unit head signs for a 督办单
                        new Row("GET", "/escalations/rules", null, alru, true),
                        new Row("PUT", "/escalations/rules", "{}", a, false),
                        new Row("POST", "/escalations/run", "{}", a, false),
                        new Row("GET", "/escalations", null, al, true),
                        new Row("GET", "/escalations/awaiting", null, al, true),
                        new Row("GET", "/escalations/awaiting/by-unit", null, al, true),
                        new Row("POST", "/escalations/batch", "{}", al, true),
                        new Row("GET", "/escalations/counts", null, al, true),
                        new Row("GET", "/escalations/to-sign", null, ru, true),
                        new Row("POST", "/escalations/" + unknown + "/issue", "{}", al, true),
                        new Row(
                                "POST",
                                "/escalations/" + unknown + "/withdraw",
                                "{\"reason\":\"x\"}",
                                al,
                                true),
                        new Row(
                                "POST",
                                "/escalations/" + unknown + "/acknowledgement",
                                "",
                                u,
                                true),
                        new Row(
                                "POST",
                                "/escalations/" + unknown + "/talk",
                                "{\"on\":\"2026-01-01\",\"with\":\"x\",\"record\":\"y\"}",
                                a,
                                true),
                        new Row("GET", "/escalations/" + unknown + "/notice.pdf", null, alru, true),
                        new Row("GET", "/tasks/" + unknown + "/escalations", null, alru, true),
                        // appeals (申诉): the unit files, the office decides, everyone of the
                        // district reads (an unknown appeal: 404 for those allowed, not 403)
                        new Row("GET", "/appeals", null, alru, true),
                        new Row("GET", "/appeals/targets?period=2000-01", null, ru, true),
                        new Row("GET", "/appeals/" + unknown, null, alru, true),
                        new Row(
                                "POST",
                                "/appeals/" + unknown + "/decision",
                                "{\"decision\":\"REJECT\",\"note\":\"x\"}",
                                a,
                                true),
                        new Row(
                                "GET",
                                "/appeals/" + unknown + "/evidence/" + unknown,
                                null,
                                alru,
                                true),
                        new Row("GET", "/appeals/settings", null, alru, true),
                        new Row("PUT", "/appeals/settings", "{\"days\":7}", a, false),
                        // but a 联络员's report stays its own
                        new Row("POST", "/tasks/" + unknown + "/reports", "{}", ar, true),
                        // a city above districts: the office reports up (sending has a side
                        // effect: refusals only), the city reads what it received, the operator
                        // sets memberships (unknown tenants: 404)
                        new Row("GET", "/city-reports", null, a, true),
                        new Row("GET", "/city-reports/preview", null, a, true),
                        new Row("POST", "/city-reports", "{}", a, false),
                        new Row("GET", "/city-reports/" + unknown, null, a, true),
                        new Row("GET", "/city/snapshots", null, c, true),
                        new Row("GET", "/city/snapshots/" + unknown, null, c, true),
                        new Row("GET", "/city/overview", null, c, true),
                        new Row("GET", "/platform/cities", null, p, true),
                        new Row("PUT", "/platform/cities/no-city/members/no-district", "", p, true),
                        new Row(
                                "DELETE",
                                "/platform/cities/no-city/members/no-district",
                                null,
                                p,
                                true));
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix) {
            for (String user :
                    List.of("pt-admin", "pt-leader", "pt-csl", HEAD, "operator", CITY_VIEWER)) {
                boolean allowed = row.allowed().contains(user);
                if (allowed && !row.callAllowed())
                    continue; // side effects: only the refusals are checked
                int status = call(user, row.method(), row.path(), row.body()).status();
                if (allowed ? status == 403 || status == 401 : status != 403) {
                    wrong.add(user + " " + row.method() + " " + row.path() + " → " + status);
                }
            }
        }
        // Filing an appeal is multipart: a unit's people only (an empty filing: 400, not 403).
        String boundary = "iso" + System.nanoTime();
        String empty =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOVERDUE\r\n--"
                        + boundary
                        + "--\r\n";
        for (String user : List.of("pt-admin", "pt-leader", "pt-csl", HEAD, "operator")) {
            int status =
                    call(
                                    user,
                                    "POST",
                                    "/appeals",
                                    empty,
                                    "multipart/form-data; boundary=" + boundary)
                            .status();
            boolean allowed = ru.contains(user);
            if (allowed ? status == 403 || status == 401 : status != 403)
                wrong.add(user + " POST /appeals (multipart) → " + status);
        }
        assertThat(wrong).isEmpty();
        // No token: an API client is told 401 (a browser would be sent to the login page).
        assertThat(Api.get(null, "/tasks").status()).isEqualTo(401);
    }
}
