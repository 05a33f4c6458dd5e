package cn.duban.evaluation.appeal;

import cn.duban.audit.AuditService;
import cn.duban.evaluation.Adjustment;
import cn.duban.evaluation.AdjustmentService;
import cn.duban.evaluation.Period;
import cn.duban.evaluation.PeriodClosing;
import cn.duban.evaluation.ScoreAdjustment;
import cn.duban.evaluation.ScoreSnapshot;
import cn.duban.evaluation.Standings;
import cn.duban.evaluation.StandingsService;
import cn.duban.evaluation.UnitScore;
import cn.duban.ledger.EvidenceFile;
import cn.duban.ledger.InboxMessage;
import cn.duban.ledger.InboxService;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.Task;
import cn.duban.ledger.TaskStatus;
import cn.duban.ledger.evidence.EvidenceContents;
import cn.duban.ledger.evidence.StoredFile;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Filing and deciding appeals (申诉): a unit's people file against their own unit's published score
 * lines, deduction items and overdue marks within the window; the district office decides; the
 * trail records every step and the unit is told in its inbox.
 */
@Stateless
public class AppealService {

    private static final String[] UNIT_ROLES = Role.UNIT_ROLES.toArray(String[]::new);

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB StandingsService standings;

    @EJB PeriodClosing closing;

    @EJB AdjustmentService adjustments;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB EvidenceContents contents;

    /**
     * What a unit contests: a period's score line (indicator, optionally one task's), an item or a
     * task's overdue mark.
     */
    public record Filing(
            String period,
            Appeal.Kind kind,
            String indicator,
            UUID taskId,
            UUID adjustmentId,
            String reason) {}

    /** An uploaded evidence file, unchecked. */
    public record Upload(String name, byte[] content) {}

    /**
     * The district office's decision: accept (with corrected points for a line or an item) or
     * reject.
     */
    public record Decision(boolean accept, String note, BigDecimal correctedPoints) {}

    /** Something the caller's unit may appeal now, with its window and any open appeal. */
    public record Target(
            Appeal.Kind kind,
            String period,
            String indicator,
            UUID taskId,
            UUID adjustmentId,
            String label,
            BigDecimal points,
            LocalDate windowCloses,
            UUID openAppeal) {}

    // ---- filing

    public Appeal file(Filing in, List<Upload> files) {
        Caller caller = Caller.requireTenant(UNIT_ROLES);
        Unit unit = units.myUnit();
        if (in == null || in.kind() == null)
            throw DubanException.badRequest("appeal.invalid", "请选择申诉对象（得分项、扣分事项或逾期认定）。");
        String reason = in.reason() == null ? "" : in.reason().strip();
        if (reason.isEmpty()) throw DubanException.badRequest("appeal.reason", "请填写申诉理由。");
        if (reason.length() > AppealRules.MAX_REASON)
            throw DubanException.badRequest(
                    "request.text-too-long", "申诉理由过长（最多" + AppealRules.MAX_REASON + "字）。");
        List<Upload> uploads = files == null ? List.of() : files;
        if (uploads.size() > AppealRules.MAX_FILES)
            throw DubanException.badRequest(
                    "appeal.files", "佐证材料最多" + AppealRules.MAX_FILES + "个文件。");
        // The files are checked first, with the report evidence's rules (type, size, content).
        List<EvidenceFile> evidence =
                uploads.stream().map(u -> EvidenceFile.of(u.name(), u.content())).toList();
        Appeal appeal = target(in, unit, reason, caller.username());
        if (open(appeal.getUnitId(), appeal.getTargetKey()) != null) throw duplicate();
        // The bytes first (their own statement), each content once per tenant.
        List<StoredFile> stored = evidence.stream().map(contents::store).toList();
        em.persist(appeal);
        for (StoredFile f : stored)
            em.persist(new AppealEvidence(appeal.getId(), f, caller.username()));
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw duplicate();
        }
        audit.record(
                "appeal.filed",
                "appeal",
                appeal.getId(),
                "unit",
                unit.getName(),
                "period",
                appeal.getPeriodKey(),
                "kind",
                appeal.getKind().name(),
                "target",
                appeal.getTargetLabel(),
                "points",
                appeal.getContestedPoints(),
                "reason",
                reason,
                "evidenceSha256",
                String.join(",", evidence.stream().map(EvidenceFile::sha256).toList()));
        inbox.toRole(
                Role.DISTRICT_ADMIN,
                InboxMessage.Kind.NOTICE,
                appeal.getTaskId(),
                unit.getName() + "提出申诉：" + appeal.getTargetLabel(),
                reason);
        return appeal;
    }

    private static DubanException duplicate() {
        return DubanException.conflict("appeal.duplicate", "该事项已有待处理的申诉，请等待区府办处理结果。");
    }

    /** The appeal a filing makes, after every check of its target and window. */
    private Appeal target(Filing in, Unit unit, String reason, String by) {
        LocalDate today = LedgerClock.today();
        int days = settings().getWindowDays();
        return switch (in.kind()) {
            case OVERDUE -> {
                Task task = in.taskId() == null ? null : em.find(Task.class, in.taskId());
                if (task == null
                        || !task.getUnit().getId().equals(unit.getId())
                        || task.getStatus() == TaskStatus.CANCELLED)
                    throw DubanException.notFound("task.not-found", "任务不存在。");
                if (task.getDeadline() == null
                        || !AppealRules.countedLate(
                                task.getDeadline(), task.getStatus(), task.getCompletedOn(), today))
                    throw DubanException.conflict("appeal.not-late", "该任务未被认定逾期，无需申诉。");
                if (excused(task.getId()))
                    throw DubanException.conflict("appeal.already-excused", "该任务的逾期认定已经申诉采纳。");
                Period period =
                        in.period() == null || in.period().isBlank()
                                ? Period.quarter(
                                        task.getDeadline().getYear(),
                                        (task.getDeadline().getMonthValue() + 2) / 3)
                                : period(in.period());
                if (task.getDeadline().isBefore(period.start())
                        || task.getDeadline().isAfter(period.end()))
                    throw DubanException.badRequest(
                            "appeal.period", "该任务的完成时限不在" + period.label() + "内。");
                requireWindow(
                        AppealRules.window(
                                Appeal.Kind.OVERDUE,
                                firstPublished(period),
                                task.getDeadline(),
                                days),
                        today,
                        period);
                yield new Appeal(
                        unit.getId(),
                        period.key(),
                        Appeal.Kind.OVERDUE,
                        "OVERDUE:" + task.getId(),
                        "逾期认定：" + task.getTitle() + "（完成时限" + task.getDeadline() + "）",
                        null,
                        task.getId(),
                        null,
                        null,
                        reason,
                        by);
            }
            case ADJUSTMENT -> {
                Period period = period(in.period());
                ScoreAdjustment a =
                        in.adjustmentId() == null
                                ? null
                                : em.find(ScoreAdjustment.class, in.adjustmentId());
                if (a == null || !a.getUnitId().equals(unit.getId()))
                    throw DubanException.notFound("adjustment.not-found", "扣分事项不存在。");
                if (!AppealRules.appealableItem(a.getKind(), a.getOccurredOn(), period))
                    throw DubanException.badRequest(
                            "appeal.target", "只能对" + period.label() + "的扣分事项提出申诉。");
                requireWindow(
                        AppealRules.window(
                                Appeal.Kind.ADJUSTMENT, firstPublished(period), null, days),
                        today,
                        period);
                yield new Appeal(
                        unit.getId(),
                        period.key(),
                        Appeal.Kind.ADJUSTMENT,
                        "ADJUSTMENT:" + a.getId(),
                        "扣分事项："
                                + a.getReason()
                                + "（"
                                + a.getOccurredOn()
                                + "，扣"
                                + plain(a.getPoints())
                                + "分）",
                        null,
                        null,
                        a.getId(),
                        a.getPoints().negate(),
                        reason,
                        by);
            }
            case SCORE_LINE -> {
                Period period = period(in.period());
                String indicator = in.indicator() == null ? "" : in.indicator().strip();
                if (!AppealRules.appealableLine(indicator))
                    throw DubanException.badRequest("appeal.target", "请选择要申诉的考核指标得分项。");
                requireWindow(
                        AppealRules.window(
                                Appeal.Kind.SCORE_LINE, firstPublished(period), null, days),
                        today,
                        period);
                List<UnitScore.ScoreLine> lines =
                        lines(period, unit.getId()).stream()
                                .filter(l -> indicator.equals(l.indicator()))
                                .filter(l -> in.taskId() == null || in.taskId().equals(l.taskId()))
                                .toList();
                if (lines.isEmpty())
                    throw DubanException.notFound("appeal.line-not-found", "本单位已发布的结果中没有该得分项。");
                BigDecimal points =
                        lines.stream()
                                .map(UnitScore.ScoreLine::points)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                String task = in.taskId() == null ? null : lines.get(0).task();
                yield new Appeal(
                        unit.getId(),
                        period.key(),
                        Appeal.Kind.SCORE_LINE,
                        "SCORE_LINE:"
                                + period.key()
                                + ":"
                                + indicator
                                + ":"
                                + Objects.toString(in.taskId(), ""),
                        "得分项："
                                + period.label()
                                + " "
                                + indicator
                                + (task == null ? "" : "（" + task + "）")
                                + " "
                                + plain(points)
                                + "分",
                        indicator,
                        in.taskId(),
                        null,
                        points,
                        reason,
                        by);
            }
        };
    }

    private static void requireWindow(AppealRules.Window window, LocalDate today, Period period) {
        if (window == null)
            throw DubanException.conflict("appeal.not-open", period.label() + "的考核结果尚未发布，发布后方可申诉。");
        if (today.isBefore(window.opens()))
            throw DubanException.conflict("appeal.not-open", "申诉期自" + window.opens() + "起，尚未开始。");
        if (!window.contains(today))
            throw DubanException.conflict(
                    "appeal.window-closed", "申诉期已于" + window.closes() + "结束，不能再提出申诉。");
    }

    /** The day the period's result was first published (version 1), or null. */
    private LocalDate firstPublished(Period period) {
        return closing.snapshots(period.year()).stream()
                .filter(s -> s.getPeriodKey().equals(period.key()))
                .min(Comparator.comparingInt(ScoreSnapshot::getVersion))
                .map(s -> LedgerClock.dateOf(s.getClosedAt()))
                .orElse(null);
    }

    /** The unit's lines in the period's published result (never the live one). */
    private List<UnitScore.ScoreLine> lines(Period period, UUID unitId) {
        Standings s = standings.standings(period, false, true);
        if (s.snapshot() == null) return List.of();
        return s.units().stream()
                .filter(u -> u.unitId().equals(unitId))
                .findFirst()
                .map(UnitScore::lines)
                .orElse(List.of());
    }

    private boolean excused(UUID taskId) {
        return !em.createQuery(
                        "select a.id from Appeal a where a.taskId = :t and a.kind = :k and a.status = :s",
                        UUID.class)
                .setParameter("t", taskId)
                .setParameter("k", Appeal.Kind.OVERDUE)
                .setParameter("s", Appeal.Status.ACCEPTED)
                .getResultList()
                .isEmpty();
    }

    private Appeal open(UUID unitId, String targetKey) {
        return em.createQuery(
                        "select a from Appeal a where a.unitId = :u and a.targetKey = :k and a.status = :s",
                        Appeal.class)
                .setParameter("u", unitId)
                .setParameter("k", targetKey)
                .setParameter("s", Appeal.Status.OPEN)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * What the caller's unit may appeal in a period today: its published score lines (per indicator
     * and task), its deduction items, and its tasks counted late, each with its window.
     */
    public List<Target> targets(Period period) {
        Caller.requireTenant(UNIT_ROLES);
        Unit unit = units.myUnit();
        LocalDate today = LedgerClock.today();
        int days = settings().getWindowDays();
        LocalDate published = firstPublished(period);
        List<Target> out = new ArrayList<>();
        AppealRules.Window results =
                AppealRules.window(Appeal.Kind.SCORE_LINE, published, null, days);
        if (results != null && results.contains(today)) {
            for (UnitScore.ScoreLine l : lines(period, unit.getId())) {
                if (!AppealRules.appealableLine(l.indicator())) continue;
                String key =
                        "SCORE_LINE:"
                                + period.key()
                                + ":"
                                + l.indicator()
                                + ":"
                                + Objects.toString(l.taskId(), "");
                out.add(
                        new Target(
                                Appeal.Kind.SCORE_LINE,
                                period.key(),
                                l.indicator(),
                                l.taskId(),
                                null,
                                l.indicator()
                                        + (l.task() == null ? "" : "：" + l.task())
                                        + "（"
                                        + l.rule()
                                        + "）",
                                l.points(),
                                results.closes(),
                                openId(unit.getId(), key)));
            }
            List<ScoreAdjustment> items =
                    em.createQuery(
                                    "select a from ScoreAdjustment a where a.unitId = :u and a.kind = :k "
                                            + "and a.occurredOn between :from and :to order by a.occurredOn",
                                    ScoreAdjustment.class)
                            .setParameter("u", unit.getId())
                            .setParameter("k", Adjustment.Kind.DEDUCTION)
                            .setParameter("from", period.start())
                            .setParameter("to", period.end())
                            .getResultList();
            for (ScoreAdjustment a : items)
                out.add(
                        new Target(
                                Appeal.Kind.ADJUSTMENT,
                                period.key(),
                                null,
                                null,
                                a.getId(),
                                a.getReason() + "（" + a.getOccurredOn() + "）",
                                a.getPoints().negate(),
                                results.closes(),
                                openId(unit.getId(), "ADJUSTMENT:" + a.getId())));
        }
        List<Task> tasks =
                em.createQuery(
                                "select t from Task t where t.unit.id = :u and t.deadline between :from and :to "
                                        + "and t.deadline < :today and t.status <> :cancelled order by t.deadline",
                                Task.class)
                        .setParameter("u", unit.getId())
                        .setParameter("from", period.start())
                        .setParameter("to", period.end())
                        .setParameter("today", today)
                        .setParameter("cancelled", TaskStatus.CANCELLED)
                        .getResultList();
        for (Task t : tasks) {
            if (!AppealRules.countedLate(t.getDeadline(), t.getStatus(), t.getCompletedOn(), today)
                    || excused(t.getId())) continue;
            AppealRules.Window w =
                    AppealRules.window(Appeal.Kind.OVERDUE, published, t.getDeadline(), days);
            if (w == null || !w.contains(today)) continue;
            out.add(
                    new Target(
                            Appeal.Kind.OVERDUE,
                            period.key(),
                            null,
                            t.getId(),
                            null,
                            t.getTitle() + "（完成时限" + t.getDeadline() + "）",
                            null,
                            w.closes(),
                            openId(unit.getId(), "OVERDUE:" + t.getId())));
        }
        return out;
    }

    private UUID openId(UUID unitId, String key) {
        Appeal a = open(unitId, key);
        return a == null ? null : a.getId();
    }

    // ---- deciding

    public Appeal decide(UUID id, Decision d) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Appeal appeal = find(id);
        if (appeal.getStatus() != Appeal.Status.OPEN)
            throw DubanException.conflict(
                    "appeal.decided",
                    "该申诉已于"
                            + LedgerClock.dateOf(appeal.getDecidedAt())
                            + "处理（"
                            + appeal.getStatus().label()
                            + "）。");
        if (d == null) throw DubanException.badRequest("appeal.decision", "请选择采纳或驳回。");
        String note = d.note() == null ? "" : d.note().strip();
        if (note.length() > AppealRules.MAX_REASON)
            throw DubanException.badRequest(
                    "request.text-too-long", "处理意见过长（最多" + AppealRules.MAX_REASON + "字）。");
        Unit unit = units.get(appeal.getUnitId());
        Period period = Period.parse(appeal.getPeriodKey());
        if (!d.accept()) {
            if (note.isEmpty())
                throw DubanException.badRequest("appeal.decision-reason", "驳回申诉须填写理由。");
            appeal.decide(Appeal.Status.REJECTED, note, null, caller.username());
            audit.record(
                    "appeal.rejected",
                    "appeal",
                    appeal.getId(),
                    "unit",
                    unit.getName(),
                    "target",
                    appeal.getTargetLabel(),
                    "reason",
                    note);
            inbox.toUnit(
                    unit,
                    InboxMessage.Kind.NOTICE,
                    appeal.getTaskId(),
                    "申诉已驳回：" + appeal.getTargetLabel(),
                    "驳回理由：" + note);
            return appeal;
        }
        BigDecimal corrected = apply(appeal, period, d.correctedPoints());
        appeal.decide(
                Appeal.Status.ACCEPTED, note.isEmpty() ? null : note, corrected, caller.username());
        em.flush();
        Integer version = null;
        if (firstPublished(period) != null) {
            String why =
                    "申诉采纳："
                            + unit.getName()
                            + " "
                            + appeal.getTargetLabel()
                            + (note.isEmpty() ? "" : "；" + note);
            ScoreSnapshot s =
                    closing.republish(
                            period, why.length() > 500 ? why.substring(0, 499) + "…" : why);
            appeal.republished(s.getVersion());
            version = s.getVersion();
        }
        audit.record(
                "appeal.accepted",
                "appeal",
                appeal.getId(),
                "unit",
                unit.getName(),
                "target",
                appeal.getTargetLabel(),
                "correctedPoints",
                corrected,
                "note",
                note,
                "republishedVersion",
                version);
        inbox.toUnit(
                unit,
                InboxMessage.Kind.NOTICE,
                appeal.getTaskId(),
                "申诉已采纳：" + appeal.getTargetLabel(),
                (version == null ? "" : period.label() + "考核结果已更正为第" + version + "版。")
                        + (note.isEmpty() ? "" : "处理意见：" + note));
        return appeal;
    }

    /**
     * What accepting changes, recorded: a deduction item withdrawn (or lowered to the corrected
     * points), a score line corrected by an item of the difference, an overdue mark excused (the
     * accepted appeal itself, which scoring reads). Returns the corrected points, if any.
     */
    private BigDecimal apply(Appeal appeal, Period period, BigDecimal corrected) {
        switch (appeal.getKind()) {
            case OVERDUE -> {
                return null;
            }
            case ADJUSTMENT -> {
                ScoreAdjustment a = em.find(ScoreAdjustment.class, appeal.getAdjustmentId());
                if (a == null)
                    throw DubanException.conflict("appeal.item-gone", "该扣分事项已被删除，请驳回并说明。");
                BigDecimal keep = corrected == null ? BigDecimal.ZERO : corrected.abs();
                if (keep.compareTo(a.getPoints()) >= 0 || keep.scale() > 2)
                    throw DubanException.badRequest(
                            "appeal.corrected-points",
                            "更正后的扣分应小于原扣分" + plain(a.getPoints()) + "分（0为撤销），最多两位小数。");
                adjustments.removeAdjustment(a.getId());
                if (keep.signum() > 0)
                    adjustments.addAdjustment(
                            new AdjustmentService.AdjustmentInput(
                                    a.getUnitId(),
                                    a.getKind(),
                                    keep,
                                    cut(a.getReason() + "（申诉更正，原扣" + plain(a.getPoints()) + "分）"),
                                    a.getOccurredOn()),
                            a.getEvidence());
                return keep.negate();
            }
            case SCORE_LINE -> {
                if (corrected == null || corrected.scale() > 2)
                    throw DubanException.badRequest(
                            "appeal.corrected-points", "请填写该得分项更正后的分值（最多两位小数）。");
                BigDecimal delta = corrected.subtract(appeal.getContestedPoints());
                if (delta.signum() == 0)
                    throw DubanException.badRequest(
                            "appeal.corrected-points", "更正后的分值与原分值相同，无需更正；不更正请驳回。");
                adjustments.addAdjustment(
                        new AdjustmentService.AdjustmentInput(
                                appeal.getUnitId(),
                                delta.signum() > 0
                                        ? Adjustment.Kind.BONUS
                                        : Adjustment.Kind.DEDUCTION,
                                delta.abs(),
                                cut(
                                        "申诉更正："
                                                + appeal.getIndicator()
                                                + "，原"
                                                + plain(appeal.getContestedPoints())
                                                + "分更正为"
                                                + plain(corrected)
                                                + "分"),
                                period.end()),
                        null,
                        null);
                return corrected;
            }
        }
        throw new IllegalStateException(appeal.getKind().name());
    }

    private static String cut(String s) {
        return s.length() > 500 ? s.substring(0, 499) + "…" : s;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    // ---- reading

    /** One appeal: the district office and leaders any of the district's, a unit its own. */
    public Appeal get(UUID id) {
        Caller caller = Caller.requireDistrictPerson();
        Appeal a = find(id);
        if (!caller.isDistrictWide() && !a.getUnitId().equals(units.myUnit().getId()))
            throw notFound();
        return a;
    }

    private Appeal find(UUID id) {
        Appeal a = id == null ? null : em.find(Appeal.class, id);
        if (a == null) throw notFound();
        return a;
    }

    private static DubanException notFound() {
        return DubanException.notFound("appeal.not-found", "申诉不存在。");
    }

    /**
     * Appeals by period, status and unit (a unit's people: their own unit's only), newest first.
     */
    public List<Appeal> list(String periodKey, Appeal.Status status, UUID unitId) {
        Caller caller = Caller.requireDistrictPerson();
        UUID unit = caller.isDistrictWide() ? unitId : units.myUnit().getId();
        String period = periodKey == null || periodKey.isBlank() ? null : period(periodKey).key();
        StringBuilder q = new StringBuilder("select a from Appeal a where 1 = 1");
        if (period != null) q.append(" and a.periodKey = :p");
        if (status != null) q.append(" and a.status = :s");
        if (unit != null) q.append(" and a.unitId = :u");
        q.append(" order by a.filedAt desc");
        var query = em.createQuery(q.toString(), Appeal.class).setMaxResults(500);
        if (period != null) query.setParameter("p", period);
        if (status != null) query.setParameter("s", status);
        if (unit != null) query.setParameter("u", unit);
        return query.getResultList();
    }

    /** Open appeals of the district (the menu's badge). */
    public long openCount() {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        return em.createQuery("select count(a) from Appeal a where a.status = :s", Long.class)
                .setParameter("s", Appeal.Status.OPEN)
                .getSingleResult();
    }

    /** An appeal's evidence files without their bytes. */
    public List<AppealEvidence> evidence(UUID appealId) {
        get(appealId);
        return em.createQuery(
                        "select e from AppealEvidence e where e.appealId = :a order by e.uploadedAt, e.file.fileName",
                        AppealEvidence.class)
                .setParameter("a", appealId)
                .getResultList();
    }

    /** One evidence file, for whoever may read the appeal (its bytes: EvidenceContents). */
    public AppealEvidence evidenceFile(UUID appealId, UUID evidenceId) {
        get(appealId);
        AppealEvidence e = evidenceId == null ? null : em.find(AppealEvidence.class, evidenceId);
        if (e == null || !e.getAppealId().equals(appealId))
            throw DubanException.notFound("evidence.not-found", "佐证材料不存在。");
        return e;
    }

    // ---- settings

    public AppealSettings settings() {
        String tenant = Caller.currentTenant().orElseThrow(DubanException::unauthorized);
        AppealSettings s = em.find(AppealSettings.class, tenant);
        return s != null ? s : new AppealSettings(tenant);
    }

    public AppealSettings changeWindow(int days) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        if (days < 1 || days > 60) throw DubanException.badRequest("appeal.window", "申诉期应为1至60天。");
        AppealSettings s = em.find(AppealSettings.class, caller.tenantId());
        boolean created = s == null;
        if (created) s = new AppealSettings(caller.tenantId());
        int before = s.getWindowDays();
        s.change(days, caller.username());
        if (created) em.persist(s);
        audit.record("appeal.window", "appeal_settings", null, "from", before, "to", days);
        return s;
    }

    private static Period period(String key) {
        try {
            return Period.parse(key);
        } catch (IllegalArgumentException e) {
            throw DubanException.badRequest("period.invalid", "考核期“" + key + "”无效。");
        }
    }
}
