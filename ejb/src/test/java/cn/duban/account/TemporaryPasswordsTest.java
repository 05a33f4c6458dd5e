package cn.duban.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordsTest {

    @Test
    void longMixedAndNeverTheSame() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String p = TemporaryPasswords.generate();
            assertThat(p).hasSize(TemporaryPasswords.LENGTH);
            assertThat(p.chars().anyMatch(Character::isUpperCase)).isTrue();
            assertThat(p.chars().anyMatch(Character::isLowerCase)).isTrue();
            assertThat(p.chars().anyMatch(Character::isDigit)).isTrue();
            assertThat(p.chars().anyMatch(c -> !Character.isLetterOrDigit(c))).isTrue();
            assertThat(p).doesNotContain("0", "O", "1", "l", "I");
            assertThat(seen.add(p)).isTrue();
        }
    }
}
