package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.platform.DubanException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldingsTest {

    private static Holdings.Holding held(String username, String name) {
        return new Holdings.Holding(
                UUID.randomUUID(),
                "任务",
                TaskStatus.IN_PROGRESS,
                LocalDate.of(2026, 6, 30),
                username,
                name,
                null,
                null);
    }

    @Test
    void countsOpenTasksPerHolderMostFirstAndLeavesOutTheUnhanded() {
        List<Holdings.Holding> all =
                List.of(
                        held("li", "李四"),
                        held(null, null),
                        held("zhang", "张三"),
                        held("li", "李四"),
                        held("wang", "王五"),
                        held("li", "李四"),
                        held("zhang", "张三"));
        assertThat(Holdings.perHolder(all))
                .containsExactly(
                        new Holdings.Holder("li", "李四", 3),
                        new Holdings.Holder("zhang", "张三", 2),
                        new Holdings.Holder("wang", "王五", 1));
        assertThat(Holdings.perHolder(List.of(held(null, null)))).isEmpty();
    }

    @Test
    void equalCountsAreOrderedByNameThenUsername() {
        List<Holdings.Holder> out =
                Holdings.perHolder(List.of(held("b", "乙"), held("a", "乙"), held("c", "甲")));
        assertThat(out).extracting(Holdings.Holder::username).containsExactly("a", "b", "c");
    }

    @Test
    void aHandOverNeedsTwoDifferentPeople() {
        assertThatThrownBy(() -> Holdings.checkHandOver(null, "b"))
                .isInstanceOf(DubanException.class)
                .hasFieldOrPropertyWithValue("code", "handover.people-missing");
        assertThatThrownBy(() -> Holdings.checkHandOver("a", " "))
                .hasFieldOrPropertyWithValue("code", "handover.people-missing");
        assertThatThrownBy(() -> Holdings.checkHandOver(" a", "a "))
                .hasFieldOrPropertyWithValue("code", "handover.same-person");
        Holdings.checkHandOver("a", "b");
    }

    @Test
    void onlyAColleagueOfTheListIsAccepted() {
        List<UnitPeople.Colleague> people =
                List.of(
                        new UnitPeople.Colleague("li", "李四"),
                        new UnitPeople.Colleague("zhang", "张三"));
        assertThat(Holdings.colleague(people, " zhang ").name()).isEqualTo("张三");
        assertThatThrownBy(() -> Holdings.colleague(people, "pt-sjj"))
                .hasFieldOrPropertyWithValue("code", "handover.not-colleague");
        assertThatThrownBy(() -> Holdings.colleague(people, ""))
                .hasFieldOrPropertyWithValue("code", "handover.holder-missing");
        assertThatThrownBy(() -> Holdings.colleague(List.of(), "li"))
                .hasFieldOrPropertyWithValue("code", "handover.not-colleague");
    }
}
