package cn.duban.evaluation;

import cn.duban.ledger.Rating;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scheme as the office submits it. Rules left out take the customary values ({@link
 * ScoringRules#defaults}).
 */
public record SchemeInput(
        Integer year,
        String name,
        SchemeType type,
        BigDecimal planWeight,
        BigDecimal lateDeductionPercent,
        ScoringRules.LateUnit lateUnit,
        BigDecimal lateCapPercent,
        Boolean partialCredit,
        BigDecimal partialRate,
        Map<String, BigDecimal> quality,
        BigDecimal perOverdueTask,
        BigDecimal perLateTask,
        BigDecimal perMissedReport,
        BigDecimal perReturn,
        BigDecimal bonusCap,
        BigDecimal deductionCap,
        String note,
        List<IndicatorInput> indicators) {

    public record IndicatorInput(
            String name, BigDecimal points, SchemeIndicator.Target target, UUID targetId) {}

    public SchemeInput {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        name = name == null ? null : name.strip();
        note = note == null || note.isBlank() ? null : note.strip();
    }

    ScoringRules rules() {
        ScoringRules d = ScoringRules.defaults(type == null ? SchemeType.COMPLETION : type);
        return new ScoringRules(
                type,
                or(lateDeductionPercent, d.lateDeductionPercent()),
                lateUnit == null ? d.lateUnit() : lateUnit,
                or(lateCapPercent, d.lateCapPercent()),
                partialCredit != null && partialCredit,
                or(partialRate, d.partialRate()),
                quality == null || quality.isEmpty() ? d.quality() : qualityByRating(),
                or(perOverdueTask, d.perOverdueTask()),
                or(perLateTask, d.perLateTask()),
                or(perMissedReport, d.perMissedReport()),
                or(perReturn, d.perReturn()),
                or(bonusCap, d.bonusCap()),
                or(deductionCap, d.deductionCap()));
    }

    /**
     * Multipliers keyed by rating name (EXCELLENT) or label (优); unknown keys are left out, which
     * validation reports.
     */
    private Map<Rating, BigDecimal> qualityByRating() {
        Map<Rating, BigDecimal> out = new java.util.EnumMap<>(Rating.class);
        quality.forEach(
                (k, v) ->
                        java.util.Arrays.stream(Rating.values())
                                .filter(
                                        r ->
                                                r.name().equalsIgnoreCase(k.strip())
                                                        || r.label().equals(k.strip()))
                                .findFirst()
                                .ifPresent(r -> out.put(r, v)));
        return out;
    }

    private static BigDecimal or(BigDecimal v, BigDecimal fallback) {
        return v == null ? fallback : v;
    }
}
