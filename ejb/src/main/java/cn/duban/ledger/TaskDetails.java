package cn.duban.ledger;

import cn.duban.plan.SourceReference;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the task page and {@code GET /tasks/{id}} show of one task, read in one transaction:
 * the task, its point's text, checkpoints, reports with their evidence (one query for all reports'
 * evidence, not one per report) and extension requests. It used to be five EJB calls and one more
 * per report, each its own transaction, so a report approved between two of them could show in one
 * part and not the other. The caller's right to see the task is checked once, and the task read
 * then is what every part is read from.
 */
@Stateless
public class TaskDetails {

    @EJB TaskQueries tasks;

    @EJB ProgressReportQueries reports;

    @EJB ExtensionService extensions;

    @EJB LeaderService leaders;

    @EJB TaskParts parts;

    @EJB UnitScopes scopes;

    @PersistenceContext EntityManager em;

    /** A report with its evidence files. */
    public record Reported(ProgressReport report, List<EvidenceInfo> evidence) {}

    public record Detail(
            TaskView task,
            String pointText,
            List<Checkpoint> checkpoints,
            List<Reported> reports,
            List<ExtensionRequest> extensions,
            SourceReference source,
            List<TaskInstruction> instructions,
            String signOffNote,
            Supervision supervision) {}

    /**
     * Who supervises the task and what the caller may do as supervisor (issue 21): the office's
     * name (null for the district office, else the town's), whether the caller reviews its reports,
     * the district task it is a part of, its parts (分解) and the 下级单位 the caller may split it to.
     */
    public record Supervision(
            String office,
            boolean canReview,
            UUID parentTaskId,
            List<TaskParts.Part> parts,
            List<TaskParts.Target> splitTargets) {}

    /** The task the caller may see, or 404 {@code task.not-found}. */
    public Detail of(UUID id) {
        Task task = tasks.visible(id);
        TaskView view = tasks.view(task);
        List<ProgressReport> list = reports.reports(task);
        List<TaskParts.Part> split = parts.parts(task);
        Map<UUID, List<EvidenceInfo>> evidence = new LinkedHashMap<>();
        for (ProgressReport r : list) evidence.put(r.getId(), new ArrayList<>());
        if (!list.isEmpty()) {
            em.createQuery(
                            EvidenceInfo.SELECT + "where e.reportId in :r order by e.uploadedAt",
                            EvidenceInfo.class)
                    .setParameter("r", evidence.keySet())
                    .getResultStream()
                    .forEach(e -> evidence.get(e.reportId()).add(e));
        }
        return new Detail(
                view,
                task.getPoint().getText(),
                List.copyOf(task.getCheckpoints()),
                list.stream()
                        .map(r -> new Reported(r, List.copyOf(evidence.get(r.getId()))))
                        .toList(),
                extensions.extensions(task),
                task.getPoint().getSourceReference(),
                leaders.instructions(task),
                task.getSignOffNote(),
                new Supervision(
                        task.getSupervisorUnitId() == null
                                ? null
                                : em.find(Unit.class, task.getSupervisorUnitId()).getName(),
                        scopes.supervises(task.getSupervisorUnitId()),
                        task.getParentTaskId(),
                        split,
                        parts.targets(task, split)));
    }
}
