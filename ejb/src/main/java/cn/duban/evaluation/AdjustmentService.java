package cn.duban.evaluation;

import cn.duban.audit.AuditService;
import cn.duban.ledger.EvidenceFile;
import cn.duban.ledger.evidence.EvidenceContents;
import cn.duban.ledger.evidence.StoredFile;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Bonus and deduction items (加扣分事项): a unit's points added or taken off for a reason, with optional
 * evidence, counted in the year's scores.
 */
@Stateless
public class AdjustmentService {

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB EvidenceContents contents;

    public record AdjustmentInput(
            UUID unitId,
            Adjustment.Kind kind,
            BigDecimal points,
            String reason,
            LocalDate occurredOn) {}

    public ScoreAdjustment addAdjustment(AdjustmentInput in, String fileName, byte[] evidence) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        check(in);
        return add(
                in, evidence == null ? null : contents.store(EvidenceFile.of(fileName, evidence)));
    }

    /**
     * An item whose evidence file the tenant already has (a corrected deduction keeps its file):
     * the new item refers to the same bytes.
     */
    public ScoreAdjustment addAdjustment(AdjustmentInput in, StoredFile evidence) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        check(in);
        return add(in, evidence);
    }

    private void check(AdjustmentInput in) {
        if (in == null || in.unitId() == null || in.kind() == null) {
            throw DubanException.badRequest("adjustment.invalid", "请选择单位和类型（加分或扣分）。");
        }
        units.get(in.unitId()); // another tenant's unit: 404 before anything else
        if (in.points() == null
                || in.points().signum() <= 0
                || in.points().compareTo(new BigDecimal(100)) > 0
                || in.points().scale() > 2) {
            throw DubanException.badRequest("adjustment.points", "分值应大于0、不超过100，最多两位小数。");
        }
        if (in.reason() == null || in.reason().isBlank())
            throw DubanException.badRequest("adjustment.reason", "请填写加分或扣分的理由。");
        if (in.reason().length() > 500)
            throw DubanException.badRequest("request.text-too-long", "理由过长（最多500字）。");
        if (in.occurredOn() == null) throw DubanException.badRequest("adjustment.date", "请填写事项日期。");
    }

    private ScoreAdjustment add(AdjustmentInput in, StoredFile file) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        Unit unit = units.get(in.unitId());
        ScoreAdjustment a =
                new ScoreAdjustment(
                        unit.getId(),
                        in.kind(),
                        in.points(),
                        in.reason().strip(),
                        in.occurredOn(),
                        file,
                        caller.username());
        em.persist(a);
        audit.record(
                "adjustment.added",
                "evaluation_adjustment",
                a.getId(),
                "unit",
                unit.getName(),
                "kind",
                in.kind().name(),
                "points",
                in.points(),
                "reason",
                a.getReason(),
                "date",
                in.occurredOn(),
                "evidenceSha256",
                file == null ? null : file.sha256());
        return a;
    }

    public void removeAdjustment(UUID id) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        ScoreAdjustment a = adjustment(id);
        audit.record(
                "adjustment.removed",
                "evaluation_adjustment",
                a.getId(),
                "unit",
                a.getUnitId(),
                "kind",
                a.getKind().name(),
                "points",
                a.getPoints(),
                "reason",
                a.getReason());
        em.remove(a);
    }

    public ScoreAdjustment adjustment(UUID id) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        ScoreAdjustment a = id == null ? null : em.find(ScoreAdjustment.class, id);
        if (a == null) throw DubanException.notFound("adjustment.not-found", "加扣分事项不存在。");
        return a;
    }

    public List<ScoreAdjustment> adjustments(int year) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.LEADER);
        return em.createQuery(
                        "select a from ScoreAdjustment a where a.year = :y order by a.occurredOn desc, a.createdAt desc",
                        ScoreAdjustment.class)
                .setParameter("y", year)
                .getResultList();
    }
}
