package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.plan.PlanPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A task's detail checks the caller's right to see the task once and reads every part from the task
 * that check returned, not once more per part.
 */
class TaskDetailsTest {

    private final List<UUID> checked = new ArrayList<>();
    private final List<Task> readFrom = new ArrayList<>();

    private final PlanPoint point =
            new PlanPoint() {
                @Override
                public String getText() {
                    return "全年完成老旧小区改造 30 个。";
                }
            };

    private final Task task =
            new Task() {
                @Override
                public PlanPoint getPoint() {
                    return point;
                }
            };

    private TaskDetails details() {
        TaskDetails d = new TaskDetails();
        d.tasks =
                new TaskQueries() {
                    @Override
                    public Task visible(UUID id) {
                        checked.add(id);
                        return task;
                    }

                    @Override
                    public TaskView view(Task t) {
                        readFrom.add(t);
                        return null;
                    }
                };
        d.reports =
                new ProgressReportQueries() {
                    @Override
                    public List<ProgressReport> reports(Task t) {
                        readFrom.add(t);
                        return List.of();
                    }
                };
        d.extensions =
                new ExtensionService() {
                    @Override
                    public List<ExtensionRequest> extensions(Task t) {
                        readFrom.add(t);
                        return List.of();
                    }
                };
        d.leaders =
                new LeaderService() {
                    @Override
                    public List<TaskInstruction> instructions(Task t) {
                        readFrom.add(t);
                        return List.of();
                    }
                };
        d.parts =
                new TaskParts() {
                    @Override
                    public List<Part> parts(Task t) {
                        readFrom.add(t);
                        return List.of();
                    }

                    @Override
                    public List<Target> targets(Task t, List<Part> parts) {
                        readFrom.add(t);
                        return List.of();
                    }
                };
        d.scopes =
                new cn.duban.tenant.UnitScopes() {
                    @Override
                    public boolean supervises(UUID supervisor) {
                        return supervisor == null;
                    }
                };
        return d;
    }

    @Test
    void oneVisibilityCheckAndEveryPartFromTheCheckedTask() {
        UUID id = UUID.randomUUID();

        TaskDetails.Detail detail = details().of(id);

        assertThat(checked).containsExactly(id);
        assertThat(readFrom).hasSize(6).allSatisfy(t -> assertThat(t).isSameAs(task));
        assertThat(detail.pointText()).isEqualTo("全年完成老旧小区改造 30 个。");
        assertThat(detail.checkpoints()).isEmpty();
        assertThat(detail.reports()).isEmpty();
        assertThat(detail.extensions()).isEmpty();
        assertThat(detail.supervision().canReview()).isTrue();
        assertThat(detail.supervision().parts()).isEmpty();
    }
}
