package cn.duban.circular;

import cn.duban.audit.AuditChain;
import cn.duban.audit.AuditService;
import cn.duban.evaluation.Period;
import cn.duban.evaluation.SchemeService;
import cn.duban.evaluation.Standings;
import cn.duban.evaluation.StandingsService;
import cn.duban.ledger.InboxMessage;
import cn.duban.ledger.InboxService;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.TaskStatus;
import cn.duban.ledger.colour.TaskColours;
import cn.duban.ledger.escalation.EscalationDecisions;
import cn.duban.ledger.escalation.EscalationQueries;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Printing;
import cn.duban.platform.Role;
import cn.duban.platform.Sha256;
import cn.duban.platform.TransactionLocks;
import cn.duban.printing.Format;
import cn.duban.tenant.Tenant;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import cn.duban.tenant.UnitScopes;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Circulars (工作通报): a draft per period with the office's wording, previewed with live figures;
 * issuing numbers it (文号 per tenant and year), freezes its data and PDF with their SHA-256 and the
 * audit chain's head printed in the footer, records it in the audit trail and sends it to every
 * unit's inbox.
 *
 * <p>Slightly over 300 lines, one responsibility: a circular's life from draft to issue; issuing
 * alone (numbering, freezing, rendering, hashing, trail, inbox) is a third of it and must stay one
 * transaction.
 */
@Stateless
public class CircularService {

    /** At most this many overdue tasks are named; a circular is read, not searched. */
    static final int MAX_NAMED = 500;

    private static final Jsonb JSON = JsonbBuilder.create();

    /** Stands for the district office where an issuer is compared (no unit has this id). */
    private static final UUID NO_TOWN = new UUID(0, 0);

    @PersistenceContext EntityManager em;

    @EJB SchemeService schemes;

    @EJB StandingsService scores;

    @EJB UnitService units;

    @EJB UnitScopes scopes;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB Printing printing;

    @EJB TaskColours colours;

    @EJB EscalationQueries escalations;

    @EJB EscalationDecisions ladder;

    @EJB cn.duban.platform.replica.ReplicaReads reads;

    /** The district office's new draft for the period (see {@link #draft(Period, UUID)}). */
    public Circular draft(Period period) {
        return draft(period, null);
    }

    /**
     * A new draft for the period, worded in the customary way; the year must have a scheme. Town
     * null: the district office's; else the town's own on its 下级单位, drafted by the town's 单位管理员
     * only (the district office reads it: 403 {@code supervision.town-runs}).
     */
    public Circular draft(Period period, UUID town) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Unit issuer = town == null ? null : scopes.readableTown(town);
        scopes.requireSupervisor(
                issuer == null ? null : issuer.getId(), "circular.not-found", "通报不存在。");
        if (issuer != null) {
            schemes.current(period.year(), issuer.getId());
            Circular c =
                    new Circular(
                            period.year(),
                            period.key(),
                            CircularContent.townFields(issuer.getName(), period.label()),
                            issuer.getId(),
                            caller.username());
            em.persist(c);
            audit.record(
                    "circular.drafted",
                    "circular",
                    c.getId(),
                    "period",
                    period.key(),
                    "supervisor",
                    issuer.getId());
            return c;
        }
        schemes.current(period.year());
        Tenant tenant = em.find(Tenant.class, caller.tenantId());
        String name = tenant.getName();
        CircularEdit fields =
                new CircularEdit(
                        name + "人民政府办公室",
                        name.charAt(0) + "府办通",
                        "关于" + period.label() + "工作要点落实情况的通报",
                        "各街道办事处、镇人民政府，区政府各委、办、局",
                        "以下单位本期任务全部按时完成，予以通报表扬",
                        "一、对照任务台账，逐项梳理逾期任务，明确整改时限和责任人，尽快完成。\n\n"
                                + "二、被点名单位须在5个工作日内书面说明逾期原因及整改措施。\n\n"
                                + "三、各单位要按时报送进展情况并上传佐证材料，区府办将持续跟踪督办，结果纳入年度考核。");
        Circular c = new Circular(period.year(), period.key(), fields, null, caller.username());
        em.persist(c);
        audit.record("circular.drafted", "circular", c.getId(), "period", period.key());
        return c;
    }

    public Circular update(UUID id, CircularEdit edit, Integer expectedVersion) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Circular c = draftOf(id, expectedVersion);
        if (edit == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        c.edit(edit.validated());
        flush();
        audit.record("circular.edited", "circular", c.getId());
        return c;
    }

    public void delete(UUID id) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Circular c = draftOf(id, null);
        audit.record("circular.deleted", "circular", c.getId(), "period", c.getPeriodKey());
        em.remove(c);
    }

    /**
     * The district office's circulars of a year, newest first; units see the issued ones only, and
     * a 下级单位's people also its town's issued ones (addressed to them).
     */
    public List<Circular> list(int year) {
        return list(year, null);
    }

    /**
     * Circulars of a year, newest first. Town null: as {@link #list(int)}; else that town's own,
     * drafts included, for those who read the town's ({@link UnitScopes#readableTown}).
     */
    public List<Circular> list(int year, UUID town) {
        Caller caller = Caller.requireDistrictPerson();
        if (town != null) {
            UUID issuer = scopes.readableTown(town).getId();
            return em.createQuery(
                            "select c from Circular c where c.year = :y and c.supervisorUnitId = :t "
                                    + "order by c.createdAt desc",
                            Circular.class)
                    .setParameter("y", year)
                    .setParameter("t", issuer)
                    .getResultList();
        }
        Set<UUID> towns = scopes.townsAbove();
        return em.createQuery(
                        "select c from Circular c where c.year = :y and ((c.supervisorUnitId is null "
                                + "and (:all = true or c.state = :issued)) or (c.supervisorUnitId in (:towns) "
                                + "and c.state = :issued)) order by c.createdAt desc",
                        Circular.class)
                .setParameter("y", year)
                .setParameter("all", seesDrafts(caller))
                .setParameter("issued", Circular.State.ISSUED)
                // An id no unit has stands for "no town" (an empty in-list is not portable).
                .setParameter("towns", towns.isEmpty() ? Set.of(new UUID(0, 0)) : towns)
                .getResultList();
    }

    /**
     * A circular the caller may read: the district office's as before; a town's for the district
     * office, leaders and the town's 单位管理员 (drafts too), and once issued for the people of its
     * 下级单位, to whom it is addressed. Anything else: not found.
     */
    public Circular get(UUID id) {
        Caller caller = Caller.requireDistrictPerson();
        Circular c = id == null ? null : em.find(Circular.class, id);
        if (c == null || !readable(caller, c)) {
            throw DubanException.notFound("circular.not-found", "通报不存在。");
        }
        return c;
    }

    private boolean readable(Caller caller, Circular c) {
        boolean issued = c.getState() == Circular.State.ISSUED;
        UUID town = c.getSupervisorUnitId();
        if (town == null) return issued || seesDrafts(caller);
        if (caller.isDistrictWide()) return true;
        if (scopes.supervisingTownIfAny().map(t -> t.getId().equals(town)).orElse(false))
            return true;
        return issued && scopes.townsAbove().contains(town);
    }

    /** A circular rendered as a file. */
    public record Document(String fileName, Format format, byte[] content) {}

    /**
     * The circular as a document: an issued one from its frozen data (its PDF exactly as archived),
     * a draft with today's figures and its number left open.
     */
    public Document render(UUID id, Format format) {
        // A draft's figures (the standings) may come from the read replica.
        reads.onlyReads(this);
        Circular c = get(id);
        String name =
                (c.getDocNumber() != null ? c.getDocNumber() : "通报草稿") + "." + format.extension();
        if (c.getState() == Circular.State.ISSUED) {
            byte[] bytes =
                    format == Format.PDF
                            ? c.getPdf()
                            : printing.renderer()
                                    .circular(
                                            JSON.fromJson(
                                                    c.getContent(),
                                                    cn.duban.printing.Circular.class),
                                            format);
            return new Document(name, format, bytes);
        }
        String open = CircularContent.openNumber(c.getDocPrefix(), LedgerClock.today());
        return new Document(
                name,
                format,
                printing.renderer()
                        .circular(content(c, open, LedgerClock.today(), null, toName(c)), format));
    }

    /**
     * Issues a draft: numbered, frozen, archived with its hash, recorded and sent to every unit.
     */
    public Circular issue(UUID id, Integer expectedVersion) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        Circular c = draftOf(id, expectedVersion);
        c.fields().validated();
        UUID town = c.getSupervisorUnitId();
        // Numbers are handed out one at a time per issuer (the district office or a town) and year
        // of issue (a 文号 carries the year it is issued in).
        LocalDate today = LedgerClock.today();
        int numberYear = today.getYear();
        TransactionLocks.lock(
                em,
                caller.tenantId() + ":circular:" + (town == null ? "" : town + ":") + numberYear);
        int seq =
                em.createQuery(
                                        "select coalesce(max(c.seq), 0) from Circular c where c.seq is not null "
                                                + "and coalesce(c.numberYear, c.year) = :y "
                                                + "and coalesce(c.supervisorUnitId, :nil) = :issuer",
                                        Integer.class)
                                .setParameter("y", numberYear)
                                .setParameter("nil", NO_TOWN)
                                .setParameter("issuer", town == null ? NO_TOWN : town)
                                .getSingleResult()
                        + 1;
        String number = CircularContent.docNumber(c.getDocPrefix(), today, seq);
        // The trail's head goes on paper: a later rewrite of anything up to it no longer matches
        // the copies.
        AuditChain.Head head = audit.headToPrint();
        List<EscalationQueries.ToName> named = toName(c);
        cn.duban.printing.Circular content =
                content(
                        c,
                        number,
                        today,
                        new cn.duban.printing.Circular.AuditAnchor(head.seq(), head.anchor()),
                        named);
        byte[] pdf = printing.renderer().circular(content, Format.PDF);
        c.issue(
                numberYear,
                seq,
                number,
                JSON.toJson(content),
                pdf,
                Sha256.hex(pdf),
                caller.username());
        flush();
        audit.record(
                "circular.issued",
                "circular",
                c.getId(),
                "docNumber",
                number,
                "period",
                c.getPeriodKey(),
                "title",
                c.getTitle(),
                "sha256",
                c.getSha256(),
                "auditAnchorSeq",
                head.seq(),
                "auditAnchor",
                head.anchor());
        if (town != null) {
            // A town's circular goes to its 下级单位 only.
            for (Unit u : scopes.subtreeUnits(town)) {
                if (u.getId().equals(town)) continue;
                inbox.circularNotice(
                        u,
                        null,
                        c.getId(),
                        "【工作通报】" + number + " " + c.getTitle(),
                        "请在“工作通报”中查阅全文并对照落实。");
            }
            return c;
        }
        ladder.printedIn(named, c.getId(), number);
        for (Unit u : units.list()) {
            if (u.getKind() == UnitKind.DISTRICT_OFFICE || !u.getKind().districtLevel()) continue;
            inbox.circularNotice(
                    u,
                    null,
                    c.getId(),
                    "【工作通报】" + number + " " + c.getTitle(),
                    "请在“工作通报”中查阅全文并对照落实。");
        }
        inbox.circularNotice(
                null, Caller.LEADER, c.getId(), "【工作通报】" + number + " " + c.getTitle(), "已印发。");
        return c;
    }

    /**
     * The timer's work for one tenant: on the first of a month, last month's draft, and on the
     * first of a quarter also last quarter's, unless they exist; the office is told to review them.
     */
    public int draftDue(LocalDate today) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        if (today.getDayOfMonth() != 1) return 0;
        LocalDate last = today.minusDays(1);
        List<Period> due =
                new java.util.ArrayList<>(
                        List.of(Period.month(last.getYear(), last.getMonthValue())));
        if (today.getMonthValue() % 3 == 1)
            due.add(Period.quarter(last.getYear(), (last.getMonthValue() + 2) / 3));
        int made = 0;
        for (Period p : due) {
            // The district office's own drafts: a town drafts its circulars by hand, and its
            // draft of the period does not stand for the district's.
            boolean exists =
                    !em.createQuery(
                                    "select c.id from Circular c where c.periodKey = :k "
                                            + "and c.supervisorUnitId is null",
                                    UUID.class)
                            .setParameter("k", p.key())
                            .setMaxResults(1)
                            .getResultList()
                            .isEmpty();
            if (exists || !schemes.hasScheme(p.year())) continue;
            draft(p);
            inbox.toRole(
                    Caller.DISTRICT_ADMIN,
                    InboxMessage.Kind.NOTICE,
                    null,
                    p.label() + "工作通报草稿已生成",
                    "请在“工作通报”中审核、修改后印发。");
            made++;
        }
        return made;
    }

    // ---- helpers

    private cn.duban.printing.Circular content(
            Circular c,
            String docNumber,
            LocalDate issueDate,
            cn.duban.printing.Circular.AuditAnchor anchor,
            List<EscalationQueries.ToName> named) {
        Period period = Period.parse(c.getPeriodKey());
        UUID town = c.getSupervisorUnitId();
        Standings standings = scores.standings(period, town, false, false);
        LocalDate asOf = standings.asOf();
        List<CircularContent.OverdueTask> overdue =
                em.createQuery(
                                "select new cn.duban.circular.CircularContent$OverdueTask(u.name, t.title, t.deadline, pl.source) "
                                        + "from Task t join t.unit u join t.point p join p.plan pl where pl.year = :y and t.status not in (:approved, :cancelled) "
                                        // The issuer's own tasks: a town's 下级单位 are named in the
                                        // town's circular, not the district's.
                                        + "and coalesce(t.supervisorUnitId, :nil) = :issuer "
                                        + "and t.deadline < :asOf order by t.deadline, u.name, t.title",
                                CircularContent.OverdueTask.class)
                        .setParameter("y", c.getYear())
                        .setParameter("nil", NO_TOWN)
                        .setParameter("issuer", town == null ? NO_TOWN : town)
                        .setParameter("approved", TaskStatus.APPROVED)
                        .setParameter("cancelled", TaskStatus.CANCELLED)
                        .setParameter("asOf", asOf)
                        .setMaxResults(MAX_NAMED)
                        .getResultList();
        // The colours are the whole district's: a town's circular goes without them.
        TaskColours.Overview now = town == null ? colours.overview() : null;
        return CircularContent.build(
                c.fields(),
                docNumber,
                issueDate,
                standings,
                overdue,
                anchor,
                now == null
                        ? null
                        : new cn.duban.printing.Circular.Colours(
                                now.date(), now.red(), now.amber(), now.green()),
                CircularContent.supervised(named, asOf));
    }

    /**
     * A draft the caller edits, deletes or issues: its issuer's own (the district office's or the
     * town's 单位管理员); the district office reading a town's gets 403 {@code supervision.town-runs}.
     */
    /** The ladder's 点名通报 rungs to print: the district office's circulars only. */
    private List<EscalationQueries.ToName> toName(Circular c) {
        return c.getSupervisorUnitId() == null ? escalations.toName() : List.of();
    }

    private Circular draftOf(UUID id, Integer expectedVersion) {
        Circular c = get(id);
        scopes.requireSupervisor(c.getSupervisorUnitId(), "circular.not-found", "通报不存在。");
        if (c.getState() != Circular.State.DRAFT)
            throw DubanException.conflict("circular.issued", "通报已印发，不能再修改或删除。");
        c.requireVersion(expectedVersion, "circular.stale", "通报草稿已被他人修改，请刷新后重试。");
        return c;
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw DubanException.conflict("circular.stale", "通报草稿已被他人修改，请刷新后重试。");
        }
    }

    private static boolean seesDrafts(Caller caller) {
        return caller.isDistrictWide();
    }
}
