package cn.duban.evaluation;

import cn.duban.ledger.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The scheme rule {@code cooperatingScoring}: how the tasks of co-operating units (配合单位) of a work
 * point count. Plain Java: it rewrites a co-unit's facts before {@link Scoring} scores them, so
 * every scheme type and every other rule apply unchanged.
 *
 * <ul>
 *   <li>{@link #LEAD_CARRIES} (default of new schemes): the lead unit is scored on the point; a
 *       co-unit is scored on sending its contribution (配合情况) to the lead unit — by its task's
 *       deadline: full credit (deduction mode: nothing deducted); later: the scheme's lateness rule
 *       counted from the day it was sent (deduction mode: 逾期办结每件扣); not sent by the day scored: no
 *       credit (deduction mode: 逾期未办结每件扣). The co-unit's own reports, returns and checkpoints do
 *       not count.
 *   <li>{@link #SAME_AS_LEAD}: a co-unit's task counts as the lead's task does (its completion,
 *       rating, returns and missed checkpoints), so they share the point's result.
 *   <li>{@link #NOT_SCORED}: co-units' tasks are left out.
 *   <li>{@link #OWN_REPORTS}: a co-unit's task is scored on its own reports, like a lead's — how
 *       every scheme scored before this rule existed (V24 gives it to the stored schemes).
 * </ul>
 */
public enum CooperatingScoring {
    LEAD_CARRIES("牵头单位按要点计分，配合单位按期报送配合情况计分"),
    SAME_AS_LEAD("配合单位与牵头单位同分"),
    NOT_SCORED("配合单位不计分"),
    OWN_REPORTS("配合单位按本单位报送计分");

    private final String label;

    CooperatingScoring(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The facts as this rule scores them; a lead's facts and tasks without a lead stay as they are.
     */
    public List<TaskFacts> apply(List<TaskFacts> tasks) {
        if (this == OWN_REPORTS) return tasks;
        Map<UUID, TaskFacts> leads = new HashMap<>();
        for (TaskFacts t : tasks) if (!t.cooperating()) leads.putIfAbsent(t.pointId(), t);
        List<TaskFacts> out = new ArrayList<>(tasks.size());
        for (TaskFacts t : tasks) {
            if (!t.cooperating() || t.status() == TaskStatus.CANCELLED) {
                out.add(t);
                continue;
            }
            switch (this) {
                case NOT_SCORED -> {}
                case LEAD_CARRIES -> out.add(contribution(t));
                case SAME_AS_LEAD -> {
                    TaskFacts lead = leads.get(t.pointId());
                    out.add(lead == null ? t : asLead(t, lead));
                }
                default -> out.add(t);
            }
        }
        return out;
    }

    /** Completed on the day the contribution was sent; unrated, so quality leaves it whole. */
    static TaskFacts contribution(TaskFacts t) {
        boolean sent = t.contributedOn() != null;
        return new TaskFacts(
                t.taskId(),
                t.unitId(),
                t.pointId(),
                t.title(),
                t.deadline(),
                sent ? TaskStatus.APPROVED : TaskStatus.IN_PROGRESS,
                sent ? 100 : 0,
                t.contributedOn(),
                null,
                List.of(),
                List.of(),
                t.source(),
                true,
                t.contributedOn(),
                t.lateExcused());
    }

    /** The lead's result under the co-unit's name. */
    static TaskFacts asLead(TaskFacts t, TaskFacts lead) {
        return new TaskFacts(
                t.taskId(),
                t.unitId(),
                t.pointId(),
                t.title(),
                lead.deadline(),
                lead.status(),
                lead.progress(),
                lead.completedOn(),
                lead.rating(),
                lead.returnedOn(),
                lead.missedDue(),
                t.source(),
                true,
                t.contributedOn(),
                t.lateExcused());
    }

    /** A rule by name or label; null for anything else. */
    public static CooperatingScoring parse(String text) {
        String t = text == null ? "" : text.strip();
        for (CooperatingScoring c : values())
            if (c.name().equalsIgnoreCase(t) || c.label().equals(t)) return c;
        return null;
    }
}
