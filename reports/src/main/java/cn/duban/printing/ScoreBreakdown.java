package cn.duban.printing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's evaluation breakdown (考核得分明细), exported as PDF.
 *
 * @param totalScore the final score as computed by the evaluation; printed, never recomputed here
 * @param rank place within {@code groupName}, e.g. 3 in 街镇组
 * @param lines scored lines, in print order
 * @param adjustments 加分/扣分 lines
 */
public record ScoreBreakdown(
        String unitName,
        String schemeName,
        String periodLabel,
        BigDecimal totalScore,
        int rank,
        String groupName,
        List<Line> lines,
        List<Adjustment> adjustments) {

    public ScoreBreakdown {
        requireNonNull(unitName, "unitName");
        requireNonNull(schemeName, "schemeName");
        requireNonNull(periodLabel, "periodLabel");
        requireNonNull(totalScore, "totalScore");
        requireNonNull(groupName, "groupName");
        lines = List.copyOf(lines);
        adjustments = List.copyOf(adjustments);
    }

    /**
     * @param rule the scoring rule applied, e.g. 按时完成得满分，每逾期1天扣0.5分
     * @param points signed points this line contributes
     */
    public record Line(String indicator, String taskTitle, String rule, BigDecimal points) {
        public Line {
            requireNonNull(indicator, "indicator");
            requireNonNull(taskTitle, "taskTitle");
            requireNonNull(rule, "rule");
            requireNonNull(points, "points");
        }
    }

    /** 加分 when {@code points} is positive or zero, 扣分 when negative. */
    public record Adjustment(String reason, BigDecimal points) {
        public Adjustment {
            requireNonNull(reason, "reason");
            requireNonNull(points, "points");
        }

        public String kind() {
            return points.signum() < 0 ? "扣分" : "加分";
        }
    }
}
