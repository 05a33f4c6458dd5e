package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A shared 各 distributes over the bare kinds listed after it: "各乡镇人民政府、街道办事处" is 各乡镇人民政府 and 各街道办事处
 * (GOLD.md; county-cell-lines-2025, nanchang-devzone-2023 of the corpus).
 */
class SharedGeTest {

    @Test
    void aSharedGeDistributesOverBareKinds() {
        assertThat(UnitAnnotations.names("各乡镇人民政府、街道办事处")).containsExactly("各乡镇人民政府", "各街道办事处");
        assertThat(UnitAnnotations.names("各镇人民政府、管理处、街道办事处、驻区各单位"))
                .containsExactly("各镇人民政府", "各管理处", "各街道办事处", "驻区各单位");
    }

    @Test
    void aNamedUnitAfterAGeNameIsLeftAlone() {
        assertThat(UnitAnnotations.names("区住建局、街道办事处")).containsExactly("区住建局", "街道办事处");
        assertThat(UnitAnnotations.names("各部门、区府办")).containsExactly("各部门", "区府办");
    }
}
