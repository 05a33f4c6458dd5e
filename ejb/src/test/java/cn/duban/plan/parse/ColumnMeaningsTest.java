package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.plan.parse.TableColumns.Choice;
import cn.duban.plan.parse.TableColumns.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The columns of a task table as the parser read them, chosen by the user or remembered for the
 * header (issue 17 item 5).
 */
class ColumnMeaningsTest {

    private static final PlanParser PARSER = new PlanParser();

    /** 协办 and 督办人 are not words the parser reads as columns: both ignored. */
    private static final String TABLE =
            """
            序号\t重点工作\t牵头单位\t协助单位\t督办人\t完成时限
            1\t推进千兆光网建设。\t区数据局\t区发改委、各街镇\t王明\t6月底前
            2\t完善数据平台。\t区数据局\t区财政局\t李强\t全年
            """;

    private static final String KEY = "序号|重点工作|牵头单位|协助单位|督办人|完成时限";

    @Test
    void reportsTheHeaderAndTheMeaningOfEachColumn() {
        ParsedPlan plan = PARSER.parse(TABLE, ParseOptions.defaults());
        assertThat(plan.tables()).hasSize(1);
        TableColumns t = plan.tables().get(0);
        assertThat(t.key()).isEqualTo(KEY);
        assertThat(t.header()).containsExactly("序号", "重点工作", "牵头单位", "协助单位", "督办人", "完成时限");
        assertThat(t.meanings())
                .containsExactly(
                        ColumnMeaning.NUMBER,
                        ColumnMeaning.TITLE,
                        ColumnMeaning.LEAD,
                        ColumnMeaning.IGNORED,
                        ColumnMeaning.IGNORED,
                        ColumnMeaning.DEADLINE);
        assertThat(t.source()).isEqualTo(Source.AUTOMATIC);
        assertThat(points(plan).get(0).units()).extracting(UnitRef::name).containsExactly("区数据局");
    }

    @Test
    void aChosenMeaningReadsTheColumnSoAndKeepsTheOthers() {
        ParsedPlan plan =
                PARSER.parse(
                        TABLE,
                        options(
                                Map.of(
                                        KEY,
                                        List.of(
                                                new Choice(3, "cooperating"),
                                                new Choice(4, "LEADERS")))));
        TableColumns t = plan.tables().get(0);
        assertThat(t.source()).isEqualTo(Source.CHOSEN);
        assertThat(t.meanings().get(0)).isEqualTo(ColumnMeaning.NUMBER);
        assertThat(t.meanings().subList(3, 5))
                .containsExactly(ColumnMeaning.COOPERATING, ColumnMeaning.LEADERS);
        Point first = points(plan).get(0);
        assertThat(first.units())
                .extracting(UnitRef::name, UnitRef::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("区数据局", UnitRole.LEAD),
                        org.assertj.core.groups.Tuple.tuple("区发改委", UnitRole.COOPERATING),
                        org.assertj.core.groups.Tuple.tuple("各街镇", UnitRole.COOPERATING));
        assertThat(first.leaders()).containsExactly("王明");
        assertThat(first.deadline().text()).isEqualTo("6月底前");
    }

    @Test
    void leadersMisreadAsUnitsArePeopleOnceChosen() {
        String text =
                """
                序号\t重点工作\t责任人\t责任单位
                1\t推进千兆光网建设。\t王明\t区数据局
                """;
        // 责任人 is no column word: the automatic reading ignores it; as LEADERS it is people.
        String key = TableColumns.key(List.of("序号", "重点工作", "责任人", "责任单位"));
        ParsedPlan plan =
                PARSER.parse(text, options(Map.of(key, List.of(new Choice(2, "LEADERS")))));
        assertThat(points(plan).get(0).leaders()).containsExactly("王明");
        assertThat(points(plan).get(0).units()).extracting(UnitRef::name).containsExactly("区数据局");
        // and a units column chosen as leaders is no longer units
        plan =
                PARSER.parse(
                        text,
                        options(
                                Map.of(
                                        key,
                                        List.of(
                                                new Choice(2, "IGNORED"),
                                                new Choice(3, "LEADERS")))));
        assertThat(points(plan).get(0).units()).isEmpty();
        assertThat(points(plan).get(0).leaders()).containsExactly("区数据局");
    }

    @Test
    void aRememberedReadingAppliesToTheSameHeaderWrittenOtherwise() {
        List<String> asked = new ArrayList<>();
        List<ColumnMeaning> remembered =
                List.of(
                        ColumnMeaning.NUMBER,
                        ColumnMeaning.TITLE,
                        ColumnMeaning.LEAD,
                        ColumnMeaning.COOPERATING,
                        ColumnMeaning.LEADERS,
                        ColumnMeaning.DEADLINE);
        // Spaces, full-width punctuation and a repeated header (a PDF's next page) do not matter.
        String text =
                """
                序 号\t重点工作：\t牵头单位\t协助单位（部门）\t督办人\t完成时限
                1\t推进千兆光网建设。\t区数据局\t区发改委\t王明\t6月底前
                序 号\t重点工作：\t牵头单位\t协助单位（部门）\t督办人\t完成时限
                2\t完善数据平台。\t区数据局\t区财政局\t李强\t全年
                """;
        ParsedPlan plan =
                PARSER.parse(
                        text,
                        new ParseOptions(
                                null,
                                null,
                                null,
                                k -> {
                                    asked.add(k);
                                    return k.equals("序号|重点工作|牵头单位|协助单位部门|督办人|完成时限")
                                            ? remembered
                                            : null;
                                }));
        assertThat(asked).hasSize(1);
        assertThat(plan.tables())
                .singleElement()
                .extracting(TableColumns::source)
                .isEqualTo(Source.REMEMBERED);
        for (Point p : points(plan)) {
            assertThat(p.units()).hasSize(2);
            assertThat(p.leaders()).hasSize(1);
        }
    }

    @Test
    void aRememberedReadingThatNoLongerFitsIsNotUsed() {
        ParsedPlan plan =
                PARSER.parse(
                        TABLE,
                        new ParseOptions(
                                null,
                                null,
                                null,
                                k -> List.of(ColumnMeaning.NUMBER, ColumnMeaning.TITLE)));
        assertThat(plan.tables().get(0).source()).isEqualTo(Source.AUTOMATIC);
        plan =
                PARSER.parse(
                        TABLE,
                        new ParseOptions(
                                null,
                                null,
                                null,
                                k -> java.util.Collections.nCopies(6, ColumnMeaning.IGNORED)));
        assertThat(plan.tables().get(0).source()).isEqualTo(Source.AUTOMATIC);
    }

    @Test
    void aChoiceWinsOverTheRememberedReading() {
        ParsedPlan plan =
                PARSER.parse(
                        TABLE,
                        new ParseOptions(
                                null,
                                null,
                                Map.of(KEY, List.of(new Choice(3, "COOPERATING"))),
                                k -> {
                                    throw new AssertionError("not asked when chosen");
                                }));
        assertThat(plan.tables().get(0).source()).isEqualTo(Source.CHOSEN);
    }

    @Test
    void invalidChoicesAreRefusedWithTheirCode() {
        assertCode(Map.of(KEY, List.of(new Choice(3, "MANAGER"))), "COLUMNS_UNKNOWN_MEANING");
        assertCode(Map.of(KEY, List.of(new Choice(6, "LEAD"))), "COLUMNS_INDEX");
        assertCode(Map.of(KEY, List.of(new Choice(-1, "LEAD"))), "COLUMNS_INDEX");
        assertCode(
                Map.of(KEY, List.of(new Choice(3, "LEAD"), new Choice(3, "COOPERATING"))),
                "COLUMNS_INDEX");
        assertCode(Map.of(KEY, List.of(new Choice(1, "IGNORED"))), "COLUMNS_NO_TITLE");
        assertCode(Map.of(KEY, List.of(new Choice(3, "NUMBER"))), "COLUMNS_DUPLICATE");
        assertCode(Map.of("序号|任务", List.of(new Choice(1, "TITLE"))), "COLUMNS_UNKNOWN_TABLE");
    }

    @Test
    void keysIgnoreSpacesAndPunctuationAndRefuseHugeHeaders() {
        assertThat(TableColumns.key(List.of(" 序 号 ", "工作任务（内容）", "Lead Unit", "")))
                .isEqualTo("序号|工作任务内容|leadunit|");
        assertThat(TableColumns.columnCount("序号|工作任务内容|leadunit|")).isEqualTo(4);
        assertThat(TableColumns.key(java.util.Collections.nCopies(41, "序号"))).isNull();
        assertThat(TableColumns.key(List.of("序".repeat(1001)))).isNull();
    }

    @Test
    void proseHasNoTables() {
        assertThat(PARSER.parse("一、总体\n1.推进数字政府建设。\n", ParseOptions.defaults()).tables()).isEmpty();
    }

    @Test
    void manyDistinctHeadersAreLookedUpAtMostTwentyTimes() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("序号\t重点工作\t责任单位\t备注").append(i).append('\n');
            text.append(i + 1).append("\t推进第").append(i).append("项工作。\t区数据局\t无\n");
        }
        int[] asked = {0};
        ParsedPlan plan =
                PARSER.parse(
                        text.toString(),
                        new ParseOptions(
                                null,
                                null,
                                null,
                                k -> {
                                    asked[0]++;
                                    return null;
                                }));
        assertThat(asked[0]).isEqualTo(ParseOptions.MAX_LOOKUPS);
        assertThat(plan.tables()).hasSize(20);
        assertThat(points(plan)).hasSize(200);
    }

    private static void assertCode(Map<String, List<Choice>> chosen, String code) {
        assertThatThrownBy(() -> PARSER.parse(TABLE, options(chosen)))
                .isInstanceOf(PlanParseException.class)
                .extracting(e -> ((PlanParseException) e).code())
                .isEqualTo(code);
    }

    private static ParseOptions options(Map<String, List<Choice>> chosen) {
        return new ParseOptions(null, null, chosen, null);
    }

    private static List<Point> points(ParsedPlan plan) {
        return plan.sections().get(0).points();
    }
}
