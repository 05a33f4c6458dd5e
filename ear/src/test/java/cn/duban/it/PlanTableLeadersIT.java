package cn.duban.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.it.support.Db;
import cn.duban.it.support.Deployments;
import cn.duban.it.support.Plans;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A task table's 责任领导 column: people kept on the point as leaders (preview, save, read back, stored
 * by migration V12), never as units.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlanTableLeadersIT {

    static final String TABLE =
            """
            2025年普陀区桃浦镇重点工作任务分解表
            类别\t序号\t工作任务\t责任领导\t牵头单位\t配合单位\t完成时限
            产业发展\t1\t新引进亿元以上项目5个。\t张伟、李强\t区发改委\t区商务委\t2025年12月31日
            \t2\t完成规上工业产值50亿元。\t张伟\t区发改委\t\t全年
            """;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void leadersArePreviewedSavedAndReadBackButNeverUnits() throws SQLException {
        Reply preview = Api.post("pt-admin", "/plans/preview", Plans.textRequest(TABLE));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonObject first = Plans.point(preview.json(), "1");
        assertThat(first.getJsonArray("leaders").getValuesAs(JsonString::getString))
                .containsExactly("张伟", "李强");
        assertThat(
                        first.getJsonArray("units").stream()
                                .map(u -> u.asJsonObject().getString("name")))
                .containsExactly("区发改委", "区商务委");

        JsonObject saved = Plans.saved("pt-admin", TABLE, "leaders.txt");
        Reply read = Api.get("pt-admin", "/plans/" + saved.getString("id"));
        assertThat(read.status()).isEqualTo(200);
        JsonObject second = Plans.point(read.json(), "2");
        assertThat(second.getJsonArray("leaders").getValuesAs(JsonString::getString))
                .containsExactly("张伟");
        assertThat(
                        Db.maintCount(
                                "select count(*) from plan_point where plan_id = '"
                                        + saved.getString("id")
                                        + "' and leaders @> '[\"张伟\"]'::jsonb"))
                .isEqualTo(2L);
        assertThat(second.getJsonArray("units").stream().map(JsonValue::asJsonObject))
                .noneMatch(u -> u.getString("name").contains("张伟"));
    }
}
