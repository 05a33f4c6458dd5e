package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Units inside table cells and annotations, in the phrasings real plans use (issue 17, item 2). */
class UnitCellPhrasingTest {

    private static final PlanParser PARSER = new PlanParser();

    private static List<UnitRef> read(String cell) {
        List<UnitRef> units = new ArrayList<>();
        UnitAnnotations.read(cell, units);
        return units;
    }

    /** The units of the single point of a pipe table with the given unit column header and cell. */
    private static List<UnitRef> tableUnits(String unitHeader, String cell) {
        String text =
                "| 序号 | 工作任务 | "
                        + unitHeader
                        + " | 完成时限 |\n"
                        + "| 1 | 推进政务公开标准化规范化建设。 | "
                        + cell
                        + " | 全年 |\n";
        ParsedPlan plan = PARSER.parse(text, ParseOptions.defaults());
        List<Point> points = plan.sections().stream().flatMap(s -> s.points().stream()).toList();
        assertThat(points).hasSize(1);
        return points.get(0).units();
    }

    private static UnitRef lead(String name) {
        return new UnitRef(name, UnitAnnotations.isCollective(name), UnitRole.LEAD);
    }

    private static UnitRef co(String name) {
        return new UnitRef(name, UnitAnnotations.isCollective(name), UnitRole.COOPERATING);
    }

    @Test
    void leadAndCooperatingInALeadColumn() {
        assertThat(tableUnits("牵头单位", "办公室牵头,各科室配合"))
                .containsExactly(lead("办公室"), new UnitRef("各科室", true, UnitRole.COOPERATING));
        assertThat(tableUnits("牵头单位", "区数据局牵头，区政务服务中心配合"))
                .containsExactly(lead("区数据局"), co("区政务服务中心"));
    }

    @Test
    void leadAndCooperatingInAResponsibleColumn() {
        assertThat(tableUnits("责任单位", "办公室牵头，各科室配合"))
                .containsExactly(lead("办公室"), new UnitRef("各科室", true, UnitRole.COOPERATING));
    }

    @Test
    void unitsSharingDutiesAllLead() {
        assertThat(read("区发改委、区财政局按职责分工负责")).containsExactly(lead("区发改委"), lead("区财政局"));
        assertThat(tableUnits("责任单位", "区教育局、区卫健委按职责分工负责"))
                .containsExactly(lead("区教育局"), lead("区卫健委"));
        // With a named lead the others still co-operate.
        assertThat(read("区发改委牵头，区财政局按职责分工负责")).containsExactly(lead("区发改委"), co("区财政局"));
    }

    @Test
    void aParenthesisedQualifierStaysInTheName() {
        assertThat(read("区委办（区档案局）")).containsExactly(lead("区委办（区档案局）"));
        assertThat(read("区委办（区档案局、区史志办）、区财政局")).containsExactly(lead("区委办（区档案局、区史志办）"), co("区财政局"));
        assertThat(tableUnits("牵头单位", "区委办（区档案局）")).containsExactly(lead("区委办（区档案局）"));
    }

    @Test
    void anEtceteraTailIsDropped() {
        assertThat(read("区发改委等")).containsExactly(lead("区发改委"));
        assertThat(read("区发改委、区财政局等单位")).containsExactly(lead("区发改委"), co("区财政局"));
        assertThat(tableUnits("配合单位", "区住建局等部门")).containsExactly(co("区住建局"));
        // 等相关部门 is a collective of its own.
        assertThat(read("区数据局等相关部门"))
                .containsExactly(lead("区数据局"), new UnitRef("相关部门", true, UnitRole.COOPERATING));
    }

    // The shared 各 distributes (GOLD.md): 街道办事处 here is 各街道办事处.
    @Test
    void townshipsAndSubdistrictsAreCollectives() {
        assertThat(read("各乡镇人民政府、街道办事处"))
                .containsExactly(
                        new UnitRef("各乡镇人民政府", true, UnitRole.LEAD),
                        new UnitRef("各街道办事处", true, UnitRole.COOPERATING));
        assertThat(tableUnits("配合单位", "各乡镇人民政府、街道办事处"))
                .containsExactly(
                        new UnitRef("各乡镇人民政府", true, UnitRole.COOPERATING),
                        new UnitRef("各街道办事处", true, UnitRole.COOPERATING));
        // A named one is not.
        assertThat(UnitAnnotations.isCollective("新华街道办事处")).isFalse();
    }
}
