package cn.duban.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.client.Api;
import cn.duban.client.PlanDocuments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A throwaway district for one class, so no other class's inbox or counts change: its office, one
 * town, an administrator who has logged in once, and a published plan of last year's tasks led by
 * the town, all overdue. {@link #close()} removes the administrator's account.
 *
 * @param tenant the district's id
 * @param admin the administrator's user name
 * @param town the town's name
 * @param token the administrator's bearer token
 * @param year the plan's year (last year in Beijing)
 */
public record LateDistrict(String tenant, String admin, String town, String token, int year)
        implements AutoCloseable {

    /**
     * Onboards the district and publishes its plan.
     *
     * @param prefix the tenant id's prefix (ASCII), e.g. {@code rem}
     * @param label the Chinese word in its names, e.g. 催办
     * @param phone the administrator's phone
     * @param tasks how many overdue tasks the town leads
     */
    public static LateDistrict open(String prefix, String label, String phone, int tasks) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String tenant = prefix + "-" + suffix;
        String admin = prefix + "-admin-" + suffix;
        String town = label + "测试镇" + suffix;
        Api.Reply onboarded =
                Api.post(
                        "operator",
                        "/tenants/onboarding",
                        Json.createObjectBuilder()
                                .add("id", tenant)
                                .add("name", label + "测试区" + suffix)
                                .add(
                                        "units",
                                        Json.createArrayBuilder()
                                                .add(
                                                        unit(
                                                                "qfb",
                                                                label + "区府办" + suffix,
                                                                "DISTRICT_OFFICE"))
                                                .add(unit("town", town, "TOWN")))
                                .add(
                                        "admin",
                                        Json.createObjectBuilder()
                                                .add("username", admin)
                                                .add("name", label + "管理员")
                                                .add("phone", phone)
                                                .add("email", admin + "@" + prefix + ".test"))
                                .build()
                                .toString());
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        RealmAdmin.completeFirstLogin(admin, People.PASSWORD);
        String token = People.token(admin);
        int last = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        StringBuilder text = new StringBuilder(last + "年" + label + "测试工作要点\n一、催办\n");
        for (int i = 1; i <= tasks; i++) {
            text.append(i)
                    .append(".开展第")
                    .append(i)
                    .append("项")
                    .append(label)
                    .append("测试专项工作。（责任单位：")
                    .append(town)
                    .append("；完成时限：")
                    .append(last)
                    .append("年6月30日前）\n");
        }
        Api.Reply plan =
                People.post(
                        token,
                        "/plans",
                        PlanDocuments.saveRequest(text.toString(), prefix + ".txt"));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        String planId = plan.json().getString("id");
        assertThat(People.post(token, "/plans/" + planId + "/publication", "{}").status())
                .isEqualTo(200);
        return new LateDistrict(tenant, admin, town, token, last);
    }

    @Override
    public void close() {
        RealmAdmin.delete(admin);
    }

    private static JsonObject unit(String code, String name, String kind) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("name", name)
                .add("kind", kind)
                .build();
    }
}
