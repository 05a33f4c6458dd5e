package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How pages write values: one formatter for every page. */
class FormatsTest {

    @Test
    void namesAreAChineseListOrAnEnglishOne() {
        assertThat(Formats.list(List.of("长寿路街道", "宜川路街道", "桃浦镇"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("长寿路街道、宜川路街道、桃浦镇");
        assertThat(Formats.list(List.of("Changshou Road", "Taopu"), Locale.ENGLISH)).isEqualTo("Changshou Road, Taopu");
        assertThat(Formats.list(List.of(), Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(Formats.list(null, Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }
}
