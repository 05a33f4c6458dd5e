package cn.duban.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentDataTest {

    @Test
    void paragraphsDropBlankLinesAndStripIndentation() {
        String text = "\n  一要压实责任。\r\n\r\n   \n二要抓好整改。\n三要强化运用。  \n\n";

        assertThat(DocumentData.paragraphs(text)).isEqualTo("一要压实责任。\n二要抓好整改。\n三要强化运用。");
    }

    @Test
    void recipientsLoseTheirColonAndBlankMeansNone() {
        assertThat(DocumentData.recipients(" 区政府各委、办、局： ")).isEqualTo("区政府各委、办、局");
        assertThat(DocumentData.recipients("各街道办事处:")).isEqualTo("各街道办事处");
        assertThat(DocumentData.recipients("  ")).isNull();
        assertThat(DocumentData.recipients(null)).isNull();
    }

    @Test
    void chineseNumbersForGroupOrdinals() {
        assertThat(DocumentData.chineseNumber(1)).isEqualTo("一");
        assertThat(DocumentData.chineseNumber(10)).isEqualTo("十");
        assertThat(DocumentData.chineseNumber(12)).isEqualTo("十二");
        assertThat(DocumentData.chineseNumber(20)).isEqualTo("二十");
        assertThat(DocumentData.chineseNumber(99)).isEqualTo("九十九");
        assertThatThrownBy(() -> DocumentData.chineseNumber(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chineseDates() {
        assertThat(DocumentData.chineseDate(LocalDate.of(2026, 9, 5))).isEqualTo("2026年9月5日");
    }

    @Test
    void adjustmentKindFollowsTheSign() {
        assertThat(new ScoreBreakdown.Adjustment("简报刊发", new BigDecimal("2.00")).kind())
                .isEqualTo("加分");
        assertThat(new ScoreBreakdown.Adjustment("超期答复", new BigDecimal("-0.50")).kind())
                .isEqualTo("扣分");
    }

    @Test
    void rankingGroupsAreNumberedInOrder() {
        @SuppressWarnings("unchecked")
        List<Map<String, ?>> rows =
                (List<Map<String, ?>>)
                        DocumentData.circular(SampleDocuments.smallCircular()).get("RANKING_ROWS");

        assertThat(rows)
                .extracting(row -> (String) row.get("groupTitle"))
                .containsSubsequence("（一）街镇组", "（二）部门组");
        assertThat(rows).hasSize(14);
    }
}
