package cn.duban.ledger;

import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Reading progress reports: a task's reports, one report, its evidence and a file's download. A
 * report is visible exactly when its task is ({@link TaskQueries#visible}); otherwise it is "not
 * found".
 */
@Stateless
public class ProgressReportQueries {

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    public List<ProgressReport> reports(UUID taskId) {
        return reports(tasks.visible(taskId));
    }

    /** The reports of a task already checked with {@link TaskQueries#visible}, newest first. */
    public List<ProgressReport> reports(Task task) {
        return em.createQuery(
                        "select r from ProgressReport r join fetch r.task t join fetch t.unit where t.id = :t "
                                + "order by r.createdAt desc",
                        ProgressReport.class)
                .setParameter("t", task.getId())
                .getResultList();
    }

    public ProgressReport visible(UUID reportId) {
        ProgressReport report =
                reportId == null
                        ? null
                        : em.createQuery(
                                        "select r from ProgressReport r join fetch r.task t "
                                                + "join fetch t.unit where r.id = :id",
                                        ProgressReport.class)
                                .setParameter("id", reportId)
                                .getResultStream()
                                .findFirst()
                                .orElse(null);
        if (report == null) throw DubanException.notFound("report.not-found", "报送不存在。");
        try {
            tasks.visible(report.getTask().getId());
        } catch (DubanException e) {
            throw DubanException.notFound("report.not-found", "报送不存在。");
        }
        return report;
    }

    public List<EvidenceInfo> evidence(UUID reportId) {
        visible(reportId);
        return em.createQuery(
                        EvidenceInfo.SELECT + "where e.reportId = :r order by e.uploadedAt",
                        EvidenceInfo.class)
                .setParameter("r", reportId)
                .getResultList();
    }

    public Evidence download(UUID reportId, UUID evidenceId) {
        visible(reportId);
        Evidence e = em.find(Evidence.class, evidenceId);
        if (e == null || !e.getReportId().equals(reportId))
            throw DubanException.notFound("evidence.not-found", "文件不存在。");
        return e;
    }
}
