package cn.duban.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ledger.PublishingService.Assignment;
import cn.duban.ledger.PublishingService.OpenName;
import cn.duban.ledger.PublishingService.Proposed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Units picked for 相关部门 take the role the plan gives that name, or the one the admin chose. */
class PublishPicksTest {

    private final UUID point = UUID.randomUUID();
    private final UUID dataBureau = UUID.randomUUID();
    private final UUID health = UUID.randomUUID();
    private final UUID town = UUID.randomUUID();
    private final OpenName related =
            new OpenName(point, "3", "组织专题培训", "相关部门", "需指定具体单位", "COOPERATING");
    private final List<Proposed> baseline =
            List.of(
                    new Proposed(
                            point,
                            "3",
                            "3 组织专题培训",
                            dataBureau,
                            "区数据局",
                            "DEPARTMENT",
                            "LEAD",
                            null,
                            "",
                            List.of(),
                            null,
                            "NEW"));

    @Test
    void unitsPickedForCooperatingNamesCooperateAndThePlansLeadStays() {
        Map<UUID, List<Assignment>> out =
                PublishPicks.assignments(
                        List.of(related),
                        baseline,
                        Map.of(
                                PublishPicks.key(related),
                                new String[] {health.toString(), town.toString()}),
                        Map.of());
        assertThat(out.get(point))
                .containsExactly(
                        new Assignment(health, "COOPERATING"),
                        new Assignment(town, "COOPERATING"),
                        new Assignment(dataBureau, "LEAD"));
    }

    @Test
    void theAdminsRoleChoiceWins() {
        Map<UUID, List<Assignment>> out =
                PublishPicks.assignments(
                        List.of(related),
                        baseline,
                        Map.of(PublishPicks.key(related), new String[] {health.toString()}),
                        Map.of(PublishPicks.key(related), "LEAD"));
        assertThat(out.get(point))
                .containsExactly(
                        new Assignment(health, "LEAD"), new Assignment(dataBureau, "LEAD"));
    }

    @Test
    void aPointWithoutPicksKeepsThePlansResolution() {
        assertThat(PublishPicks.assignments(List.of(related), baseline, Map.of(), Map.of()))
                .isEmpty();
        assertThat(
                        PublishPicks.assignments(
                                List.of(related),
                                baseline,
                                Map.of(PublishPicks.key(related), new String[0]),
                                Map.of()))
                .isEmpty();
    }
}
