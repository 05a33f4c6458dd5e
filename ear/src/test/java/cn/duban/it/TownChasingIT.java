package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.PlanDocuments;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.LateDistrict;
import cn.duban.it.support.People;
import cn.duban.it.support.RealmAdmin;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Late work is chased by the office that supervises it (issue 21): in a throwaway district whose
 * town is late on two district tasks and has published its own plan, late too, to its 党政办, the
 * daily reminder run escalates the district's tasks to the district's leaders and office but the
 * town's task to the town's own inbox; the district's escalation ladder climbs for the district's
 * tasks only. Before, both treated the town's task as the district's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TownChasingIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void theTownsLateTaskIsChasedByTheTownNotTheDistrictsLadder() throws Exception {
        try (LateDistrict district = LateDistrict.open("tch", "督促", "13900000021", 2)) {
            String tenant = district.tenant();
            String token = district.token();
            String town = null;
            for (JsonValue u : People.get(token, "/units").array())
                if (u.asJsonObject().getString("name").equals(district.town()))
                    town = u.asJsonObject().getString("id");
            assertThat(town).isNotNull();
            Api.Reply office =
                    People.post(
                            token,
                            "/units/" + town + "/children",
                            "{\"name\":\"党政办\",\"kind\":\"OFFICE\"}");
            assertThat(office.status()).as(office.body()).isEqualTo(201);
            String townCode = People.get(token, "/units/" + town).json().getString("code");
            String townAdmin = "tch-town-" + tenant.substring(tenant.indexOf('-') + 1);
            RealmAdmin.delete(townAdmin);
            Api.Reply account =
                    People.post(
                            token,
                            "/accounts",
                            People.account(townAdmin, "镇管理员", townCode, "unit-admin"));
            assertThat(account.status()).as(account.body()).isEqualTo(201);
            RealmAdmin.completeFirstLogin(townAdmin, People.PASSWORD);
            try {
                String townToken = People.token(townAdmin);
                String text =
                        district.town()
                                + district.year()
                                + "年重点工作\n1.完成镇级督促测试任务。（责任单位：党政办；完成时限："
                                + district.year()
                                + "年6月30日前）\n";
                Api.Reply plan =
                        People.post(
                                townToken, "/plans", PlanDocuments.saveRequest(text, "town.txt"));
                assertThat(plan.status()).as(plan.body()).isEqualTo(201);
                String planId = plan.json().getString("id");
                Api.Reply published =
                        People.post(townToken, "/plans/" + planId + "/publication", "{}");
                assertThat(published.status()).as(published.body()).isEqualTo(200);
                String townTasks =
                        "(select id from task where tenant_id = '"
                                + tenant
                                + "' and supervisor_unit_id is not null)";
                String districtTasks =
                        "(select id from task where tenant_id = '"
                                + tenant
                                + "' and supervisor_unit_id is null)";
                assertThat(Db.maintCount("select count(*) from task where id in " + townTasks))
                        .isEqualTo(1);

                Api.Reply run = People.post(token, "/reminders/run", "{}");
                assertThat(run.status()).as(run.body()).isEqualTo(200);
                assertThat(run.json().getInt("escalated")).isEqualTo(3);
                String escalations =
                        "select count(*) from inbox_message where tenant_id = '"
                                + tenant
                                + "' and kind = 'ESCALATION' and task_id in ";
                // The district's two tasks: its leaders and its office; the town's: the town.
                assertThat(Db.maintCount(escalations + districtTasks + " and role is not null"))
                        .isEqualTo(4);
                assertThat(Db.maintCount(escalations + townTasks + " and role is not null"))
                        .as("the town's task escalated to the district's leaders")
                        .isZero();
                assertThat(Db.maintCount(escalations + townTasks + " and unit_id = '" + town + "'"))
                        .isEqualTo(1);
                // The town's admin reads it in the town's inbox.
                assertThat(People.get(townToken, "/inbox").body()).contains("镇级督促测试任务");

                Api.Reply ladder = People.post(token, "/escalations/run", "{}");
                assertThat(ladder.status()).as(ladder.body()).isEqualTo(200);
                String rungs = "select count(*) from escalation where task_id in ";
                assertThat(Db.maintCount(rungs + districtTasks)).isPositive();
                assertThat(Db.maintCount(rungs + townTasks))
                        .as("the town's task on the district's ladder")
                        .isZero();
            } finally {
                RealmAdmin.delete(townAdmin);
            }
        }
    }
}
