package cn.duban.plan.parse;

import java.util.List;

/**
 * A numbered work point: title (lead phrase), whole text, units, deadline, milestones, sub-points,
 * and the people of a 责任领导/分管领导 column ({@code leaders}: never units).
 */
public record Point(
        String number,
        String title,
        String text,
        List<UnitRef> units,
        Deadline deadline,
        List<Milestone> milestones,
        List<Point> children,
        List<String> leaders) {

    public Point {
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
    }

    /** A point without leaders (prose names none). */
    public Point(
            String number,
            String title,
            String text,
            List<UnitRef> units,
            Deadline deadline,
            List<Milestone> milestones,
            List<Point> children) {
        this(number, title, text, units, deadline, milestones, children, List.of());
    }
}
