package cn.duban.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.Api.Reply;
import cn.duban.client.PlanDocuments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans for the integration tests: today's date in the districts' time zone, a small plan due in
 * the next days, saving a plan through the API and finding its points (formerly on LedgerIT,
 * PlanImportIT and IsolationIT).
 */
public final class Plans {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    /** Next year: plans of that year are no other test's. */
    public static final int NEXT_YEAR = TODAY.getYear() + 1;

    private Plans() {}

    /** A plan due in the next days, so its tasks are due soon whenever the test runs. */
    public static String dueSoon(String name) {
        return TODAY.getYear()
                + "年"
                + name
                + "督办测试工作要点\n"
                + "一、重点工作\n"
                + "1.开展"
                + name
                + "街镇专项检查。（责任单位：各街镇；完成时限："
                + full(TODAY.plusDays(5))
                + "前）\n"
                + "2.建设"
                + name
                + "数据共享平台。（牵头单位：区数据局；配合单位：长寿路街道；完成时限："
                + full(TODAY.plusDays(2))
                + "前）\n"
                + "3.组织"
                + name
                + "AI应用专题培训。（责任单位：相关部门；完成时限："
                + full(TODAY.plusDays(20))
                + "前）\n"
                + "4.每季度报送"
                + name
                + "数据开放进展。（责任单位：区数据局）\n";
    }

    /** A date as plans write it: 2025年3月31日. */
    public static String full(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** The body of the import preview ({@code POST /plans/preview}): {@code {"text": …}}. */
    public static String textRequest(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    /** Saves the plan text as the user (201 expected) and answers the saved plan. */
    public static JsonObject saved(String user, String text, String name) {
        Reply reply = Api.post(user, "/plans", PlanDocuments.saveRequest(text, name));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** The point with this number, searched depth first through all sections. */
    public static JsonObject point(JsonObject plan, String number) {
        return plan.getJsonArray("sections").stream()
                .flatMap(s -> flatten(s.asJsonObject().getJsonArray("points")).stream())
                .filter(p -> p.getString("number").equals(number))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point " + number));
    }

    /** The points and all their children, depth first. */
    public static List<JsonObject> flatten(JsonArray points) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : points) {
            out.add(v.asJsonObject());
            out.addAll(flatten(v.asJsonObject().getJsonArray("children")));
        }
        return out;
    }

    /** The tasks of a task page ({@code items}) that belong to the unit of that name. */
    public static List<JsonObject> tasksOf(JsonObject page, String unitName) {
        return page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> t.getString("unitName").equals(unitName))
                .toList();
    }
}
