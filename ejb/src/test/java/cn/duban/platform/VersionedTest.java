package cn.duban.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionedTest {

    private final Versioned three = () -> 3;

    @Test
    void anEditOfAnotherVersionIsRefusedWithItsCode() {
        assertThatThrownBy(() -> three.requireVersion(2, "unit.stale", "单位已被他人修改，请刷新后重试。"))
                .isInstanceOfSatisfying(
                        DubanException.class,
                        e -> {
                            org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(409);
                            org.assertj.core.api.Assertions.assertThat(e.code())
                                    .isEqualTo("unit.stale");
                            org.assertj.core.api.Assertions.assertThat(e.detail())
                                    .isEqualTo("单位已被他人修改，请刷新后重试。");
                        });
    }

    @Test
    void theSameVersionOrNoneSentPasses() {
        assertThatCode(() -> three.requireVersion(3, "x", "y")).doesNotThrowAnyException();
        assertThatCode(() -> three.requireVersion(null, "x", "y")).doesNotThrowAnyException();
    }
}
