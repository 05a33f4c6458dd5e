package cn.duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.evaluation.Scoring.UnitRef;
import cn.duban.ledger.Rating;
import cn.duban.ledger.TaskStatus;
import cn.duban.plan.TaskSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scheme rule sourceWeights: matters of a source weighed 0 are not counted, others weigh in.
 */
class SourceWeightsTest {

    static final UUID PLAN_POINT = UUID.randomUUID(), MATTER_POINT = UUID.randomUUID();
    static final List<Indicator> ONE =
            List.of(new Indicator("全部", new BigDecimal("100"), Set.of(PLAN_POINT, MATTER_POINT)));
    static final UnitRef UNIT = new UnitRef(UUID.randomUUID(), "区财政局", "部门组");
    static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    static TaskFacts done(UUID point, TaskSource source) {
        return new TaskFacts(
                UUID.randomUUID(),
                UNIT.id(),
                point,
                "按期办结",
                LocalDate.of(2026, 3, 31),
                TaskStatus.APPROVED,
                100,
                LocalDate.of(2026, 3, 20),
                Rating.EXCELLENT,
                List.of(),
                List.of(),
                source);
    }

    static TaskFacts overdue(UUID point, TaskSource source) {
        return new TaskFacts(
                UUID.randomUUID(),
                UNIT.id(),
                point,
                "逾期未办结",
                LocalDate.of(2026, 3, 31),
                TaskStatus.IN_PROGRESS,
                0,
                null,
                null,
                List.of(),
                List.of(),
                source);
    }

    static ScoringRules rules(SchemeType type, String hotlineWeight) {
        Map<String, Object> values = ScoringRules.defaults(type).values();
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) values.get("sourceWeights");
        w.put("HOTLINE_12345", new BigDecimal(hotlineWeight));
        return ScoringRules.of(type, values, null);
    }

    static UnitScore score(ScoringRules rules, List<TaskFacts> tasks) {
        return Scoring.score(
                        rules,
                        new BigDecimal("100"),
                        ONE,
                        List.of(UNIT),
                        tasks,
                        List.of(),
                        Period.quarter(2026, 1),
                        JULY)
                .unit(UNIT.id())
                .orElseThrow();
    }

    @Test
    void aSourceWeighedZeroIsNotCounted() {
        List<TaskFacts> tasks =
                List.of(
                        done(PLAN_POINT, TaskSource.PLAN),
                        overdue(MATTER_POINT, TaskSource.HOTLINE_12345));
        UnitScore counted = score(rules(SchemeType.COMPLETION, "1"), tasks);
        assertThat(counted.tasks()).isEqualTo(2);
        assertThat(counted.core()).isEqualByComparingTo("50.00");
        UnitScore left = score(rules(SchemeType.COMPLETION, "0"), tasks);
        assertThat(left.tasks()).isEqualTo(1);
        assertThat(left.core()).isEqualByComparingTo("100.00");
    }

    @Test
    void aWeightSharesTheIndicatorAndSaysSo() {
        List<TaskFacts> tasks =
                List.of(
                        done(PLAN_POINT, TaskSource.PLAN),
                        overdue(MATTER_POINT, TaskSource.HOTLINE_12345));
        // Weight 3 against 1: the overdue matter holds 75 of the 100 points, the plan's task 25.
        UnitScore s = score(rules(SchemeType.COMPLETION, "3"), tasks);
        assertThat(s.core()).isEqualByComparingTo("25.00");
        assertThat(s.lines()).anySatisfy(l -> assertThat(l.rule()).contains("12345热线权重×3"));
    }

    @Test
    void deductionsAreMultipliedByTheWeight() {
        List<TaskFacts> tasks = List.of(overdue(MATTER_POINT, TaskSource.HOTLINE_12345));
        // 每件扣10分 × 2 = 20 of the indicator's 100.
        assertThat(score(rules(SchemeType.DEDUCTION, "2"), tasks).core())
                .isEqualByComparingTo("80.00");
        assertThat(score(rules(SchemeType.DEDUCTION, "1"), tasks).core())
                .isEqualByComparingTo("90.00");
    }

    @Test
    void weightsAreValidatedAndAnOldRuleCountsEverySourceOnce() {
        assertThat(rules(SchemeType.COMPLETION, "6").problems(ONE))
                .extracting(ScoringRules.Problem::field)
                .containsExactly("sourceWeights.HOTLINE_12345");
        assertThat(rules(SchemeType.COMPLETION, "-1").problems(ONE)).isNotEmpty();
        ScoringRules old =
                new ScoringRulesColumn()
                        .convertToEntityAttribute("{\"type\":\"DEDUCTION\",\"bonusCap\":5.00}");
        assertThat(old.weight(TaskSource.LEADER_INSTRUCTION)).isEqualByComparingTo("1");
        // Labels are accepted as keys, as the quality multipliers' are.
        ScoringRules byLabel =
                ScoringRules.of(
                        SchemeType.COMPLETION,
                        Map.of("sourceWeights", Map.of("领导批示", "2")),
                        ScoringRules.defaults(SchemeType.COMPLETION));
        assertThat(byLabel.weight(TaskSource.LEADER_INSTRUCTION)).isEqualByComparingTo("2");
    }
}
