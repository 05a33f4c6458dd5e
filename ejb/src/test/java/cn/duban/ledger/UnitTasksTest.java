package cn.duban.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The holder rule (经办人) that the ledger's lists and every unit action share. */
class UnitTasksTest {

    private static Caller as(String username, String... roles) {
        return new Caller(username, "t1", "u1", Set.of(roles));
    }

    private static Task heldBy(String username) {
        Task task = new Task();
        if (username != null) task.hand(username, "经办人", Instant.EPOCH, "head");
        return task;
    }

    @Test
    void aReporterWhoIsNotTheHolderIsRefused() {
        Caller other = as("li", Role.UNIT_REPORTER);
        assertThat(UnitTasks.heldByAnother(other, heldBy("zhang"))).isTrue();
        assertThat(UnitTasks.heldByAnother(other, heldBy("li"))).isFalse();
        assertThat(UnitTasks.heldByAnother(other, heldBy(null))).isFalse();
    }

    @Test
    void theHeadTheUnitAdminAndTheDistrictSeeEveryHeldTask() {
        Task held = heldBy("zhang");
        assertThat(UnitTasks.heldByAnother(as("h", Role.UNIT_HEAD, Role.UNIT_REPORTER), held))
                .isFalse();
        assertThat(UnitTasks.heldByAnother(as("a", Role.UNIT_ADMIN), held)).isFalse();
        assertThat(UnitTasks.heldByAnother(as("d", Role.DISTRICT_ADMIN), held)).isFalse();
        assertThat(UnitTasks.heldByAnother(as("l", Role.LEADER), held)).isFalse();
    }
}
