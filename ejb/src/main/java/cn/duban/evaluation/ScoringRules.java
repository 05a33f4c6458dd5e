package cn.duban.evaluation;

import cn.duban.ledger.Rating;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a scheme, apart from its indicators. Percentages are of a task's points; deductions
 * are in points.
 *
 * @param lateDeductionPercent completion mode: per day or week a task is completed (or still open)
 *     after its deadline
 * @param lateCapPercent completion mode: the most lateness can take from a task
 * @param partialCredit completion mode: an unfinished task earns its progress × partialRate
 * @param partialRate at most the lowest quality multiplier, so approving a task never lowers a
 *     score
 * @param quality multipliers by the review's rating (优 1.0, 良 0.9, 中 0.75, 差 0.5)
 * @param perOverdueTask deduction mode: 逾期未办结，每件扣
 * @param perLateTask deduction mode: 逾期办结，每件扣 (at most perOverdueTask)
 * @param perMissedReport deduction mode: 未按期报送，每次扣
 * @param perReturn deduction mode: 报送被退回，每次扣
 * @param bonusCap the most bonus items (加分) can add in a period
 * @param deductionCap the most deduction items (扣分) can take in a period
 */
public record ScoringRules(
        SchemeType type,
        BigDecimal lateDeductionPercent,
        LateUnit lateUnit,
        BigDecimal lateCapPercent,
        boolean partialCredit,
        BigDecimal partialRate,
        Map<Rating, BigDecimal> quality,
        BigDecimal perOverdueTask,
        BigDecimal perLateTask,
        BigDecimal perMissedReport,
        BigDecimal perReturn,
        BigDecimal bonusCap,
        BigDecimal deductionCap) {

    public enum LateUnit {
        DAY("日"),
        WEEK("周");

        private final String label;

        LateUnit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ScoringRules {
        quality = quality == null ? Map.of() : Map.copyOf(quality);
    }

    /** The customary rules: 5% a week late up to half; 优1.0 良0.9 中0.75 差0.5; 每件扣10分、每次扣5分. */
    public static ScoringRules defaults(SchemeType type) {
        Map<Rating, BigDecimal> q = new EnumMap<>(Rating.class);
        q.put(Rating.EXCELLENT, new BigDecimal("1.00"));
        q.put(Rating.GOOD, new BigDecimal("0.90"));
        q.put(Rating.FAIR, new BigDecimal("0.75"));
        q.put(Rating.POOR, new BigDecimal("0.50"));
        return new ScoringRules(
                type,
                new BigDecimal("5"),
                LateUnit.WEEK,
                new BigDecimal("50"),
                false,
                new BigDecimal("0.50"),
                q,
                new BigDecimal("10"),
                new BigDecimal("5"),
                new BigDecimal("5"),
                new BigDecimal("2"),
                new BigDecimal("5"),
                new BigDecimal("10"));
    }

    public BigDecimal multiplier(Rating rating) {
        return rating == null ? BigDecimal.ONE : quality.getOrDefault(rating, BigDecimal.ONE);
    }

    /** A problem with one field of a scheme, in words the office understands. */
    public record Problem(String field, String message) {}

    /** Everything wrong with these rules and indicators; empty when the scheme can be saved. */
    public List<Problem> problems(List<Indicator> indicators) {
        List<Problem> p = new ArrayList<>();
        if (type == null) p.add(new Problem("type", "请选择计分方式。"));
        if (indicators.isEmpty()) p.add(new Problem("indicators", "至少需要一项考核指标。"));
        BigDecimal sum = BigDecimal.ZERO;
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            String field = "indicators[" + i + "]";
            if (ind.name() == null || ind.name().isBlank())
                p.add(new Problem(field + ".name", "第" + (i + 1) + "项指标缺少名称。"));
            if (ind.points() == null || ind.points().signum() <= 0) {
                p.add(new Problem(field + ".points", "第" + (i + 1) + "项指标的分值须大于0。"));
            } else {
                sum = sum.add(ind.points());
            }
            if (ind.pointIds().isEmpty())
                p.add(new Problem(field + ".target", "第" + (i + 1) + "项指标未对应任何工作要点。"));
            for (java.util.UUID id : ind.pointIds()) {
                if (!seen.add(id)) {
                    p.add(
                            new Problem(
                                    field + ".target",
                                    "第" + (i + 1) + "项指标与前面的指标范围重叠，同一任务只能计入一项指标。"));
                    break;
                }
            }
        }
        if (!indicators.isEmpty() && sum.compareTo(new BigDecimal(100)) != 0) {
            p.add(
                    new Problem(
                            "indicators",
                            "各项指标分值合计应为100分，当前为"
                                    + sum.stripTrailingZeros().toPlainString()
                                    + "分。"));
        }
        if (type == SchemeType.COMPLETION) {
            percent(p, "lateDeductionPercent", lateDeductionPercent, "逾期扣减比例");
            percent(p, "lateCapPercent", lateCapPercent, "逾期扣减上限");
            if (lateUnit == null) p.add(new Problem("lateUnit", "请选择逾期按日还是按周扣减。"));
            if (quality.size() != Rating.values().length)
                p.add(new Problem("quality", "请为优、良、中、差分别设定质量系数。"));
            BigDecimal lowest = BigDecimal.ONE;
            for (Map.Entry<Rating, BigDecimal> e : quality.entrySet()) {
                BigDecimal m = e.getValue();
                if (m == null || m.signum() <= 0 || m.compareTo(BigDecimal.ONE) > 0) {
                    p.add(
                            new Problem(
                                    "quality." + e.getKey(),
                                    "质量系数（" + e.getKey().label() + "）应大于0且不超过1。"));
                } else if (m.compareTo(lowest) < 0) {
                    lowest = m;
                }
            }
            if (partialCredit
                    && (partialRate == null
                            || partialRate.signum() < 0
                            || partialRate.compareTo(lowest) > 0)) {
                p.add(
                        new Problem(
                                "partialRate",
                                "未办结任务按进度计分的系数应在0到最低质量系数（"
                                        + lowest.toPlainString()
                                        + "）之间，"
                                        + "否则审核通过反而可能降低得分。"));
            }
        } else if (type == SchemeType.DEDUCTION) {
            points(p, "perOverdueTask", perOverdueTask, "逾期未办结每件扣分");
            points(p, "perLateTask", perLateTask, "逾期办结每件扣分");
            points(p, "perMissedReport", perMissedReport, "未按期报送每次扣分");
            points(p, "perReturn", perReturn, "报送被退回每次扣分");
            if (perLateTask != null
                    && perOverdueTask != null
                    && perLateTask.compareTo(perOverdueTask) > 0) {
                p.add(new Problem("perLateTask", "逾期办结的扣分不应多于逾期未办结，否则办结反而扣分更多。"));
            }
        }
        points(p, "bonusCap", bonusCap, "加分上限");
        points(p, "deductionCap", deductionCap, "扣分上限");
        return p;
    }

    private static void percent(List<Problem> p, String field, BigDecimal v, String what) {
        if (v == null || v.signum() < 0 || v.compareTo(new BigDecimal(100)) > 0)
            p.add(new Problem(field, what + "应在0到100之间。"));
    }

    private static void points(List<Problem> p, String field, BigDecimal v, String what) {
        if (v == null || v.signum() < 0 || v.compareTo(new BigDecimal(100)) > 0)
            p.add(new Problem(field, what + "应在0到100分之间。"));
    }
}
