package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An edited plan comes back to POST /plans as JSON: the document must read back as it was written,
 * leaders and a unit the user mapped included (a second constructor on Point made JSON-B refuse
 * every such request).
 */
class PlanDocumentJsonTest {

    @Test
    void anEditedPlanReadsBackAsItWasWritten() throws Exception {
        UUID unit = UUID.randomUUID();
        PlanDocument.Point point =
                new PlanDocument.Point(
                        null,
                        "1",
                        "开展专项检查",
                        "开展专项检查。",
                        List.of(new PlanDocument.UnitRef("普陀区数据管理局", false, unit, "LEAD")),
                        new PlanDocument.Deadline(
                                "9月底前", LocalDate.of(2025, 9, 30), "BY_DATE", null),
                        List.of(),
                        List.of(),
                        List.of("张三"));
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(point);
            PlanDocument.Point back = jsonb.fromJson(json, PlanDocument.Point.class);
            assertThat(back).isEqualTo(point);
            assertThat(back.units().get(0).unitId()).isEqualTo(unit);
            assertThat(back.leaders()).containsExactly("张三");
            // A client that knows nothing of leaders still gets an empty list, not null.
            PlanDocument.Point old =
                    jsonb.fromJson(
                            json.replace(",\"leaders\":[\"张三\"]", ""), PlanDocument.Point.class);
            assertThat(old.leaders()).isEmpty();
        }
    }
}
