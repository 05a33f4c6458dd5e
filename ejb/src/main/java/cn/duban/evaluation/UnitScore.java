package cn.duban.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A unit's score for a period with every line that made it. {@code score} is null when the scheme
 * covers none of the unit's tasks: such a unit is listed but not ranked.
 *
 * @param core indicator points before bonus and deduction items
 * @param weighted the score scaled by the plan's weight in the annual assessment (e.g. 5%)
 * @param tasks tasks counted in the period; completed, onTime and overdue are among them
 */
public record UnitScore(
        UUID unitId,
        String unitName,
        String group,
        BigDecimal score,
        BigDecimal core,
        BigDecimal bonus,
        BigDecimal deduction,
        BigDecimal weighted,
        Integer rank,
        int tasks,
        int completed,
        int onTime,
        int overdue,
        List<ScoreLine> lines) {

    /**
     * One reason for points: the task (if any), the indicator, the rule applied and the points it
     * gave or took.
     */
    public record ScoreLine(
            UUID taskId,
            String indicator,
            String task,
            String rule,
            BigDecimal points,
            BigDecimal possible) {}

    /**
     * Units by ranking group, groups in order of first appearance (ranked lists keep their order).
     */
    public static java.util.Map<String, List<UnitScore>> byGroup(List<UnitScore> units) {
        java.util.Map<String, List<UnitScore>> groups = new java.util.LinkedHashMap<>();
        for (UnitScore u : units)
            groups.computeIfAbsent(u.group(), g -> new java.util.ArrayList<>()).add(u);
        return groups;
    }

    /** The same score without its lines, for lists that only rank. */
    public UnitScore withoutLines() {
        return new UnitScore(
                unitId, unitName, group, score, core, bonus, deduction, weighted, rank, tasks,
                completed, onTime, overdue, List.of());
    }

    UnitScore ranked(int newRank) {
        return new UnitScore(
                unitId, unitName, group, score, core, bonus, deduction, weighted, newRank, tasks,
                completed, onTime, overdue, lines);
    }

    /** Completed tasks as a percentage of those counted, or null if none were due. */
    public BigDecimal completionRate() {
        return rate(completed, tasks);
    }

    /** On-time completions as a percentage of tasks counted. */
    public BigDecimal onTimeRate() {
        return rate(onTime, tasks);
    }

    static BigDecimal rate(int part, int whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100L)
                        .divide(BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP);
    }
}
