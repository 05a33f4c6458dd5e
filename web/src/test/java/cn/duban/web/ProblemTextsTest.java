package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.DubanException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A domain error reads in the reader's language (issue 16, item 7): an English page or an API
 * client preferring English gets the generic English sentence of the code, Chinese keeps the throw
 * site's specific detail, and without a clear preference for English nothing changes.
 */
class ProblemTextsTest {

    private static final DubanException TAKEN =
            DubanException.conflict("account.taken", "登录名“zhang.san”已被使用，请换一个。");

    @Test
    void anEnglishReaderGetsTheGenericSentenceAChineseOneTheSpecificDetail() {
        assertThat(ProblemTexts.detail(TAKEN, Locale.ENGLISH))
                .isEqualTo("This login name or email is already in use. Please choose another.");
        assertThat(ProblemTexts.detail(TAKEN, Locale.US))
                .isEqualTo(ProblemTexts.detail(TAKEN, Locale.ENGLISH));
        assertThat(ProblemTexts.detail(TAKEN, Locale.SIMPLIFIED_CHINESE)).isEqualTo(TAKEN.detail());
        assertThat(ProblemTexts.detail(TAKEN, Locale.CHINESE)).isEqualTo(TAKEN.detail());
        assertThat(ProblemTexts.detail(TAKEN, null)).isEqualTo(TAKEN.detail());
    }

    @Test
    void aDetailAlreadyInEnglishOrACodeWithoutSentenceStaysAsItIs() {
        // Uploads writes its detail in the page's language already: more specific than the code's.
        DubanException english =
                new DubanException(415, "upload.type", "File type not supported: “a.exe”.");
        assertThat(ProblemTexts.detail(english, Locale.ENGLISH)).isEqualTo(english.detail());
        assertThat(ProblemTexts.detail("no.such-code", "出错了。", Locale.ENGLISH)).isEqualTo("出错了。");
        assertThat(ProblemTexts.detail("http.418", "请求无法处理（HTTP 418）。", Locale.ENGLISH))
                .isEqualTo("The request could not be processed.");
    }

    @Test
    void acceptLanguageThatPrefersEnglishMeansEnglish() {
        for (String header :
                new String[] {
                    "en",
                    "en-US",
                    "EN-gb",
                    "en-US,en;q=0.9",
                    "en,zh-CN;q=0.8",
                    "fr-FR,en;q=0.5",
                    "zh-CN;q=0.4,en;q=0.9",
                    "de, en-US;q=0.7, zh;q=0.1"
                }) {
            assertThat(ProblemTexts.apiLocale(header)).as(header).isEqualTo(Locale.ENGLISH);
        }
    }

    @Test
    void noHeaderChineseFirstOrAMalformedHeaderMeansChinese() {
        for (String header :
                new String[] {
                    null,
                    "",
                    "  ",
                    "zh-CN,en;q=0.8",
                    "zh",
                    "zh-Hans-CN, en",
                    "zh-TW;q=0.9,en;q=0.9",
                    "*",
                    "*, en;q=0.5",
                    "fr",
                    "en;q=0, zh;q=0.1",
                    "en;q=abc",
                    "x".repeat(2000)
                }) {
            assertThat(ProblemTexts.apiLocale(header))
                    .as(String.valueOf(header))
                    .isEqualTo(Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void anEnglishPageShowsTheEnglishSentenceAChinesePageTheDetail() {
        assertThat(pageMessage(Locale.ENGLISH))
                .isEqualTo("This login name or email is already in use. Please choose another.");
        assertThat(pageMessage(Locale.SIMPLIFIED_CHINESE)).isEqualTo(TAKEN.detail());
    }

    /** The error message a page in {@code locale} shows for TAKEN. */
    private static String pageMessage(Locale locale) {
        FacesProblemHandlerTest.Context fc = new FacesProblemHandlerTest.Context();
        try {
            Messages.error(TAKEN, locale);
            assertThat(fc.messages).hasSize(1);
            assertThat(fc.validationFailed).isTrue();
            return fc.messages.get(0).getSummary();
        } finally {
            fc.release();
        }
    }
}
