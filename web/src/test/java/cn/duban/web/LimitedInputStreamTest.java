package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.platform.DubanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    private final List<DubanException> remembered = new ArrayList<>();

    private LimitedInputStream limited(InputStream in, long limit) {
        return new LimitedInputStream(
                in,
                limit,
                () -> new DubanException(413, "request.too-large", "过大"),
                remembered::add);
    }

    @Test
    void aBodyUpToTheLimitReadsWhole() throws IOException {
        byte[] body = new byte[1000];
        try (LimitedInputStream in = limited(new ByteArrayInputStream(body), 1000)) {
            assertThat(in.readAllBytes()).hasSize(1000);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(remembered).isEmpty();
    }

    @Test
    void oneBytePastTheLimitStopsReadingWithTheRefusal() {
        LimitedInputStream in = limited(new ByteArrayInputStream(new byte[5000]), 1000);
        assertThatThrownBy(in::readAllBytes)
                .isInstanceOfSatisfying(
                        DubanException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(413);
                            assertThat(e.code()).isEqualTo("request.too-large");
                        });
        assertThat(in.count()).isEqualTo(1001); // read no further than the byte that proves it
        assertThat(remembered).hasSize(1);
    }

    @Test
    void singleBytesAndSkipsCountToo() throws IOException {
        LimitedInputStream in = limited(new ByteArrayInputStream(new byte[10]), 20);
        in.read();
        assertThat(in.skip(100)).isEqualTo(9);
        assertThat(in.count()).isEqualTo(10);
        assertThat(remembered).isEmpty();
        LimitedInputStream over = limited(new ByteArrayInputStream(new byte[10]), 3);
        over.read();
        assertThatThrownBy(() -> over.skip(100)).isInstanceOf(DubanException.class);
    }

    @Test
    void anEndlessBodyIsStopped() {
        InputStream endless =
                new InputStream() {
                    @Override
                    public int read() {
                        return 'x';
                    }
                };
        assertThatThrownBy(
                        () ->
                                limited(endless, 1 << 20)
                                        .transferTo(java.io.OutputStream.nullOutputStream()))
                .isInstanceOf(DubanException.class);
    }
}
