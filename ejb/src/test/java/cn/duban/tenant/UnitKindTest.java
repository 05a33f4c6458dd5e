package cn.duban.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UnitKindTest {

    @Test
    void districtLevelIsDecidedByKindNotByParent() {
        assertThat(Arrays.stream(UnitKind.values()).filter(UnitKind::districtLevel))
                .containsExactly(UnitKind.DISTRICT_OFFICE, UnitKind.DEPARTMENT, UnitKind.TOWN);
        assertThat(Arrays.stream(UnitKind.values()).filter(UnitKind::subUnit))
                .containsExactly(UnitKind.OFFICE, UnitKind.COMMUNITY, UnitKind.VILLAGE);
        // A town placed under 区府办, as in the demo data, is still district-level.
        Unit qfb = new Unit("qfb", "区府办", UnitKind.DISTRICT_OFFICE);
        Unit town = new Unit("csl", "长寿路街道", UnitKind.TOWN);
        town.setParent(qfb);
        Unit office = new Unit("csl-1", "党政办", UnitKind.OFFICE);
        office.setParent(town);
        assertThat(town.getKind().districtLevel()).isTrue();
        assertThat(office.getKind().districtLevel()).isFalse();
    }
}
