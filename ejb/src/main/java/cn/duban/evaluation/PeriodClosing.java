package cn.duban.evaluation;

import cn.duban.audit.AuditService;
import cn.duban.ledger.InboxMessage;
import cn.duban.ledger.InboxService;
import cn.duban.ledger.LedgerClock;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Sha256;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.List;

/**
 * Closing periods (关账发布): an ended period's scores computed once more and frozen as a published,
 * versioned {@link ScoreSnapshot} that the leadership is told about; a correction adds the next
 * version with its reason.
 */
@Stateless
public class PeriodClosing {

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB SchemeService schemes;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    /**
     * Closes an ended period: its scores are computed once more and frozen as the published
     * version. Closing it again (after late edits) needs a reason and adds the next version.
     */
    public ScoreSnapshot close(Period period, String reason) {
        return close(period, reason, null);
    }

    /**
     * The same; while the period has open appeals (申诉) it refuses (409 {@code period.open-appeals})
     * unless an override reason is given, which goes on the snapshot's reason and into the trail.
     */
    public ScoreSnapshot close(Period period, String reason, String override) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ScoringInputs read = new ScoringInputs(em, units);
        List<ScoringInputs.OpenAppeals> open = read.openAppeals(period);
        String overriding = override == null || override.isBlank() ? null : override.strip();
        if (open.isEmpty()) return publish(period, reason, read);
        long count = open.stream().mapToLong(ScoringInputs.OpenAppeals::count).sum();
        String units =
                String.join("、", open.stream().map(o -> o.unit() + o.count() + "件").toList());
        if (overriding == null) {
            throw DubanException.conflict(
                    "period.open-appeals",
                    period.label() + "尚有" + count + "件未决申诉（" + units + "），请先处理申诉，或填写强制关账理由。");
        }
        if (overriding.length() > 200)
            throw DubanException.badRequest("request.text-too-long", "强制关账理由过长（最多200字）。");
        String why = reason == null || reason.isBlank() ? "" : reason.strip() + "；";
        ScoreSnapshot s = publish(period, why + "尚有未决申诉" + count + "件，强制关账：" + overriding, read);
        audit.record(
                "evaluation.close-override",
                "evaluation_snapshot",
                s.getId(),
                "period",
                period.key(),
                "version",
                s.getVersion(),
                "openAppeals",
                count,
                "units",
                units,
                "reason",
                overriding);
        return s;
    }

    /**
     * A published period's next version after an accepted appeal (申诉采纳): the published versions
     * stay as they are. Other open appeals of the period do not hold it back; each decision
     * republishes.
     */
    public ScoreSnapshot republish(Period period, String reason) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ScoringInputs read = new ScoringInputs(em, units);
        if (read.latestSnapshot(period) == null)
            throw DubanException.conflict("period.not-closed", period.label() + "尚未发布考核结果。");
        return publish(period, reason, read);
    }

    /** Computes and freezes the next version; after the first, only with a reason. */
    private ScoreSnapshot publish(Period period, String reason, ScoringInputs read) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        LocalDate today = LedgerClock.today();
        if (!period.endedBy(today)) {
            throw DubanException.conflict("period.running", period.label() + "尚未结束，结束后才能关账发布。");
        }
        ScoreSnapshot previous = read.latestSnapshot(period);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (previous != null && why == null) {
            throw DubanException.conflict(
                    "period.closed",
                    period.label()
                            + "已于"
                            + LedgerClock.dateOf(previous.getClosedAt())
                            + "发布第"
                            + previous.getVersion()
                            + "版；如需更正，请填写更正原因后重新发布。");
        }
        if (why != null && why.length() > 500)
            throw DubanException.badRequest("request.text-too-long", "更正原因过长（最多500字）。");
        Scheme scheme = schemes.current(period.year());
        Standings standings =
                ScoringInputs.compute(period, scheme, read.inputs(scheme, true), today);
        String content = ScoringInputs.JSON.toJson(standings);
        ScoreSnapshot snapshot =
                new ScoreSnapshot(
                        period,
                        previous == null ? 1 : previous.getVersion() + 1,
                        scheme.getId(),
                        standings.asOf(),
                        content,
                        Sha256.hex(content),
                        why,
                        caller.username());
        em.persist(snapshot);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw DubanException.conflict("period.concurrent", "他人刚刚发布了该期考核结果，请刷新后查看。");
        }
        audit.record(
                "evaluation.closed",
                "evaluation_snapshot",
                snapshot.getId(),
                "period",
                period.key(),
                "version",
                snapshot.getVersion(),
                "scheme",
                scheme.getId(),
                "schemeVersion",
                scheme.getVersion(),
                "sha256",
                snapshot.getSha256(),
                "reason",
                why);
        String subject =
                period.label()
                        + "考核结果已发布"
                        + (snapshot.getVersion() > 1 ? "（第" + snapshot.getVersion() + "版）" : "");
        inbox.toRole(
                Caller.LEADER,
                InboxMessage.Kind.NOTICE,
                null,
                subject,
                why == null ? "请在考核看板查看排名。" : "更正原因：" + why);
        return snapshot;
    }

    public List<ScoreSnapshot> snapshots(int year) {
        Caller.requireDistrictPerson();
        return em.createQuery(
                        "select s from ScoreSnapshot s where s.year = :y order by s.periodKey, s.version desc",
                        ScoreSnapshot.class)
                .setParameter("y", year)
                .getResultList();
    }
}
