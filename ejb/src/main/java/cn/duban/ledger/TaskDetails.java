package cn.duban.ledger;

import cn.duban.plan.SourceReference;
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
            String signOffNote) {}

    /** The task the caller may see, or 404 {@code task.not-found}. */
    public Detail of(UUID id) {
        Task task = tasks.visible(id);
        TaskView view = tasks.view(task);
        List<ProgressReport> list = reports.reports(task);
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
                task.getSignOffNote());
    }
}
