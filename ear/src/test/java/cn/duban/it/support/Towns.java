package cn.duban.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What the town ITs of 普陀区 (issue 21) do alike: add a 下级单位 to a town, list a plan's tasks as
 * someone sees them, report on a task, and cancel a class's tasks afterwards, each by the office
 * that supervises it.
 */
public final class Towns {

    private Towns() {}

    /** A 下级单位 of the town, added by the district office; its id. */
    public static String child(String town, String name, String kind) {
        Api.Reply r =
                Api.post(
                        "pt-admin",
                        "/units/" + town + "/children",
                        "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    /** A plan's tasks (up to 500) as the user sees them. */
    public static List<JsonObject> planTasks(String user, String planId) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v :
                People.call(user, "GET", "/tasks?limit=500&plan=" + planId, null)
                        .json()
                        .getJsonArray("items")) out.add(v.asJsonObject());
        return out;
    }

    /** A report submitted on the task; its id. */
    public static String report(String user, String task, String text, int percent) {
        Api.Reply r =
                People.call(
                        user,
                        "POST",
                        "/tasks/" + task + "/reports",
                        "{\"text\":\"" + text + "\",\"percent\":" + percent + ",\"submit\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    /**
     * Cancels the tasks, each by its own office: the district's by the district office, a town's by
     * the town's administrator (the district office is refused a town's task).
     */
    public static void cancel(List<String> tasks, String townAdmin) {
        for (String t : tasks)
            if (Api.delete("pt-admin", "/tasks/" + t + "?reason=test-cleanup").status() == 403)
                People.call(townAdmin, "DELETE", "/tasks/" + t + "?reason=test-cleanup", null);
    }
}
