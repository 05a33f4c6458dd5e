package cn.duban.evaluation;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * One line of a scheme: a name, its points (out of 100), and the work points it covers (a whole
 * plan, a section, or a point with its sub-points, resolved to point ids).
 */
public record Indicator(String name, BigDecimal points, Set<UUID> pointIds) {

    public Indicator {
        pointIds = Set.copyOf(pointIds);
    }

    /**
     * Scoring keys maps by indicator: the record's own hash would hash every covered point id on
     * each look-up. Equal indicators have equal names, points and sizes, so this agrees with
     * equals.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, points, pointIds.size());
    }

    boolean covers(TaskFacts task) {
        return pointIds.contains(task.pointId());
    }
}
