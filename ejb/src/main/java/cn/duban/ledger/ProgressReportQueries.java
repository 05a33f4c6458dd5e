package cn.duban.ledger;

import cn.duban.ledger.evidence.StoredFile;
import cn.duban.platform.DubanException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading progress reports: a task's reports, one report, its evidence and a file's download. A
 * report is visible exactly when its task is ({@link TaskQueries#visible}); otherwise it is "not
 * found".
 */
@Stateless
public class ProgressReportQueries {

    @PersistenceContext EntityManager em;

    /** How many of a unit's newest files the picker offers, per store. */
    static final int GIVEN_LIMIT = 200;

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

    /**
     * The files a unit has given, each content once (the newest row's name), newest first: what its
     * people may attach again by reference (选择已有佐证). Only the unit's own reports and contributions
     * count, so a hash is found exactly when the unit could already see the file.
     */
    public List<StoredFile> givenBy(UUID unitId) {
        List<StoredFile> files = new ArrayList<>();
        files.addAll(
                em.createQuery(
                                "select new cn.duban.ledger.evidence.StoredFile(e.file.fileName, e.file.contentType, "
                                        + "e.file.size, e.file.sha256) from Evidence e, ProgressReport r "
                                        + "where r.id = e.reportId and r.task.unit.id = :u order by e.uploadedAt desc, e.id",
                                StoredFile.class)
                        .setParameter("u", unitId)
                        .setMaxResults(GIVEN_LIMIT)
                        .getResultList());
        files.addAll(
                em.createQuery(
                                "select new cn.duban.ledger.evidence.StoredFile(e.file.fileName, e.file.contentType, "
                                        + "e.file.size, e.file.sha256) from ContributionEvidence e, Contribution c "
                                        + "where c.id = e.contributionId and c.task.unit.id = :u "
                                        + "order by e.uploadedAt desc, e.id",
                                StoredFile.class)
                        .setParameter("u", unitId)
                        .setMaxResults(GIVEN_LIMIT)
                        .getResultList());
        Map<String, StoredFile> once = new LinkedHashMap<>();
        for (StoredFile f : files) once.putIfAbsent(f.sha256(), f);
        return List.copyOf(once.values());
    }

    /** One file the unit has given, by its SHA-256; empty for any other hash. */
    public Optional<StoredFile> givenBy(UUID unitId, String sha256) {
        if (!EvidenceFile.isSha256(sha256)) return Optional.empty();
        String sha = sha256.toLowerCase(java.util.Locale.ROOT);
        return em.createQuery(
                        "select new cn.duban.ledger.evidence.StoredFile(e.file.fileName, e.file.contentType, "
                                + "e.file.size, e.file.sha256) from Evidence e, ProgressReport r "
                                + "where r.id = e.reportId and r.task.unit.id = :u and e.file.sha256 = :s "
                                + "order by e.uploadedAt desc",
                        StoredFile.class)
                .setParameter("u", unitId)
                .setParameter("s", sha)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .or(
                        () ->
                                em.createQuery(
                                                "select new cn.duban.ledger.evidence.StoredFile(e.file.fileName, "
                                                        + "e.file.contentType, e.file.size, e.file.sha256) "
                                                        + "from ContributionEvidence e, Contribution c where c.id = e.contributionId "
                                                        + "and c.task.unit.id = :u and e.file.sha256 = :s "
                                                        + "order by e.uploadedAt desc",
                                                StoredFile.class)
                                        .setParameter("u", unitId)
                                        .setParameter("s", sha)
                                        .setMaxResults(1)
                                        .getResultStream()
                                        .findFirst());
    }
}
