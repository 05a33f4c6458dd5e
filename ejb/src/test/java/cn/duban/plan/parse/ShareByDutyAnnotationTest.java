package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * "(X、Y…按职责分工负责)" with no label is an annotation: every unit named leads (xinjian-district-2024 of
 * the accuracy corpus).
 */
class ShareByDutyAnnotationTest {

    @Test
    void anUnlabelledShareByDutyAnnotationIsRead() {
        Point p =
                new PlanParser()
                        .parse(
                                "(一)聚焦政府中心工作。加强信息公开。(区发改委、区科工信局、区金融服务中心按职责分工负责)\n",
                                ParseOptions.defaults())
                        .sections()
                        .get(0)
                        .points()
                        .get(0);
        assertThat(p.units()).extracting(UnitRef::name).containsExactly("区发改委", "区科工信局", "区金融服务中心");
        assertThat(p.units()).allMatch(u -> u.role() == UnitRole.LEAD);
        assertThat(p.title()).isEqualTo("聚焦政府中心工作");
    }
}
