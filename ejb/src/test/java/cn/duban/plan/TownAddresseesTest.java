package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.plan.TownAddressees.Named;
import cn.duban.plan.TownAddressees.Town;
import cn.duban.plan.TownAdoption.Answer;
import cn.duban.plan.TownAdoption.State;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which district points go down to which town (下发), and when a point is fully covered. */
class TownAddresseesTest {

    static final Town CSL = new Town(UUID.randomUUID(), "长寿路街道", List.of("长寿路"));
    static final Town CYXC = new Town(UUID.randomUUID(), "曹杨新村街道", List.of());
    static final Town TQ = new Town(UUID.randomUUID(), "桃浦镇", List.of());
    static final List<Town> TOWNS = List.of(CSL, CYXC, TQ);

    static Named collective(String name) {
        return new Named(name, true, null);
    }

    @Test
    void aCollectiveOfTownsGoesToEveryTown() {
        assertThat(TownAddressees.of(List.of(collective("各街镇")), TOWNS))
                .containsExactly(CSL, CYXC, TQ);
        assertThat(TownAddressees.of(List.of(collective("各街道（镇）")), TOWNS)).hasSize(3);
        // 各单位 takes towns and departments alike when the district publishes.
        assertThat(TownAddressees.of(List.of(collective("各单位")), TOWNS)).hasSize(3);
        // As a co-operating unit after a lead department, too.
        assertThat(
                        TownAddressees.of(
                                List.of(
                                        new Named("区发展改革委", false, UUID.randomUUID()),
                                        collective("各街镇")),
                                TOWNS))
                .hasSize(3);
    }

    @Test
    void departmentsAndQualifiedCollectivesGoToNoTown() {
        assertThat(TownAddressees.of(List.of(collective("各部门")), TOWNS)).isEmpty();
        assertThat(TownAddressees.of(List.of(collective("相关街镇")), TOWNS)).isEmpty();
        assertThat(TownAddressees.of(List.of(collective("各涉农街镇")), TOWNS)).isEmpty();
        assertThat(TownAddressees.of(List.of(new Named("区民政局", false, UUID.randomUUID())), TOWNS))
                .isEmpty();
        assertThat(TownAddressees.of(List.of(), TOWNS)).isEmpty();
    }

    @Test
    void aTownNamedByItsUnitOrNameGetsItAlone() {
        assertThat(TownAddressees.of(List.of(new Named("长寿路街道", false, CSL.id())), TOWNS))
                .containsExactly(CSL);
        // A name not matched to a unit yet: by name or alias.
        assertThat(TownAddressees.of(List.of(new Named("长寿路", false, null)), TOWNS))
                .containsExactly(CSL);
        assertThat(
                        TownAddressees.of(
                                List.of(
                                        new Named("桃浦镇", false, null),
                                        new Named("长寿路街道", false, CSL.id())),
                                TOWNS))
                .as("in the district's order of towns")
                .containsExactly(CSL, TQ);
        // A unit id decides over the name: a department called like a town is no town.
        assertThat(TownAddressees.of(List.of(new Named("长寿路街道", false, UUID.randomUUID())), TOWNS))
                .isEmpty();
    }

    static Answer answer(Town t, boolean expected, State state, String... carriers) {
        return new Answer(t.id(), t.name(), expected, state, null, List.of(carriers));
    }

    @Test
    void fullyCoveredWhenEveryAddressedTownAdoptedItAndASubUnitCarriesIt() {
        assertThat(
                        TownAdoption.fullyCovered(
                                List.of(
                                        answer(CSL, true, State.ADOPTED, "党政办"),
                                        answer(CYXC, true, State.ADOPTED, "一居委", "二居委"))))
                .isTrue();
        // A draft is not adopted; an adopted point left with the town itself is not carried.
        assertThat(
                        TownAdoption.fullyCovered(
                                List.of(
                                        answer(CSL, true, State.ADOPTED, "党政办"),
                                        answer(CYXC, true, State.DRAFT, "一居委"))))
                .isFalse();
        assertThat(TownAdoption.fullyCovered(List.of(answer(CSL, true, State.ADOPTED)))).isFalse();
        assertThat(TownAdoption.fullyCovered(List.of(answer(CSL, true, State.MISSING)))).isFalse();
        // A town that answers though not addressed does not decide; nobody addressed: not covered.
        assertThat(
                        TownAdoption.fullyCovered(
                                List.of(
                                        answer(CSL, true, State.ADOPTED, "党政办"),
                                        answer(TQ, false, State.MISSING))))
                .isTrue();
        assertThat(TownAdoption.fullyCovered(List.of(answer(TQ, false, State.ADOPTED, "x"))))
                .isFalse();
        assertThat(TownAdoption.fullyCovered(List.of())).isFalse();
    }

    @Test
    void aParentTakesTheBetterStateOfItsSubPoints() {
        assertThat(TownAdoption.better(State.MISSING, State.DRAFT)).isEqualTo(State.DRAFT);
        assertThat(TownAdoption.better(State.ADOPTED, State.DRAFT)).isEqualTo(State.ADOPTED);
    }
}
