package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.account.AccountRules;
import cn.duban.platform.RowError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows and fields a 400 answer lists are told in the reader's language (issue 16: import row
 * errors were Chinese sentences on English pages and for English API clients).
 */
class ListedProblemsTest {

    private static final RowError UNKNOWN_UNIT =
            RowError.of(3, "单位", "account.sheet.unit-unknown", "单位“城东街道”不存在", "城东街道");

    @Test
    void anEnglishReaderGetsTheSentenceOfTheCodeWithItsValues() {
        List<?> told =
                ProblemTexts.errors(
                        List.of(
                                UNKNOWN_UNIT,
                                RowError.of(
                                        7, "任务编号", "ledger.sheet.id-repeated", "任务编号重复，与第4行相同", 4)),
                        Locale.ENGLISH);
        assertThat(told)
                .extracting(e -> ((RowError) e).message())
                .containsExactly("There is no unit \"城东街道\".", "The task id repeats row 4.");
        assertThat(told).extracting(e -> ((RowError) e).rowNumber()).containsExactly(3, 7);
    }

    @Test
    void aChineseReaderGetsTheSentenceWrittenWhereTheProblemWasFound() {
        List<Object> told =
                List.copyOf(ProblemTexts.errors(List.of(UNKNOWN_UNIT), Locale.SIMPLIFIED_CHINESE));
        assertThat(told).containsExactly(UNKNOWN_UNIT);
    }

    @Test
    void aFieldOfAFormIsToldInEnglishToo() {
        List<AccountRules.Violation> problems =
                AccountRules.check(
                        new cn.duban.account.AccountInput(
                                "a", "张三", "123", null, null, List.of("unit-reporter")),
                        true);
        List<?> told = ProblemTexts.errors(problems, Locale.ENGLISH);
        assertThat(told)
                .extracting(e -> ((AccountRules.Violation) e).message())
                .allSatisfy(m -> assertThat(ProblemTexts.hasChinese(m)).as(m).isFalse())
                .contains(
                        "The phone number \"123\" is not valid: use an 11-digit mobile number or a"
                                + " number with its area code.");
    }

    @Test
    void theApiAnswerListsItsRowsInTheClientsLanguage() {
        Problem p =
                Problem.of(
                        400,
                        "account.import.rows",
                        "账号表有 1 处错误",
                        "/api/v1/accounts/import",
                        List.of(UNKNOWN_UNIT),
                        Locale.ENGLISH);
        assertThat(((RowError) p.errors().get(0)).message())
                .isEqualTo("There is no unit \"城东街道\".");
        List<Object> other =
                List.copyOf(ProblemTexts.errors(List.of(Map.of("line", 1)), Locale.ENGLISH));
        assertThat(other).containsExactly(Map.of("line", 1));
    }
}
