package cn.duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.ledger.Rating;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules are declared once, in {@link ScoringRules}: every rule is validated, survives the jsonb
 * column and the API's flat JSON unchanged. (Labels and API docs: web's RuleLabelsTest.)
 */
class ScoringRulesCatalogueTest {

    private static final List<Indicator> ONE =
            List.of(
                    new Indicator(
                            "全部", new BigDecimal("100"), java.util.Set.of(UUID.randomUUID())));

    @Test
    void everyRuleButAYesNoIsValidated() {
        assertThat(ScoringRules.specs()).extracting(ScoringRules.Spec::name).hasSize(14);
        for (ScoringRules.Spec spec : ScoringRules.specs()) {
            if (spec.kind() == ScoringRules.Kind.FLAG) continue; // true and false are both valid
            boolean caught = false;
            for (SchemeType type : SchemeType.values()) {
                if (!spec.appliesTo(type)) continue;
                Map<String, Object> values = ScoringRules.defaults(type).values();
                values.put("partialCredit", true); // the rate is checked only when it is used
                values.remove(spec.name());
                ScoringRules missing = ScoringRules.of(type, values, null);
                caught |=
                        missing.problems(ONE).stream()
                                .anyMatch(p -> p.field().startsWith(spec.name()));
                assertThat(ScoringRules.of(type, values, ScoringRules.defaults(type)).problems(ONE))
                        .as("defaults of " + type + " are valid")
                        .isEmpty();
            }
            assertThat(caught).as(spec.name() + " left out is reported").isTrue();
        }
    }

    @Test
    void theColumnKeepsEveryRule() {
        ScoringRulesColumn column = new ScoringRulesColumn();
        for (SchemeType type : SchemeType.values()) {
            Map<String, Object> values = ScoringRules.defaults(type).values();
            values.put("partialCredit", true);
            values.put("lateUnit", "DAY");
            values.put("perReturn", new BigDecimal("2.5"));
            ScoringRules rules = ScoringRules.of(type, values, null);
            String json = column.convertToDatabaseColumn(rules);
            ScoringRules back = column.convertToEntityAttribute(json);
            assertThat(back.type()).isEqualTo(type);
            assertThat(back.values()).hasSameSizeAs(rules.values());
            rules.values()
                    .forEach(
                            (k, v) -> {
                                Object b = back.values().get(k);
                                if (v instanceof BigDecimal d)
                                    assertThat((BigDecimal) b).as(k).isEqualByComparingTo(d);
                                else if (v instanceof Map<?, ?> m)
                                    m.forEach(
                                            (r, x) ->
                                                    assertThat((BigDecimal) ((Map<?, ?>) b).get(r))
                                                            .isEqualByComparingTo((BigDecimal) x));
                                else assertThat(b).as(k).isEqualTo(v);
                            });
        }
        // Two decimals, as the numeric(5,2) columns the jsonb replaced.
        assertThat(column.convertToDatabaseColumn(ScoringRules.defaults(SchemeType.COMPLETION)))
                .contains("\"lateCapPercent\":50.00")
                .contains("\"quality\":{\"EXCELLENT\":1.00");
    }

    @Test
    void anOldRowWithoutARuleReadsItAsAbsent() {
        ScoringRules r =
                new ScoringRulesColumn()
                        .convertToEntityAttribute("{\"type\":\"DEDUCTION\",\"bonusCap\":5.00}");
        assertThat(r.type()).isEqualTo(SchemeType.DEDUCTION);
        assertThat(r.bonusCap()).isEqualByComparingTo("5");
        assertThat(r.perReturn()).isNull();
        assertThat(r.quality()).isEmpty();
        assertThat(r.partialCredit()).isFalse();
    }

    @Test
    void theApiTakesTheRulesBesideTheSchemesFields() throws Exception {
        String json =
                """
                {"year": 2026, "name": "方案", "type": "COMPLETION", "planWeight": 5,
                 "lateDeductionPercent": 3, "lateUnit": "DAY", "partialCredit": true,
                 "partialRate": "0.4", "quality": {"优": 1, "GOOD": 0.8, "FAIR": 0.7, "POOR": 0.5},
                 "bonusCap": 4, "unknown": 1,
                 "indicators": [{"name": "全部", "points": 100, "target": "PLAN",
                                 "targetId": "5c7c2a34-6c4b-4a62-9f39-6a4f7a1c3d10"}]}
                """;
        SchemeInput in;
        try (var jsonb = JsonbBuilder.create()) {
            in = jsonb.fromJson(json, SchemeInput.class);
        }
        assertThat(in.year()).isEqualTo(2026);
        assertThat(in.type()).isEqualTo(SchemeType.COMPLETION);
        assertThat(in.indicators()).hasSize(1);
        assertThat(in.indicators().get(0).target()).isEqualTo(SchemeIndicator.Target.PLAN);
        ScoringRules r = in.scoringRules();
        assertThat(r.lateDeductionPercent()).isEqualByComparingTo("3");
        assertThat(r.lateUnit()).isEqualTo(ScoringRules.LateUnit.DAY);
        assertThat(r.partialCredit()).isTrue();
        assertThat(r.partialRate()).isEqualByComparingTo("0.4");
        assertThat(r.multiplier(Rating.EXCELLENT)).isEqualByComparingTo("1");
        assertThat(r.multiplier(Rating.GOOD)).isEqualByComparingTo("0.8");
        assertThat(r.bonusCap()).isEqualByComparingTo("4");
        // Left out: the customary values.
        ScoringRules d = ScoringRules.defaults(SchemeType.COMPLETION);
        assertThat(r.lateCapPercent()).isEqualTo(d.lateCapPercent());
        assertThat(r.deductionCap()).isEqualTo(d.deductionCap());
    }

    @Test
    void aRuleOfTheWrongFormIsNamed() {
        Map<String, Object> values = new HashMap<>();
        values.put("lateCapPercent", "很多");
        assertThatThrownBy(() -> ScoringRules.of(SchemeType.COMPLETION, values, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lateCapPercent");
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("lateUnit", "MONTH");
        assertThatThrownBy(() -> ScoringRules.of(SchemeType.COMPLETION, unit, null))
                .hasMessage("lateUnit");
    }
}
