package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The parser and the deadline rules never fail on arbitrary text. */
class ParserProperties {

    private static final PlanParser PARSER = new PlanParser();

    @Property(tries = 2000)
    void parseNeverThrowsButPlanParseException(@ForAll("documents") String text) {
        try {
            ParsedPlan plan = PARSER.parse(text, ParseOptions.defaults());
            assertThat(plan.sections()).isNotEmpty();
        } catch (PlanParseException expected) {
            assertThat(expected.code()).isIn("EMPTY", "NO_NUMBERING");
        }
    }

    @Property(tries = 1000)
    void parseNeverThrowsOnAnyString(@ForAll String text) {
        try {
            PARSER.parse(text, ParseOptions.defaults());
        } catch (PlanParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void deadlinesFallInThePlanYear(
            @ForAll("phrases") String phrase, @ForAll @IntRange(min = 2000, max = 2099) int year) {
        Deadline d = DeadlineParser.parse(phrase, year);
        assertThat(d.date()).isNotNull();
        assertThat(d.date().getYear()).isBetween(2000, 2100);
        if (!phrase.matches(".*\\d{4}\\s*年.*")) assertThat(d.date().getYear()).isEqualTo(year);
        assertThat(DeadlineParser.milestones(phrase, year)).isNotNull();
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "一、",
                        "（一）",
                        "(1)",
                        "1.",
                        "1、",
                        "１．",
                        "二、",
                        "10.",
                        "（",
                        "）",
                        "(",
                        ")",
                        "责任单位：",
                        "牵头",
                        "配合",
                        "、",
                        "，",
                        "。",
                        "\n",
                        "\n\n",
                        "\t",
                        "|",
                        "**",
                        "# ",
                        "完成时限：",
                        "全年",
                        "8月",
                        "10月底前",
                        "每季度",
                        "各街镇",
                        "区府办",
                        "2025年",
                        "工作要点",
                        "〔2024〕10号",
                        "分享到",
                        "抄送：",
                        "- 3 -",
                        "\f",
                        "年内至少1次",
                        "13月",
                        "2月30日",
                        "第五季度",
                        " ");
        Arbitrary<String> words =
                Arbitraries.strings().withCharRange('\u4e00', '\u4e20').ofMaxLength(8);
        return Arbitraries.oneOf(pieces, words).list().ofMaxSize(80).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> phrases() {
        Arbitrary<String> pieces =
                Arbitraries.of(
                        "全年", "年底前", "上半年", "第", "三", "季度", "每", "月", "日", "前", "底", "至", "-",
                        "年内至少", "次", "0", "1", "2", "9", "12", "13", "31", "99", "十", "一", "后",
                        "个工作日内", "2025年", "9999年", " ", "中旬");
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
