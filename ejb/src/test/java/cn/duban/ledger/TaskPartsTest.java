package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A town's report on a split task carries its parts' progress once, the newest. */
class TaskPartsTest {

    static final String BLOCK = TaskParts.ROLL_UP_HEADING + "已分解到 1 个下级单位，办结 0 个：\n党政办：推进中，进度 40%";

    @Test
    void theBlockFollowsTheTownsOwnText() {
        assertThat(TaskParts.withRollUp("本月完成方案。", BLOCK)).isEqualTo("本月完成方案。\n\n" + BLOCK);
        assertThat(TaskParts.withRollUp("", BLOCK)).isEqualTo(BLOCK);
        assertThat(TaskParts.withRollUp(null, BLOCK)).isEqualTo(BLOCK);
    }

    @Test
    void aReturnedReportCorrectedAndSentAgainCarriesTheNewBlockOnly() {
        String first = TaskParts.withRollUp("本月完成方案。", BLOCK);
        String newer = TaskParts.ROLL_UP_HEADING + "已分解到 1 个下级单位，办结 1 个：\n党政办：已办结，进度 100%";
        String again = TaskParts.withRollUp(first + "\n补充说明", newer);
        assertThat(again).isEqualTo("本月完成方案。\n\n" + newer);
        assertThat(again.indexOf(TaskParts.ROLL_UP_HEADING))
                .isEqualTo(again.lastIndexOf(TaskParts.ROLL_UP_HEADING));
    }

    @Test
    void withoutPartsTheTextStaysTheTownsOwn() {
        assertThat(TaskParts.withRollUp("本月完成方案。", null)).isEqualTo("本月完成方案。");
    }
}
