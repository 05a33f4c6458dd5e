package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.LateDistrict;
import cn.duban.it.support.People;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Timers run once per cluster: a tenant's slot of a job is claimed in {@code job_run} by one node,
 * and a slot another node ("node-b") claimed is not run here. Driven through the operator's re-run
 * of a slot ({@code POST /tenants/{id}/jobs/{job}/runs}), which claims the slot exactly as a node's
 * timer does (EachTenant / OncePerCluster → JobRuns.claim). Runs in its own throwaway district.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TimersOnceIT {

    private static final int TASKS = 7;

    private static final String JOB = "daily-reminders";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void eachSlotOfTheDailyRunIsRunOnceWhateverTheNodes() throws Exception {
        try (LateDistrict district = LateDistrict.open("once", "定时", "13900000003", TASKS)) {
            String tenant = district.tenant();
            String token = district.token();
            String suffix = district.tenant().substring("once-".length());
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

            String runs = "/tenants/" + tenant + "/jobs/" + JOB + "/runs";
            String overdue =
                    "select count(*) from inbox_message where tenant_id = '"
                            + tenant
                            + "' and kind = 'OVERDUE'";
            String rows =
                    "select count(*) from job_run where tenant_id = '"
                            + tenant
                            + "' and job = '"
                            + JOB
                            + "'";

            // Refusals first: unknown job 404, a slot to come or in another form 400, not the
            // district's own administrator 403.
            assertThat(
                            Api.post(
                                            "operator",
                                            "/tenants/" + tenant + "/jobs/nightly/runs",
                                            slot(today))
                                    .status())
                    .isEqualTo(404);
            assertThat(
                            Api.post(
                                            "operator",
                                            "/tenants/no-such-tenant/jobs/" + JOB + "/runs",
                                            slot(today))
                                    .status())
                    .isEqualTo(404);
            Api.Reply future = Api.post("operator", runs, slot(today.plusDays(1)));
            assertThat(future.status()).as(future.body()).isEqualTo(400);
            assertThat(future.contentType()).startsWith("application/problem+json");
            assertThat(future.body()).contains("job.slot-future");
            assertThat(
                            Api.post("operator", runs, "{\"slot\":\"" + today.getYear() + "\"}")
                                    .status())
                    .isEqualTo(400);
            assertThat(People.post(token, runs, slot(today.minusDays(1))).status()).isEqualTo(403);
            assertThat(Db.maintCount(rows)).isZero();

            // (a) The slot of yesterday was claimed by node-b: this node sends nothing for it.
            LocalDate yesterday = today.minusDays(1);
            Db.maintExecute(
                    "insert into job_run (tenant_id, job, slot, node, finished_at) values ('"
                            + tenant
                            + "', '"
                            + JOB
                            + "', '"
                            + yesterday
                            + "', 'node-b', now())");
            Api.Reply claimed = Api.post("operator", runs, slot(yesterday));
            assertThat(claimed.status()).as(claimed.body()).isEqualTo(409);
            assertThat(claimed.body()).contains("job.slot-claimed");
            assertThat(Db.maintCount(overdue)).isZero();
            // Finished there: taking it over is refused as well.
            assertThat(Api.post("operator", runs, takeOver(yesterday)).status()).isEqualTo(409);
            assertThat(Db.maintCount(overdue)).isZero();

            // (b) Two runs of the same slot at once: one claims it and sends every notice once.
            LocalDate twoDaysAgo = today.minusDays(2);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            List<Integer> statuses = new ArrayList<>();
            try {
                List<Future<Api.Reply>> replies = new ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    replies.add(
                            nodes.submit(
                                    () -> {
                                        start.await();
                                        return Api.post("operator", runs, slot(twoDaysAgo));
                                    }));
                }
                start.countDown();
                for (Future<Api.Reply> r : replies) {
                    Api.Reply reply = r.get();
                    statuses.add(reply.status());
                    if (reply.status() == 200) {
                        JsonObject run = reply.json();
                        assertThat(run.getString("slot")).isEqualTo(twoDaysAgo.toString());
                        assertThat(run.getString("result")).contains("Reminders");
                    }
                }
            } finally {
                nodes.shutdownNow();
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(Db.maintCount(overdue)).isEqualTo(TASKS);
            assertThat(Db.maintCount(rows + " and slot = '" + twoDaysAgo + "'")).isEqualTo(1);
            assertThat(
                            Db.maintCount(
                                    rows
                                            + " and slot = '"
                                            + twoDaysAgo
                                            + "' and finished_at is not null"))
                    .isEqualTo(1);

            // (c) A later slot runs again (each notice is still sent once: nothing new is due).
            Api.Reply later = Api.post("operator", runs, slot(today));
            assertThat(later.status()).as(later.body()).isEqualTo(200);
            assertThat(Db.maintCount(overdue)).isEqualTo(TASKS);
            assertThat(Db.maintCount(rows)).isEqualTo(3);
            assertThat(Api.post("operator", runs, slot(today)).status()).isEqualTo(409);
            assertThat(Db.maintCount(rows)).isEqualTo(3);

            // The operators' trail has the two runs that ran.
            assertThat(
                            Db.maintCount(
                                    "select count(*) from operator_audit where action = 'job.run'"
                                            + " and subject = '"
                                            + tenant
                                            + "'"))
                    .isEqualTo(2);

            // Row-level security: the district sees its rows, another tenant none, and the
            // platform's rows need app.platform on.
            assertThat(
                            Db.appRoleCountIn(
                                    tenant,
                                    "select count(*) from job_run where job = '" + JOB + "'"))
                    .isEqualTo(3);
            assertThat(Db.appRoleCountIn("pt", rows)).isZero();
            Db.maintExecute(
                    "insert into job_run (tenant_id, job, slot, node) values ('', 'it-"
                            + suffix
                            + "', 'x', 'node-b')");
            assertThat(Db.appRoleCountIn("", "select count(*) from job_run where tenant_id = ''"))
                    .isZero();
            assertThat(Db.appRoleCount("select count(*) from job_run")).isZero();
        }
    }

    private static String slot(LocalDate day) {
        return "{\"slot\":\"" + day + "\"}";
    }

    private static String takeOver(LocalDate day) {
        return "{\"slot\":\"" + day + "\",\"takeOver\":true}";
    }
}
