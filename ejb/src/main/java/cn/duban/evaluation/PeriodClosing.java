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
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        LocalDate today = LedgerClock.today();
        if (!period.endedBy(today)) {
            throw DubanException.conflict("period.running", period.label() + "尚未结束，结束后才能关账发布。");
        }
        ScoringInputs read = new ScoringInputs(em, units);
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
