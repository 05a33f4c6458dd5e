package cn.duban.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ledger.TaskFilter;
import cn.duban.ledger.TaskQueries;
import cn.duban.ledger.TaskRow;
import cn.duban.ledger.TaskStatus;
import cn.duban.ledger.TaskView;
import cn.duban.plan.parse.UnitRole;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The figures the ledger and 我的任务 show, on a stand-in task service. */
class TaskListsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static TaskView task(TaskStatus status, LocalDate deadline, int progress, Integer reported) {
        return task(status, deadline, progress, reported, null);
    }

    static TaskView task(
            TaskStatus status,
            LocalDate deadline,
            int progress,
            Integer reported,
            java.time.Instant receivedAt) {
        TaskRow row =
                new TaskRow(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "计划",
                        UUID.randomUUID(),
                        "1",
                        "一、重点工作",
                        "1 任务",
                        UUID.randomUUID(),
                        "长寿路街道",
                        UnitRole.LEAD,
                        deadline,
                        null,
                        deadline,
                        deadline,
                        false,
                        status,
                        progress,
                        null,
                        null,
                        null,
                        null,
                        0,
                        reported,
                        cn.duban.plan.TaskSource.PLAN,
                        null,
                        receivedAt,
                        null,
                        null);
        return TaskView.of(
                row,
                cn.duban.ledger.colour.ColourRules.DEFAULT.read(
                        new cn.duban.ledger.colour.TaskSignals(
                                status, deadline, deadline, progress, null, null, 0, 0, null),
                        TODAY),
                TODAY);
    }

    private static final List<TaskView> TASKS =
            List.of(
                    task(TaskStatus.ASSIGNED, TODAY.minusDays(3), 0, null),
                    task(TaskStatus.IN_PROGRESS, TODAY.minusDays(1), 30, null),
                    task(TaskStatus.ASSIGNED, TODAY.plusDays(2), 0, null),
                    task(TaskStatus.ASSIGNED, TODAY.plusDays(60), 0, null),
                    task(TaskStatus.SUBMITTED, TODAY.plusDays(60), 0, 60));

    private static TaskQueries service() {
        return new TaskQueries() {
            @Override
            public TaskPage page(TaskFilter filter) {
                return new TaskPage(716, TASKS);
            }

            @Override
            public List<TaskView> mine(int limit) {
                return TASKS;
            }
        };
    }

    @Test
    void theLedgerCountIsRightWhenReadBeforeTheRows() {
        LedgerPage page = new LedgerPage();
        page.tasks = service();
        assertThat(page.getTotal()).as("the count renders above the table").isEqualTo(716);
        assertThat(page.getRows()).hasSize(5);
    }

    @Test
    void theTrafficLightTilesCountByTheNamesThePageUses() {
        MyTasksPage page = new MyTasksPage();
        page.tasks = service();
        // The page reads #{myTasksPage.counts['RED']}: a string key.
        Map<?, Long> counts = page.getCounts();
        assertThat(counts.get("RED")).isEqualTo(2L);
        assertThat(counts.get("AMBER")).isEqualTo(1L);
        assertThat(counts.get("GREEN")).as("on track, and awaiting review on time").isEqualTo(2L);
        assertThat(counts.get("REVIEW")).isEqualTo(1L);
    }

    @Test
    void aReportedFigureShowsMarkedUntilItIsReviewed() {
        TaskView submitted = TASKS.get(4);
        assertThat(submitted.progress()).isZero();
        assertThat(submitted.shownProgress()).isEqualTo(60);
        assertThat(submitted.awaitingReview()).isTrue();
        TaskView plain = TASKS.get(1);
        assertThat(plain.shownProgress()).isEqualTo(30);
        assertThat(plain.awaitingReview()).isFalse();
    }

    /**
     * Every row says 未签收 from its own task: the ledger used to mark only the rows among the
     * tenant's first thousand unacknowledged tasks, so a large district saw unmarked rows.
     */
    @Test
    void aRowIsUnreceivedByItsOwnTask() {
        java.time.Instant at = java.time.Instant.parse("2026-11-02T02:00:00Z");
        assertThat(task(TaskStatus.ASSIGNED, TODAY, 0, null).unreceived()).isTrue();
        assertThat(task(TaskStatus.RETURNED, TODAY, 0, null).unreceived()).isTrue();
        assertThat(task(TaskStatus.ASSIGNED, TODAY, 0, null, at).unreceived()).isFalse();
        assertThat(task(TaskStatus.SUBMITTED, TODAY, 0, 60).unreceived())
                .as("the district has the next step")
                .isFalse();
        assertThat(task(TaskStatus.CANCELLED, TODAY, 0, null).unreceived()).isFalse();
    }
}
