package cn.duban.ledger.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LadderRulesTest {

    private static final LadderRules RULES = LadderRules.DEFAULT; // 1, 7, 15, 30 days

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static LadderRules.Had sent(LocalDate answerBy) {
        return new LadderRules.Had(EscalationState.ISSUED, answerBy);
    }

    private static final LadderRules.Had ANSWERED = sent(TODAY.minusDays(1));

    @Test
    void aLateTaskClimbsOneRungAtATimeFromTheBottom() {
        assertThat(RULES.next(0, Map.of(), TODAY)).isEmpty();
        assertThat(RULES.next(1, Map.of(), TODAY))
                .map(LadderRules.Rung::step)
                .contains(Step.REMINDER);
        // Found 40 days late: still the 提醒 first, never straight to a 约谈.
        assertThat(RULES.next(40, Map.of(), TODAY))
                .map(LadderRules.Rung::step)
                .contains(Step.REMINDER);
        Map<Step, LadderRules.Had> reminded = Map.of(Step.REMINDER, ANSWERED);
        assertThat(RULES.next(6, reminded, TODAY)).isEmpty();
        assertThat(RULES.next(7, reminded, TODAY))
                .map(LadderRules.Rung::step)
                .contains(Step.NOTICE);
    }

    @Test
    void theUnitHasItsTimeToAnswerBeforeTheNextRung() {
        // A 督办单 to answer by today: no 点名通报 today, whatever the days overdue; tomorrow it may come.
        Map<Step, LadderRules.Had> noticed =
                Map.of(Step.REMINDER, ANSWERED, Step.NOTICE, sent(TODAY));
        assertThat(RULES.next(40, noticed, TODAY)).isEmpty();
        assertThat(RULES.next(41, noticed, TODAY.plusDays(1)))
                .map(LadderRules.Rung::step)
                .contains(Step.NAMED);
    }

    @Test
    void aProposedRungHoldsTheLadderUntilItIsDecided() {
        Map<Step, LadderRules.Had> waiting =
                Map.of(
                        Step.REMINDER,
                        ANSWERED,
                        Step.NOTICE,
                        new LadderRules.Had(EscalationState.PROPOSED, null));
        assertThat(RULES.next(20, waiting, TODAY)).isEmpty();
        // Withdrawn by its approver is decided: the next rung may come when its day comes.
        Map<Step, LadderRules.Had> declined =
                Map.of(
                        Step.REMINDER,
                        ANSWERED,
                        Step.NOTICE,
                        new LadderRules.Had(EscalationState.WITHDRAWN, null));
        assertThat(RULES.next(14, declined, TODAY)).isEmpty();
        assertThat(RULES.next(15, declined, TODAY))
                .map(LadderRules.Rung::step)
                .contains(Step.NAMED);
        Map<Step, LadderRules.Had> all =
                Map.of(
                        Step.REMINDER, ANSWERED,
                        Step.NOTICE,
                                new LadderRules.Had(
                                        EscalationState.ACKNOWLEDGED, TODAY.minusDays(9)),
                        Step.NAMED, new LadderRules.Had(EscalationState.DONE, TODAY.minusDays(5)),
                        Step.TALK, new LadderRules.Had(EscalationState.DONE, TODAY.minusDays(1)));
        assertThat(RULES.next(100, all, TODAY)).isEmpty();
    }

    @Test
    void aRungNotUsedIsSkipped() {
        LadderRules noNotice =
                new LadderRules(
                        List.of(new LadderRules.Rung(Step.NOTICE, false, 7, Approval.AUTO)),
                        "普府办督",
                        null,
                        5);
        Map<Step, LadderRules.Had> reminded = Map.of(Step.REMINDER, ANSWERED);
        assertThat(noNotice.next(14, reminded, TODAY)).isEmpty();
        assertThat(noNotice.next(15, reminded, TODAY))
                .map(LadderRules.Rung::step)
                .contains(Step.NAMED);
        assertThat(noNotice.rungs()).hasSize(4);
        assertThat(noNotice.firstAfterDays()).isEqualTo(1);
    }

    @Test
    void daysMustRiseWithTheLadderAndStayInRange() {
        assertThat(RULES.problems()).isEmpty();
        LadderRules wrong =
                new LadderRules(
                        List.of(
                                new LadderRules.Rung(Step.NOTICE, true, 20, Approval.AUTO),
                                new LadderRules.Rung(Step.NAMED, true, 20, Approval.LEADER),
                                new LadderRules.Rung(Step.TALK, true, 400, Approval.LEADER)),
                        "",
                        null,
                        0);
        assertThat(wrong.problems())
                .containsExactly(
                        "ladder.problem.order:NAMED",
                        "ladder.problem.days:TALK",
                        "ladder.problem.prefix",
                        "ladder.problem.reply");
        assertThat(LadderRuleService.problemText(wrong.problems()))
                .isEqualTo(
                        "督办升级规则有误：点名通报的逾期天数应多于前一级；约谈的逾期天数应在 1 到 365 之间；"
                                + "督办单文号前缀不能为空，最多 20 字；答复期限应在 1 到 30 个工作日之间。");
    }

    @Test
    void aDistrictStartsWithItsOwnOfficeAndPrefix() {
        LadderRules putuo = RULES.forDistrict("普陀区");
        assertThat(putuo.noticePrefix()).isEqualTo("普府办督");
        assertThat(putuo.issuingOffice()).isEqualTo("普陀区人民政府办公室");
        assertThat(putuo.rungs()).isEqualTo(RULES.rungs());
    }

    @Test
    void jsonGivesOnlyWhatChangesAndWrongTypesNameTheirField() {
        LadderRules changed =
                LadderRulesColumn.fromJson(
                        json(
                                "{\"rungs\":[{\"step\":\"NOTICE\",\"afterDays\":10,\"approval\":\"AUTO\"}],"
                                        + "\"replyDays\":3}"),
                        RULES);
        assertThat(changed.rung(Step.NOTICE))
                .isEqualTo(new LadderRules.Rung(Step.NOTICE, true, 10, Approval.AUTO));
        assertThat(changed.rung(Step.TALK)).isEqualTo(RULES.rung(Step.TALK));
        assertThat(changed.replyDays()).isEqualTo(3);
        assertThat(
                        new LadderRulesColumn()
                                .convertToEntityAttribute(
                                        new LadderRulesColumn().convertToDatabaseColumn(changed)))
                .isEqualTo(changed);
        assertThatThrownBy(
                        () ->
                                LadderRulesColumn.fromJson(
                                        json(
                                                "{\"rungs\":[{\"step\":\"NOTICE\",\"afterDays\":\"7\"}]}"),
                                        RULES))
                .hasMessage("afterDays");
        assertThatThrownBy(
                        () ->
                                LadderRulesColumn.fromJson(
                                        json("{\"rungs\":[{\"step\":\"PHONE\"}]}"), RULES))
                .hasMessage("step");
        assertThatThrownBy(
                        () ->
                                LadderRulesColumn.fromJson(
                                        json(
                                                "{\"rungs\":[{\"step\":\"TALK\",\"approval\":\"MAYOR\"}]}"),
                                        RULES))
                .hasMessage("approval");
    }

    private static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}
