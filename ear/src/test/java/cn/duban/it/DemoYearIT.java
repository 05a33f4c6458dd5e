package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.OwnDistrict;
import cn.duban.it.support.PageWalk;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The run command's demo year (cn.duban.demo), written into a fresh district of this test's own
 * ({@value #TENANT}, 普陀区's units) by deploying the application with {@code duban.demo.year} naming
 * it, as the run command does for 普陀区. The other tests never set the switch, and this one sets it
 * for its own district only and removes it again: 普陀区 and 嘉定区 keep their clean data. What a visitor
 * would see is asserted through the API; deploying again (a restart) must change nothing, and the
 * audit chain must verify.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoYearIT {

    static final String TENANT = "demoyear";
    static final String DEPLOYMENT = "demo-year";
    static final String ADMIN = "dy-admin", LEADER = "dy-leader", TOWN = "dy-csl";

    @ArquillianResource Deployer deployer;

    @ArquillianResource ManagementClient management;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aYearInProgressWrittenOnceThroughTheServices() throws Exception {
        // The first deployment migrates the schema (a fresh database when this class runs alone).
        deployer.deploy(DEPLOYMENT);
        freshDistrict();
        deployer.undeploy(DEPLOYMENT);
        Map<String, Long> others = otherDistricts();
        setSwitch(TENANT);
        try {
            long t0 = System.nanoTime();
            deployer.deploy(DEPLOYMENT);
            // The year is written by a timer just after the deployment: the plan, then the steps
            // in one transaction whose last steps issue circulars.
            long deadline = System.nanoTime() + 1_800_000_000_000L;
            // ... then, in a transaction of its own, 长寿路街道's plan (DemoTownWriter).
            while (Db.maintCount("select count(*) from circular where tenant_id = '" + TENANT + "'")
                            == 0
                    || Db.maintCount(
                                    "select count(*) from plan where supervisor_unit_id is not null"
                                            + " and tenant_id = '"
                                            + TENANT
                                            + "'")
                            == 0) {
                assertThat(System.nanoTime())
                        .as("demo year written in 1800 s (DemoYear's transaction timeout)")
                        .isLessThan(deadline);
                Thread.sleep(1_000);
            }
            long first = System.nanoTime() - t0;
            Map<String, Long> written = counts();

            whatAVisitorSees();
            assertThat(counts()).as("reading through the API writes nothing").isEqualTo(written);
            everyPageAsItsUsersSeeIt();
            // The town opening its returned task starts the correction draft, carrying the
            // returned text and evidence over (TaskPage): the visit may write that one draft.
            Map<String, Long> visited = counts();
            assertThat(visited.get("progress_report") - written.get("progress_report"))
                    .as("drafts started by the walk")
                    .isBetween(0L, 1L);

            deployer.undeploy(DEPLOYMENT);
            t0 = System.nanoTime();
            deployer.deploy(DEPLOYMENT);
            long second = System.nanoTime() - t0;
            Thread.sleep(10_000); // the timer's check, had it written anything, would be done
            // A restart leaves the year as it was: not a row more, not an audit entry more.
            assertThat(counts()).isEqualTo(visited);
            System.out.printf(
                    "DEMO-YEAR deployed and written after %.1f s, deployed with it present %.1f s;"
                            + " rows %s%n",
                    first / 1e9, second / 1e9, written);
        } finally {
            setSwitch(null);
            deployer.undeploy(DEPLOYMENT);
        }
        // Nothing was written anywhere else.
        assertThat(otherDistricts()).isEqualTo(others);
    }

    /** 长寿路街道's own plan: published to its 下级单位, one report approved by the town, one waiting. */
    void aTownRunsItsOwnPlan(List<JsonObject> plans) {
        String csl = Api.unitId(ADMIN, "长寿路街道");
        List<JsonObject> town =
                plans.stream()
                        .filter(p -> csl.equals(p.getString("supervisorUnitId", null)))
                        .toList();
        assertThat(town).hasSize(1);
        assertThat(town.get(0).getString("title")).contains("长寿路街道").contains("重点工作任务清单");
        List<JsonObject> tasks =
                Api.get(ADMIN, "/tasks?limit=100&plan=" + town.get(0).getString("id"))
                        .json()
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class);
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(8);
        assertThat(tasks).extracting(t -> t.getString("unitName")).contains("党政办", "社区管理办", "长寿居委");
        assertThat(tasks).anyMatch(t -> t.getString("status").equals("APPROVED"));
        assertThat(tasks).anyMatch(t -> t.getString("status").equals("SUBMITTED"));
        String dzb = null;
        for (JsonObject c :
                Api.get(ADMIN, "/units/" + csl + "/children").array().getValuesAs(JsonObject.class))
            if (c.getString("name").equals("党政办")) dzb = c.getString("id");
        assertThat(dzb).isNotNull();
        // A district task of the town split to 党政办 (and 社区服务办): a task of the district's plan.
        String townPlan = town.get(0).getString("id");
        assertThat(
                        Api.get(ADMIN, "/tasks?limit=100&unit=" + dzb)
                                .json()
                                .getJsonArray("items")
                                .getValuesAs(JsonObject.class))
                .anyMatch(t -> !t.getString("planId").equals(townPlan));
    }

    void whatAVisitorSees() {
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        // The seed plan, imported and published, dated relative to today.
        List<JsonObject> allPlans =
                Api.get(ADMIN, "/plans").array().getValuesAs(JsonObject.class).stream().toList();
        // The district's own plan, and 长寿路街道's (issue 21), which the district reads.
        List<JsonObject> plans =
                allPlans.stream()
                        .filter(p -> p.getString("supervisorUnitId", null) == null)
                        .toList();
        assertThat(plans).hasSize(1);
        JsonObject plan = plans.get(0);
        aTownRunsItsOwnPlan(allPlans);
        int year = plan.getInt("year");
        assertThat(year).isIn(thisYear, thisYear - 1);
        assertThat(plan.getString("title")).contains(year + "年").contains("普陀区政务公开工作要点");
        String planId = plan.getString("id");

        long all = total(ADMIN, "/tasks?plan=" + planId + "&limit=1");
        assertThat(all).isGreaterThan(500);
        long approved = total(ADMIN, "/tasks?status=APPROVED&limit=1");
        long returned = total(ADMIN, "/tasks?status=RETURNED&limit=1");
        long submitted = total(ADMIN, "/tasks?status=SUBMITTED&limit=1");
        long overdue = total(ADMIN, "/tasks?overdue=true&limit=1");
        assertThat(approved).as("approved").isGreaterThan(100);
        assertThat(returned).as("returned, awaiting correction").isPositive();
        assertThat(overdue).as("overdue").isPositive();
        if (year == thisYear) assertThat(submitted).as("awaiting review").isPositive();
        List<JsonObject> done =
                Api.get(ADMIN, "/tasks?status=APPROVED&limit=500")
                        .json()
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class);
        assertThat(done).anyMatch(t -> t.get("onTime") == JsonValue.FALSE);
        assertThat(done).anyMatch(t -> t.get("onTime") == JsonValue.TRUE);
        System.out.printf(
                "DEMO-YEAR %d: %d tasks, %d approved, %d awaiting review, %d returned, %d overdue%n",
                year, all, approved, submitted, returned, overdue);

        // A completed task carries its reports, evidence and reviews.
        JsonObject task = Api.get(ADMIN, "/tasks/" + done.get(0).getString("id")).json();
        List<JsonObject> reports = task.getJsonArray("reports").getValuesAs(JsonObject.class);
        assertThat(reports).anyMatch(r -> "APPROVED".equals(r.getString("state")));
        assertThat(reports).anyMatch(r -> !r.getJsonArray("evidence").isEmpty());

        // The town's liaison sees its own work only.
        JsonObject mine = Api.get(TOWN, "/tasks?limit=500").json();
        assertThat(mine.getJsonNumber("total").longValue()).isPositive().isLessThan(all);
        assertThat(mine.getJsonArray("items").getValuesAs(JsonObject.class))
                .allMatch(t -> "长寿路街道".equals(t.getString("unitName")));

        // The scheme at 5 %.
        JsonObject scheme = Api.get(LEADER, "/evaluation/schemes/current?year=" + year).json();
        assertThat(scheme.getJsonNumber("planWeight").bigDecimalValue()).isEqualByComparingTo("5");

        // Closed quarters with published rankings.
        List<JsonObject> closed =
                Api.get(ADMIN, "/evaluation/periods?year=" + year)
                        .array()
                        .getValuesAs(JsonObject.class);
        assertThat(closed).isNotEmpty();
        assertThat(closed).allMatch(p -> p.getString("period").startsWith(year + "-Q"));
        JsonObject ranking = Api.get(LEADER, "/evaluation/rankings?period=" + year + "-Q1").json();
        assertThat(ranking.get("snapshot")).isNotEqualTo(JsonValue.NULL);
        List<JsonObject> units = ranking.getJsonArray("units").getValuesAs(JsonObject.class);
        assertThat(units).hasSizeGreaterThan(20);
        assertThat(units).anyMatch(u -> u.getInt("rank", 0) == 1);
        assertThat(units).anyMatch(u -> u.getInt("overdue") > 0);

        // Issued circulars, which units read, and the inbox notices.
        List<JsonObject> circulars =
                Api.get(TOWN, "/circulars?year=" + year).array().getValuesAs(JsonObject.class);
        assertThat(circulars).hasSize(closed.size());
        assertThat(circulars)
                .allSatisfy(
                        c -> {
                            assertThat(c.getString("state")).isEqualTo("ISSUED");
                            assertThat(c.getString("docNumber")).contains("府办通〔");
                        });
        assertThat(Api.get(TOWN, "/inbox").array()).hasSizeGreaterThan(3);
        assertThat(Api.get(ADMIN, "/inbox").array()).isNotEmpty();

        // Every entry the year wrote verifies.
        JsonObject verified = Api.get(ADMIN, "/audit/verify").json();
        assertThat(verified.getBoolean("intact")).as(verified.toString()).isTrue();
        assertThat(verified.getJsonNumber("checked").longValue()).isGreaterThan(1000);
    }

    /**
     * Every page of the district office, the leader and the town, at 390 and 1440 px, with the demo
     * year in them: none scrolls sideways on a phone or shows a missing text, a UTC time or a raw
     * null; each is shot to target/screenshots/demo-year for a person to look at.
     */
    void everyPageAsItsUsersSeeIt() throws Exception {
        String plan = Api.get(ADMIN, "/plans").array().getJsonObject(0).getString("id");
        String approved =
                Api.get(ADMIN, "/tasks?status=APPROVED&limit=1")
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("id");
        JsonObject townTasks = Api.get(TOWN, "/tasks?status=RETURNED&limit=1").json();
        if (townTasks.getJsonArray("items").isEmpty())
            townTasks = Api.get(TOWN, "/tasks?limit=1").json();
        String townTask = townTasks.getJsonArray("items").getJsonObject(0).getString("id");
        int year = Api.get(ADMIN, "/plans").array().getJsonObject(0).getInt("year");
        String circular =
                Api.get(TOWN, "/circulars?year=" + year).array().getJsonObject(0).getString("id");
        PageWalk walk = new PageWalk(Path.of("target/screenshots/demo-year"));
        walk.walk(
                ADMIN,
                List.of(
                        "/app/admin/plan.xhtml?id=" + plan,
                        "/app/admin/publish.xhtml?plan=" + plan,
                        "/app/admin/plan-import.xhtml",
                        "/app/receipts.xhtml",
                        "/app/task.xhtml?id=" + approved,
                        "/app/circular.xhtml?id=" + circular));
        walk.walk(
                LEADER,
                List.of("/app/task.xhtml?id=" + approved, "/app/circular.xhtml?id=" + circular));
        walk.walk(
                TOWN,
                List.of(
                        "/app/task.xhtml?id=" + townTask,
                        "/app/receipts.xhtml",
                        "/app/circular.xhtml?id=" + circular));
        System.out.printf(
                "DEMO-YEAR pages looked at: %d, load %s, findings: %d%n%s%n",
                walk.pages(),
                walk.loadTimes(),
                walk.findings().size(),
                String.join("\n", walk.findings()));
        assertThat(walk.pages()).isGreaterThan(30);
        assertThat(walk.findings()).isEmpty();
    }

    static long total(String user, String path) {
        Reply r = Api.get(user, path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonNumber("total").longValue();
    }

    /** A district of its own, with 普陀区's units, and its people in Keycloak. */
    static void freshDistrict() throws SQLException {
        OwnDistrict.create(TENANT, "演示区");
        OwnDistrict.person(TENANT, ADMIN, "qfb", "district-admin");
        OwnDistrict.person(TENANT, LEADER, null, "leader");
        OwnDistrict.person(TENANT, TOWN, "csl", "unit-reporter");
    }

    static final List<String> TABLES =
            List.of(
                    "plan",
                    "task",
                    "progress_report",
                    "evidence",
                    "inbox_message",
                    "evaluation_scheme",
                    "evaluation_snapshot",
                    "circular",
                    "audit_log");

    static Map<String, Long> counts() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            out.put(
                    table,
                    Db.maintCount(
                            "select count(*) from "
                                    + table
                                    + " where tenant_id = '"
                                    + TENANT
                                    + "'"));
        }
        return out;
    }

    static Map<String, Long> otherDistricts() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            out.put(
                    table,
                    Db.maintCount(
                            "select count(*) from "
                                    + table
                                    + " where tenant_id <> '"
                                    + TENANT
                                    + "'"));
        }
        return out;
    }

    /** Sets (or with null removes) the server's duban.demo.year, read at the next deployment. */
    void setSwitch(String tenant) throws Exception {
        ModelNode address = Operations.createAddress("system-property", "duban.demo.year");
        ModelNode op;
        if (tenant == null) {
            op = Operations.createRemoveOperation(address);
        } else {
            op = Operations.createAddOperation(address);
            op.get("value").set(tenant);
        }
        ModelNode result = management.getControllerClient().execute(op);
        assertThat(Operations.isSuccessfulOutcome(result)).as(result.toString()).isTrue();
    }
}
