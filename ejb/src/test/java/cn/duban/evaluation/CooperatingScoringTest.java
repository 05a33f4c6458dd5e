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
 * The scheme rule cooperatingScoring: a point led by 区财政局 with 区审计局 co-operating, due 31 March,
 * scored on 1 July for the year to date.
 */
class CooperatingScoringTest {

    static final UUID POINT = UUID.randomUUID();
    static final List<Indicator> ONE =
            List.of(new Indicator("全部", new BigDecimal("100"), Set.of(POINT)));
    static final UnitRef LEAD = new UnitRef(UUID.randomUUID(), "区财政局", "部门组");
    static final UnitRef CO = new UnitRef(UUID.randomUUID(), "区审计局", "部门组");
    static final LocalDate DUE = LocalDate.of(2026, 3, 31);

    /** The lead completed on time, rated 良 (×0.9). */
    static TaskFacts lead() {
        return new TaskFacts(
                UUID.randomUUID(),
                LEAD.id(),
                POINT,
                "牵头",
                DUE,
                TaskStatus.APPROVED,
                100,
                LocalDate.of(2026, 3, 20),
                Rating.GOOD,
                List.of(),
                List.of(),
                TaskSource.PLAN);
    }

    /** The co-unit never reported to the district itself; it sent its contribution on that day. */
    static TaskFacts co(LocalDate contributedOn) {
        return new TaskFacts(
                UUID.randomUUID(),
                CO.id(),
                POINT,
                "配合",
                DUE,
                TaskStatus.IN_PROGRESS,
                0,
                null,
                null,
                List.of(),
                List.of(LocalDate.of(2026, 2, 28)),
                TaskSource.PLAN,
                true,
                contributedOn);
    }

    static ScoringRules rules(SchemeType type, CooperatingScoring rule) {
        Map<String, Object> values = ScoringRules.defaults(type).values();
        values.put("cooperatingScoring", rule.name());
        return ScoringRules.of(type, values, null);
    }

    static Scoreboard board(ScoringRules rules, TaskFacts co) {
        return Scoring.score(
                rules,
                new BigDecimal("100"),
                ONE,
                List.of(LEAD, CO),
                List.of(lead(), co),
                List.of(),
                Period.yearToDate(2026),
                LocalDate.of(2026, 7, 1));
    }

    static UnitScore score(ScoringRules rules, TaskFacts co, UnitRef unit) {
        return board(rules, co).unit(unit.id()).orElseThrow();
    }

    @Test
    void newSchemesLetTheLeadCarryThePoint() {
        assertThat(ScoringRules.defaults(SchemeType.COMPLETION).cooperating())
                .isEqualTo(CooperatingScoring.LEAD_CARRIES);
        assertThat(ScoringRules.defaults(SchemeType.DEDUCTION).problems(ONE)).isEmpty();
    }

    @Test
    void leadCarriesScoresTheCoUnitOnSendingItsContributionOnTime() {
        ScoringRules r = rules(SchemeType.COMPLETION, CooperatingScoring.LEAD_CARRIES);
        // Sent on the deadline: full points, whatever its own reports (none) say.
        UnitScore onTime = score(r, co(DUE), CO);
        assertThat(onTime.core()).isEqualByComparingTo("100.00");
        assertThat(onTime.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.rule()).isEqualTo("按期向牵头单位报送配合情况"));
        // Ten days late: two started weeks at 5% a week.
        UnitScore late = score(r, co(DUE.plusDays(10)), CO);
        assertThat(late.core()).isEqualByComparingTo("90.00");
        assertThat(late.lines().get(0).rule()).startsWith("逾期10天报送配合情况");
        // Never sent: nothing.
        UnitScore never = score(r, co(null), CO);
        assertThat(never.core()).isEqualByComparingTo("0.00");
        assertThat(never.lines().get(0).rule()).isEqualTo("未向牵头单位报送配合情况，不得分");
        // The lead is scored on its point as before: on time, 良.
        assertThat(score(r, co(null), LEAD).core()).isEqualByComparingTo("90.00");
    }

    @Test
    void leadCarriesInDeductionModeDeductsForALateOrMissingContribution() {
        ScoringRules r = rules(SchemeType.DEDUCTION, CooperatingScoring.LEAD_CARRIES);
        // Its own missed checkpoint does not count: only the contribution does.
        assertThat(score(r, co(DUE), CO).core()).isEqualByComparingTo("100.00");
        assertThat(score(r, co(DUE.plusDays(3)), CO).core()).isEqualByComparingTo("95.00");
        UnitScore never = score(r, co(null), CO);
        assertThat(never.core()).isEqualByComparingTo("90.00");
        assertThat(never.lines().get(0).rule()).startsWith("未报送配合情况，每件扣10分");
    }

    @Test
    void sameAsLeadGivesTheCoUnitTheLeadsResult() {
        ScoringRules r = rules(SchemeType.COMPLETION, CooperatingScoring.SAME_AS_LEAD);
        assertThat(score(r, co(null), CO).core()).isEqualByComparingTo("90.00");
        assertThat(score(r, co(null), LEAD).core()).isEqualByComparingTo("90.00");
    }

    @Test
    void notScoredLeavesTheCoUnitWithoutAScore() {
        ScoringRules r = rules(SchemeType.COMPLETION, CooperatingScoring.NOT_SCORED);
        UnitScore co = score(r, co(DUE), CO);
        assertThat(co.score()).isNull();
        assertThat(co.tasks()).isZero();
        assertThat(score(r, co(DUE), LEAD).core()).isEqualByComparingTo("90.00");
    }

    @Test
    void storedSchemesWithoutTheRuleKeepScoringCoUnitsOnTheirOwnReports() {
        ScoringRules old =
                new ScoringRulesColumn()
                        .convertToEntityAttribute(
                                new ScoringRulesColumn()
                                        .convertToDatabaseColumn(
                                                rules(
                                                        SchemeType.DEDUCTION,
                                                        CooperatingScoring.LEAD_CARRIES))
                                        .replace(",\"cooperatingScoring\":\"LEAD_CARRIES\"", ""));
        assertThat(old.cooperatingScoring()).isNull();
        assertThat(old.cooperating()).isEqualTo(CooperatingScoring.OWN_REPORTS);
        // Its own task is open past its deadline and missed a checkpoint: 10 + 5 deducted, sent or
        // not.
        assertThat(score(old, co(DUE), CO).core()).isEqualByComparingTo("85.00");
        assertThat(
                        score(
                                        rules(SchemeType.DEDUCTION, CooperatingScoring.OWN_REPORTS),
                                        co(DUE),
                                        CO)
                                .core())
                .isEqualByComparingTo("85.00");
    }

    @Test
    void theRuleIsReadByNameOrLabelAndRequired() {
        assertThat(CooperatingScoring.parse("配合单位不计分")).isEqualTo(CooperatingScoring.NOT_SCORED);
        assertThat(CooperatingScoring.parse("same_as_lead"))
                .isEqualTo(CooperatingScoring.SAME_AS_LEAD);
        assertThat(CooperatingScoring.parse("牵头")).isNull();
        Map<String, Object> values = ScoringRules.defaults(SchemeType.COMPLETION).values();
        values.remove("cooperatingScoring");
        assertThat(ScoringRules.of(SchemeType.COMPLETION, values, null).problems(ONE))
                .extracting(ScoringRules.Problem::field)
                .containsExactly("cooperatingScoring");
        values.put("cooperatingScoring", "SOMETIMES");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ScoringRules.of(SchemeType.COMPLETION, values, null))
                .hasMessage("cooperatingScoring");
        assertThat(ScoringRules.choices("cooperatingScoring"))
                .containsExactly("LEAD_CARRIES", "SAME_AS_LEAD", "NOT_SCORED", "OWN_REPORTS");
    }
}
