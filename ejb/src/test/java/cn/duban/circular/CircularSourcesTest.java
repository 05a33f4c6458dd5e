package cn.duban.circular;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.plan.TaskSource;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A circular names an overdue matter with its source; a plan's task as before. */
class CircularSourcesTest {

    @Test
    void anOverdueMatterIsNamedWithItsSource() {
        LocalDate due = LocalDate.of(2026, 3, 31);
        assertThat(
                        new CircularContent.OverdueTask(
                                        "区财政局", "推进预算公开", due, TaskSource.LEADER_INSTRUCTION)
                                .named())
                .isEqualTo("【领导批示】推进预算公开");
        assertThat(new CircularContent.OverdueTask("区财政局", "5 信息公开", due).named())
                .isEqualTo("5 信息公开");
    }
}
