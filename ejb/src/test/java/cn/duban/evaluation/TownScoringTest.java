package cn.duban.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whom a supervisor's scheme ranks (issue 21): the district its units, a town its 下级单位. */
class TownScoringTest {

    static Unit unit(String name, UnitKind kind, Unit parent) {
        Unit u = new Unit(name, name, kind);
        u.setParent(parent);
        return u;
    }

    final Unit office = unit("区府办", UnitKind.DISTRICT_OFFICE, null);
    final Unit csl = unit("长寿路街道", UnitKind.TOWN, office);
    final Unit cyxc = unit("曹杨新村街道", UnitKind.TOWN, null);
    final Unit sjj = unit("区数据局", UnitKind.DEPARTMENT, null);
    final Unit dzb = unit("党政办", UnitKind.OFFICE, csl);
    final Unit jw = unit("一居委", UnitKind.COMMUNITY, csl);
    final Unit grid = unit("网格站", UnitKind.OFFICE, jw);
    final Unit cyDzb = unit("党政办", UnitKind.OFFICE, cyxc);
    final List<Unit> all = List.of(office, csl, cyxc, sjj, dzb, jw, grid, cyDzb);

    @Test
    void theDistrictRanksItsOwnUnitsAndNoSubUnit() {
        assertThat(ScoringInputs.scored(all, null)).containsExactly(csl, cyxc, sjj);
    }

    @Test
    void aTownRanksEveryUnitBelowItButNotItselfNorAnotherTownsUnits() {
        assertThat(ScoringInputs.scored(all, csl.getId())).containsExactly(dzb, jw, grid);
        assertThat(ScoringInputs.scored(all, cyxc.getId())).containsExactly(cyDzb);
        assertThat(ScoringInputs.scored(all, sjj.getId())).isEmpty();
    }

    @Test
    void aTownsOfficesAndCommitteesAreRankedApart() {
        assertThat(ScoringInputs.group(dzb)).isEqualTo("科室组");
        assertThat(ScoringInputs.group(jw)).isEqualTo("居村组");
        assertThat(ScoringInputs.group(unit("一村", UnitKind.VILLAGE, csl))).isEqualTo("居村组");
        // The district's groups are as before.
        assertThat(ScoringInputs.group(csl)).isEqualTo("街镇组");
        assertThat(ScoringInputs.group(sjj)).isEqualTo("部门组");
    }
}
