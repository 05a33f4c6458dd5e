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
import java.util.Locale;
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
        Map<String, StoredFile> once = new LinkedHashMap<>();
        for (StoredFile f : given(unitId, null, GIVEN_LIMIT)) once.putIfAbsent(f.sha256(), f);
        return List.copyOf(once.values());
    }

    /** One file the unit has given, by its SHA-256; empty for any other hash. */
    public Optional<StoredFile> givenBy(UUID unitId, String sha256) {
        if (!EvidenceFile.isSha256(sha256)) return Optional.empty();
        return given(unitId, sha256.toLowerCase(Locale.ROOT), 1).stream().findFirst();
    }

    /** The unit's files in its reports, then in its contributions (of one hash, if given). */
    private List<StoredFile> given(UUID unitId, String sha256, int limit) {
        List<StoredFile> files = new ArrayList<>();
        for (String from :
                List.of(
                        "from Evidence e, ProgressReport o where o.id = e.reportId ",
                        "from ContributionEvidence e, Contribution o where o.id = e.contributionId ")) {
            var q =
                    em.createQuery(
                                    "select new cn.duban.ledger.evidence.StoredFile(e.file.fileName, "
                                            + "e.file.contentType, e.file.size, e.file.sha256) "
                                            + from
                                            + "and o.task.unit.id = :u "
                                            + (sha256 == null ? "" : "and e.file.sha256 = :s ")
                                            + "order by e.uploadedAt desc, e.id",
                                    StoredFile.class)
                            .setParameter("u", unitId)
                            .setMaxResults(limit);
            if (sha256 != null) q.setParameter("s", sha256);
            files.addAll(q.getResultList());
        }
        return files;
    }
}
