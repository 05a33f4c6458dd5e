package cn.duban.plan.parse;

import java.util.List;

/**
 * A numbered work point: title (lead phrase), whole text, units, deadline, milestones, sub-points.
 */
public record Point(
        String number,
        String title,
        String text,
        List<UnitRef> units,
        Deadline deadline,
        List<Milestone> milestones,
        List<Point> children) {}
