package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 分解 (issue 21 item 2): a district task given to a town is split by the town's 单位管理员 to its 下级单位.
 * Each part is a task of its own on the same point, supervised by the town (the town reviews the
 * parts' reports), with a deadline no later than the district's. The parts' progress rolls up into
 * the town's report to the district ({@link #rollUp}).
 */
@Stateless
public class TaskParts {

    /** Parts one request may create: a town has a few dozen 下级单位 at most. */
    static final int MAX_PARTS = 50;

    /** The line that opens the rolled-up block of a town's report. */
    static final String ROLL_UP_HEADING = "【分解落实情况】";

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB UnitScopes scopes;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    /** One part of a split task as the task page and the API show it. */
    public record Part(
            UUID taskId,
            UUID unitId,
            String unitName,
            TaskStatus status,
            int progress,
            LocalDate deadline,
            Instant lastReportAt) {}

    /** A part to create: the 下级单位 and, optionally, an earlier deadline than the district's. */
    public record Request(UUID unitId, LocalDate deadline) {}

    /** The parts of a task, by unit name; empty for a task never split. */
    public List<Part> parts(Task parent) {
        return em.createQuery(
                        "select new cn.duban.ledger.TaskParts$Part(t.id, u.id, u.name, t.status, "
                                + "t.progress, t.deadline, t.lastReportAt) from Task t join t.unit u "
                                + "where t.parentTaskId = :p order by u.name",
                        Part.class)
                .setParameter("p", parent.getId())
                .getResultList();
    }

    /**
     * The 下级单位 the caller may split this task to: the town's, if the caller is the 单位管理员 of the
     * town the task is given to and the task is open and no part itself; empty otherwise. {@code
     * parts} are the task's parts as read for the same page ({@link #parts}).
     */
    public List<Target> targets(Task task, List<Part> parts) {
        Optional<Unit> town = townOf(task);
        if (town.isEmpty()) return List.of();
        Set<UUID> taken = new HashSet<>(Set.of(town.get().getId()));
        for (Part p : parts) taken.add(p.unitId()); // split already
        return scopes.subtreeUnits(town.get().getId()).stream()
                .filter(u -> !taken.contains(u.getId()))
                .map(u -> new Target(u.getId(), u.getName()))
                .toList();
    }

    /** A 下级单位 a task may be split to. */
    public record Target(UUID id, String name) {}

    private Optional<Unit> townOf(Task task) {
        Optional<Unit> town = scopes.supervisingTownIfAny();
        if (town.isEmpty()
                || !task.getUnit().getId().equals(town.get().getId())
                || task.getParentTaskId() != null
                || !task.getStatus().open()) return Optional.empty();
        return town;
    }

    /** Splits the task to the given 下级单位: all or nothing. */
    public List<Part> split(UUID taskId, List<Request> requests) {
        Unit town =
                scopes.supervisingTown()
                        .orElseThrow(
                                () ->
                                        new DubanException(
                                                403, "split.town-only", "任务由街镇的单位管理员分解到本街镇的下级单位。"));
        Task task = tasks.visible(taskId);
        if (!task.getUnit().getId().equals(town.getId()))
            throw DubanException.badRequest("split.not-town-task", "只能分解下达给本街镇的任务。");
        if (task.getParentTaskId() != null)
            throw DubanException.badRequest("split.part", "分解出的任务不能再分解。");
        if (!task.getStatus().open())
            throw DubanException.conflict("task.closed", "任务已办结或已取消，不能再分解。");
        if (requests == null || requests.isEmpty())
            throw DubanException.badRequest("split.empty", "请至少选择一个下级单位。");
        if (requests.size() > MAX_PARTS)
            throw DubanException.badRequest("split.too-many", "一次最多分解到 " + MAX_PARTS + " 个下级单位。");
        Set<UUID> subtree = scopes.tree().subtree(town.getId());
        Set<UUID> already = new HashSet<>();
        for (Part p : parts(task)) already.add(p.unitId());
        Caller caller = Caller.requireDistrictPerson();
        List<Task> created = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Request r : requests) {
            // Another town's unit, the town itself or an unknown id: all "not found".
            if (r == null
                    || r.unitId() == null
                    || !subtree.contains(r.unitId())
                    || r.unitId().equals(town.getId()))
                throw DubanException.notFound("unit.not-found", "单位不存在。");
            if (!seen.add(r.unitId()) || already.contains(r.unitId()))
                throw DubanException.conflict("split.exists", "该下级单位已分解过此任务。");
            LocalDate deadline = r.deadline() == null ? task.getDeadline() : r.deadline();
            if (deadline.isAfter(task.getDeadline()))
                throw DubanException.badRequest("split.deadline-after", "分解任务的完成时限不能晚于区里的时限。");
            Unit unit = units.get(r.unitId());
            Task part =
                    new Task(
                            task.getPoint(),
                            unit,
                            UnitRole.LEAD,
                            task.getTitle(),
                            task.getDeadlineText(),
                            deadline,
                            caller.username());
            for (Checkpoint c : task.getCheckpoints())
                if (!c.getDue().isAfter(deadline)) part.addCheckpoint(c.getLabel(), c.getDue());
            part.setSupervisorUnitId(town.getId());
            part.setParentTaskId(task.getId());
            em.persist(part);
            created.add(part);
        }
        // The parts' rows first: each notice refers to its task (inserts are ordered by type).
        em.flush();
        for (Task part : created)
            inbox.toUnit(
                    part.getUnit(),
                    InboxMessage.Kind.ASSIGNED,
                    part.getId(),
                    "新分解任务：" + LedgerText.abbreviate(task.getTitle()),
                    town.getName() + "将区里下达的任务分解给本单位，请在“我的任务”中查看并按时报送进展。");
        audit.record(
                "task.split",
                "task",
                task.getId(),
                "parts",
                created.stream().map(Task::getId).toList());
        return parts(task);
    }

    /**
     * The parts' progress as the block a town's report to the district carries, frozen with the
     * report: one line per 下级单位 with its status and progress. Null for a task never split.
     */
    public String rollUp(Task parent) {
        List<Part> parts = parts(parent);
        if (parts.isEmpty()) return null;
        long done = parts.stream().filter(p -> p.status() == TaskStatus.APPROVED).count();
        StringBuilder b = new StringBuilder(ROLL_UP_HEADING);
        b.append("已分解到 ").append(parts.size()).append(" 个下级单位，办结 ").append(done).append(" 个：");
        for (Part p : parts) {
            b.append('\n')
                    .append(p.unitName())
                    .append('：')
                    .append(label(p.status()))
                    .append("，进度 ")
                    .append(p.status() == TaskStatus.APPROVED ? 100 : p.progress())
                    .append('%');
        }
        return b.toString();
    }

    /** The status as the frozen report text names it (the page uses the bundles). */
    private static String label(TaskStatus status) {
        return switch (status) {
            case ASSIGNED -> "已交办";
            case IN_PROGRESS -> "推进中";
            case SUBMITTED -> "待审核";
            case APPROVED -> "已办结";
            case RETURNED -> "被退回";
            case CANCELLED -> "已取消";
        };
    }

    /** A report's text with the rolled-up block replaced by the current one (or removed). */
    static String withRollUp(String text, String rollUp) {
        String own = text == null ? "" : text;
        int at = own.indexOf(ROLL_UP_HEADING);
        if (at >= 0) own = own.substring(0, at).stripTrailing();
        if (rollUp == null) return own;
        return own.isEmpty() ? rollUp : own + "\n\n" + rollUp;
    }
}
