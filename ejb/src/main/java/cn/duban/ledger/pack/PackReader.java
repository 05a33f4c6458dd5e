package cn.duban.ledger.pack;

import cn.duban.ledger.Contribution;
import cn.duban.ledger.ReportState;
import cn.duban.ledger.evidence.EvidenceContents;
import cn.duban.platform.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads an evidence pack's rows for {@link EvidencePackService}, each call in a transaction of its
 * own: the reports, contributions and file list of a few tasks, then one file's bytes at a time. No
 * transaction and no connection is held while the pack goes out to a slow client, and at most one
 * file (≤ 10 MB) is in memory. Called by EvidencePackService only, with the ids of tasks the ledger
 * showed the caller; row-level security holds every query to the caller's tenant, and a unit's
 * person is held to its own unit here too.
 */
@Stateless
public class PackReader {

    /** The reports a district received: not drafts, nor those still with the unit head. */
    static final List<ReportState> GIVEN =
            List.of(ReportState.SUBMITTED, ReportState.APPROVED, ReportState.RETURNED);

    @PersistenceContext EntityManager em;

    @EJB EvidenceContents contents;

    /** The rows of some tasks, files in upload order. */
    public record Chunk(
            List<PackReport> reports, List<PackContribution> contributions, List<PackFile> files) {}

    public Chunk read(List<UUID> taskIds) {
        Caller caller = Caller.requireDistrictPerson();
        boolean all = caller.isDistrictWide();
        TypedQuery<PackReport> reports =
                em.createQuery(
                        "select new cn.duban.ledger.pack.PackReport(r.id, r.task.id, r.state, r.percent, r.text, "
                                + "coalesce(r.submittedByName, r.submittedBy), r.submittedAt, r.headDecidedBy, "
                                + "r.headDecidedAt, r.headComment, r.reviewedBy, r.reviewedAt, r.reviewComment, r.rating) "
                                + "from ProgressReport r where r.task.id in :ids and r.state in :given "
                                + (all ? "" : "and r.task.unit.code = :unit ")
                                + "order by r.submittedAt, r.createdAt, r.id",
                        PackReport.class);
        scope(reports.setParameter("ids", taskIds).setParameter("given", GIVEN), all, caller);
        List<PackReport> reportRows = reports.getResultList();

        TypedQuery<PackContribution> contributions =
                em.createQuery(
                        "select new cn.duban.ledger.pack.PackContribution(c.id, c.task.id, "
                                + "c.state, c.percent, c.text, coalesce(c.sentByName, c.sentBy), c.firstSentAt, "
                                + "c.sentAt, coalesce(c.acknowledgedByName, c.acknowledgedBy), c.acknowledgedAt) "
                                + "from Contribution c where c.task.id in :ids and c.state <> :draft "
                                + (all ? "" : "and c.task.unit.code = :unit ")
                                + "order by c.id",
                        PackContribution.class);
        scope(
                contributions
                        .setParameter("ids", taskIds)
                        .setParameter("draft", Contribution.State.DRAFT),
                all,
                caller);
        List<PackContribution> contributionRows = contributions.getResultList();

        List<PackFile> files = new ArrayList<>();
        List<UUID> reportIds = reportRows.stream().map(PackReport::id).toList();
        if (!reportIds.isEmpty()) {
            files.addAll(
                    em.createQuery(
                                    "select new cn.duban.ledger.pack.PackFile(e.id, false, e.reportId, e.file.fileName, "
                                            + "e.file.size, e.file.sha256, e.uploadedBy, e.uploadedAt) from Evidence e "
                                            + "where e.reportId in :ids order by e.uploadedAt, e.id",
                                    PackFile.class)
                            .setParameter("ids", reportIds)
                            .getResultList());
        }
        List<UUID> contributionIds = contributionRows.stream().map(PackContribution::id).toList();
        if (!contributionIds.isEmpty()) {
            files.addAll(
                    em.createQuery(
                                    "select new cn.duban.ledger.pack.PackFile(e.id, true, e.contributionId, e.file.fileName, "
                                            + "e.file.size, e.file.sha256, e.uploadedBy, e.uploadedAt) from ContributionEvidence e "
                                            + "where e.contributionId in :ids order by e.uploadedAt, e.id",
                                    PackFile.class)
                            .setParameter("ids", contributionIds)
                            .getResultList());
        }
        return new Chunk(reportRows, contributionRows, files);
    }

    /** How many files, and how many bytes, the tasks' reports and contributions hold. */
    public long[] count(List<UUID> taskIds) {
        Caller caller = Caller.requireDistrictPerson();
        boolean all = caller.isDistrictWide();
        TypedQuery<Object[]> reports =
                em.createQuery(
                        "select count(e), coalesce(sum(e.file.size), 0) from Evidence e, ProgressReport r "
                                + "where r.id = e.reportId and r.task.id in :ids and r.state in :given "
                                + (all ? "" : "and r.task.unit.code = :unit"),
                        Object[].class);
        scope(reports.setParameter("ids", taskIds).setParameter("given", GIVEN), all, caller);
        TypedQuery<Object[]> contributions =
                em.createQuery(
                        "select count(e), coalesce(sum(e.file.size), 0) from ContributionEvidence e, Contribution c "
                                + "where c.id = e.contributionId and c.task.id in :ids and c.state <> :draft "
                                + (all ? "" : "and c.task.unit.code = :unit"),
                        Object[].class);
        scope(
                contributions
                        .setParameter("ids", taskIds)
                        .setParameter("draft", Contribution.State.DRAFT),
                all,
                caller);
        Object[] a = reports.getSingleResult(), b = contributions.getSingleResult();
        return new long[] {number(a[0]) + number(b[0]), number(a[1]) + number(b[1])};
    }

    /**
     * One file's bytes, read from the tenant's content store by the row's hash; null if the row is
     * gone (deleted with its draft since the list was read).
     */
    public byte[] content(PackFile file) {
        Caller caller = Caller.requireDistrictPerson();
        boolean all = caller.isDistrictWide();
        TypedQuery<String> q =
                file.contribution()
                        ? em.createQuery(
                                "select e.file.sha256 from ContributionEvidence e, Contribution c "
                                        + "where c.id = e.contributionId and e.id = :id "
                                        + (all ? "" : "and c.task.unit.code = :unit"),
                                String.class)
                        : em.createQuery(
                                "select e.file.sha256 from Evidence e, ProgressReport r "
                                        + "where r.id = e.reportId and e.id = :id "
                                        + (all ? "" : "and r.task.unit.code = :unit"),
                                String.class);
        scope(q.setParameter("id", file.id()), all, caller);
        return q.getResultStream().findFirst().map(contents::bytes).orElse(null);
    }

    private static void scope(TypedQuery<?> q, boolean all, Caller caller) {
        if (!all) q.setParameter("unit", caller.unitCode());
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
