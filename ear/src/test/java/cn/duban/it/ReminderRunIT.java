package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.LateDistrict;
import cn.duban.it.support.People;
import jakarta.json.JsonObject;
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
        try (LateDistrict district = LateDistrict.open("rem", "催办", "13900000002", TASKS)) {
            String tenant = district.tenant();
            String token = district.token();

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
        }
    }
}
