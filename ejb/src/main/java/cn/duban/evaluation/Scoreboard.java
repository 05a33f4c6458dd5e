package cn.duban.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every unit's score for one period, ranked within its group (街镇组, 部门组 …). */
public record Scoreboard(Period period, LocalDate asOf, List<UnitScore> units) {

    public static final String NO_GROUP = "未分组";

    public Scoreboard {
        units = List.copyOf(units);
    }

    /** The units by ranking group, in group order of first appearance, each ranked best first. */
    public Map<String, List<UnitScore>> groups() {
        return UnitScore.byGroup(units);
    }

    public Optional<UnitScore> unit(UUID unitId) {
        return units.stream().filter(u -> u.unitId().equals(unitId)).findFirst();
    }
}
