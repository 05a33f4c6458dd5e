package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.PlanDocuments;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.People;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily reminder run commits per batch of tasks: every notice appends to the tenant's audit
 * chain, so a run in one transaction held every other writer of the district (a report submission
 * waited 90 s behind a run over 695 overdue tasks). Seen from PostgreSQL: the notices of one run
 * are written by several transactions (distinct {@code xmin}), and each is still sent once. Runs in
 * its own throwaway district, so no other class's inbox or counts change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReminderRunIT {

    private static final int TASKS = 120;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aRunOverManyLateTasksCommitsInBatchesAndSendsEachNoticeOnce() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String tenant = "rem-" + suffix;
        String admin = "rem-admin-" + suffix;
        String town = "催办测试镇" + suffix;
        Api.Reply onboarded =
                Api.post(
                        "operator",
                        "/tenants/onboarding",
                        Json.createObjectBuilder()
                                .add("id", tenant)
                                .add("name", "催办测试区" + suffix)
                                .add(
                                        "units",
                                        Json.createArrayBuilder()
                                                .add(
                                                        unit(
                                                                "qfb",
                                                                "催办区府办" + suffix,
                                                                "DISTRICT_OFFICE"))
                                                .add(unit("town", town, "TOWN")))
                                .add(
                                        "admin",
                                        Json.createObjectBuilder()
                                                .add("username", admin)
                                                .add("name", "催办管理员")
                                                .add("phone", "13900000002")
                                                .add("email", admin + "@reminders.test"))
                                .build()
                                .toString());
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        try {
            RealmAdmin.completeFirstLogin(admin, People.PASSWORD);
            String token = People.token(admin);
            int last = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
            StringBuilder text = new StringBuilder(last + "年催办测试工作要点\n一、催办\n");
            for (int i = 1; i <= TASKS; i++) {
                text.append(i)
                        .append(".开展第")
                        .append(i)
                        .append("项催办测试专项工作。（责任单位：")
                        .append(town)
                        .append("；完成时限：")
                        .append(last)
                        .append("年6月30日前）\n");
            }
            Api.Reply plan =
                    People.post(
                            token,
                            "/plans",
                            PlanDocuments.saveRequest(text.toString(), "reminders.txt"));
            assertThat(plan.status()).as(plan.body()).isEqualTo(201);
            String planId = plan.json().getString("id");
            assertThat(People.post(token, "/plans/" + planId + "/publication", "{}").status())
                    .isEqualTo(200);

            Api.Reply run = People.post(token, "/reminders/run", "{}");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            JsonObject sent = run.json();
            assertThat(sent.getInt("overdue")).isEqualTo(TASKS);
            assertThat(sent.getInt("escalated")).isEqualTo(TASKS);

            String overdue =
                    " from inbox_message where tenant_id = '" + tenant + "' and kind = 'OVERDUE'";
            assertThat(Db.maintCount("select count(*)" + overdue)).isEqualTo(TASKS);
            // 120 tasks, 100 per transaction: two transactions wrote them (one before the fix).
            assertThat(Db.maintCount("select count(distinct xmin::text)" + overdue)).isEqualTo(2);
            assertThat(
                            Db.maintCount(
                                    "select count(*) from audit_log where tenant_id = '"
                                            + tenant
                                            + "' and action = 'reminder.sent'"))
                    .isEqualTo(3L * TASKS); // the unit, the leaders, the district office

            Api.Reply again = People.post(token, "/reminders/run", "{}");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().getInt("overdue")).isZero();
            assertThat(again.json().getInt("escalated")).isZero();
            assertThat(Db.maintCount("select count(*)" + overdue)).isEqualTo(TASKS);
            // The chain is whole after the batches.
            Api.Reply verify = People.get(token, "/audit/verify");
            assertThat(verify.status()).as(verify.body()).isEqualTo(200);
            assertThat(verify.json().getBoolean("intact")).as(verify.body()).isTrue();
        } finally {
            RealmAdmin.delete(admin);
        }
    }

    private static JsonObject unit(String code, String name, String kind) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("name", name)
                .add("kind", kind)
                .build();
    }
}
