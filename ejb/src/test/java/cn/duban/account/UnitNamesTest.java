package cn.duban.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitNamesTest {

    @Test
    void aSubUnitIsFoundByCodeOrTownAndNameNeverByASharedName() {
        Unit csl = new Unit("csl", "长寿路街道", UnitKind.TOWN);
        Unit cy = new Unit("cyxc", "曹杨新村街道", UnitKind.TOWN);
        Unit cslDzb = new Unit("csl-1", "党政办", UnitKind.OFFICE);
        cslDzb.setParent(csl);
        Unit cyDzb = new Unit("cyxc-1", "党政办", UnitKind.OFFICE);
        cyDzb.setParent(cy);
        Unit jw = new Unit("csl-2", "长寿居委", UnitKind.COMMUNITY);
        jw.setParent(csl);
        AccountImport.UnitNames names =
                new AccountImport.UnitNames(List.of(csl, cy, cslDzb, cyDzb, jw));
        assertThat(names.find("长寿路街道")).isSameAs(csl);
        assertThat(names.find("党政办")).isNull();
        assertThat(names.find("长寿路街道党政办")).isSameAs(cslDzb);
        assertThat(names.find("曹杨新村街道党政办")).isSameAs(cyDzb);
        assertThat(names.find("cyxc-1")).isSameAs(cyDzb);
        assertThat(names.find("长寿居委")).isSameAs(jw);
    }
}
