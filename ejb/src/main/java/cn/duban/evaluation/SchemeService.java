package cn.duban.evaluation;

import cn.duban.audit.AuditService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.UnitScopes;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluation schemes (考核方案): a year's scheme kept as immutable versions, each saved only after
 * every rule and indicator checks out, and the plans and sections an indicator can cover.
 */
@Stateless
public class SchemeService {

    @PersistenceContext EntityManager em;

    @EJB UnitService units;

    @EJB UnitScopes scopes;

    @EJB AuditService audit;

    /** The district office's scheme in force for a year: its latest version. */
    public Scheme current(int year) {
        Caller.requireDistrictPerson();
        return current(year, null, "");
    }

    /**
     * The scheme in force for a year of a supervisor: the district office's (town null) or a
     * town's, which the district office, leaders and the town's 单位管理员 read ({@link
     * UnitScopes#readableTown}).
     */
    public Scheme current(int year, UUID town) {
        if (town == null) return current(year);
        cn.duban.tenant.Unit t = scopes.readableTown(town);
        return current(year, t.getId(), t.getName());
    }

    private Scheme current(int year, UUID supervisor, String whose) {
        return em.createQuery(
                        "select s from Scheme s left join fetch s.indicators where s.year = :y "
                                + "and "
                                + SUPERVISED
                                + " and s.version = (select max(v.version) from Scheme v where v.year = :y "
                                + "and coalesce(v.supervisorUnitId, :nil) = :sup)",
                        Scheme.class)
                .setParameter("y", year)
                .setParameter("nil", NIL)
                .setParameter("sup", supervisor == null ? NIL : supervisor)
                .getResultStream()
                .findFirst()
                .orElseThrow(
                        () ->
                                DubanException.notFound(
                                        "scheme.not-found", whose + year + "年尚未制定考核方案。"));
    }

    /** A scheme's supervisor in JPQL: null (the district office) compared as {@link #NIL}. */
    private static final String SUPERVISED = "coalesce(s.supervisorUnitId, :nil) = :sup";

    /** Stands for the district office where a supervisor is compared (no unit has this id). */
    static final UUID NIL = new UUID(0, 0);

    /** Whether the district office has a scheme for the year (without reading it). */
    public boolean hasScheme(int year) {
        Caller.requireDistrictPerson();
        return em.createQuery(
                                "select count(s) from Scheme s where s.year = :y and s.supervisorUnitId is null",
                                Long.class)
                        .setParameter("y", year)
                        .getSingleResult()
                > 0;
    }

    /** The district office's versions of a year's scheme. */
    public List<Scheme> versions(int year) {
        return versions(year, null);
    }

    /**
     * A supervisor's versions of a year's scheme, newest first (town null: the district office).
     */
    public List<Scheme> versions(int year, UUID town) {
        Caller.requireDistrictPerson();
        UUID supervisor = town == null ? NIL : scopes.readableTown(town).getId();
        return em.createQuery(
                        "select distinct s from Scheme s left join fetch s.indicators where s.year = :y and "
                                + SUPERVISED
                                + " order by s.version desc",
                        Scheme.class)
                .setParameter("y", year)
                .setParameter("nil", NIL)
                .setParameter("sup", supervisor)
                .getResultList();
    }

    /**
     * A scheme by id; a town's only for those who read that town's ({@link
     * UnitScopes#readableTown}).
     */
    public Scheme scheme(UUID id) {
        Caller.requireDistrictPerson();
        if (id == null) throw DubanException.notFound("scheme.not-found", "考核方案不存在。");
        Scheme s =
                em.createQuery(
                                "select s from Scheme s left join fetch s.indicators where s.id = :id",
                                Scheme.class)
                        .setParameter("id", id)
                        .getResultStream()
                        .findFirst()
                        .orElseThrow(() -> DubanException.notFound("scheme.not-found", "考核方案不存在。"));
        if (s.getSupervisorUnitId() != null) {
            try {
                scopes.readableTown(s.getSupervisorUnitId());
            } catch (DubanException e) {
                throw DubanException.notFound("scheme.not-found", "考核方案不存在。");
            }
        }
        return s;
    }

    /** Saves the district office's scheme (see {@link #save(SchemeInput, UUID)}). */
    public Scheme save(SchemeInput in) {
        return save(in, null);
    }

    /**
     * Saves a scheme as the year's next version of its supervisor, after checking every rule and
     * indicator: the district office's (town null) or a town's, which only the town's 单位管理员 saves
     * (the district office reads it: 403 {@code supervision.town-runs}). A town's indicators cover
     * its own plans and the district's (whose tasks it split to its 下级单位), never another town's.
     */
    public Scheme save(SchemeInput in, UUID town) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        UUID supervisor = town == null ? null : scopes.readableTown(town).getId();
        scopes.requireSupervisor(supervisor, "scheme.not-found", "考核方案不存在。");
        if (in == null) throw DubanException.badRequest("request.empty", "请求内容为空。");
        List<ScoringRules.Problem> problems = new ArrayList<>();
        int year = in.year() == null ? 0 : in.year();
        if (year < 2000 || year > 2100) problems.add(new ScoringRules.Problem("year", "请填写考核年度。"));
        if (in.type() == null)
            problems.add(new ScoringRules.Problem("type", "请选择计分方式（完成度计分或扣分制）。"));
        if (in.planWeight() == null
                || in.planWeight().signum() <= 0
                || in.planWeight().compareTo(new BigDecimal(100)) > 0) {
            problems.add(new ScoringRules.Problem("planWeight", "本计划在年度考核中的权重应在0到100%之间（如5%）。"));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < in.indicators().size(); i++) {
            SchemeInput.IndicatorInput ii = in.indicators().get(i);
            // An unknown target covers nothing, which the rules report for that indicator.
            indicators.add(
                    new Indicator(
                            ii.name(),
                            ii.points(),
                            new ScoringInputs(em, units)
                                    .coverage(ii.target(), ii.targetId(), supervisor)
                                    .points()));
        }
        ScoringRules rules;
        try {
            rules = in.scoringRules();
        } catch (IllegalArgumentException e) {
            throw DubanException.badRequest(
                    "request.malformed", "考核规则 " + e.getMessage() + " 的取值格式不正确。");
        }
        if (in.type() != null) problems.addAll(rules.problems(indicators));
        if (!problems.isEmpty())
            throw new DubanException(400, "scheme.invalid", problems.get(0).message(), problems);
        int version =
                em.createQuery(
                                        "select coalesce(max(s.version), 0) from Scheme s where s.year = :y and "
                                                + SUPERVISED,
                                        Integer.class)
                                .setParameter("y", year)
                                .setParameter("nil", NIL)
                                .setParameter("sup", supervisor == null ? NIL : supervisor)
                                .getSingleResult()
                        + 1;
        String name = in.name() == null || in.name().isEmpty() ? year + "年度考核方案" : in.name();
        Scheme scheme =
                new Scheme(
                        year,
                        version,
                        name,
                        in.planWeight(),
                        rules,
                        in.note(),
                        supervisor,
                        caller.username());
        for (int i = 0; i < in.indicators().size(); i++) {
            SchemeInput.IndicatorInput ii = in.indicators().get(i);
            scheme.add(
                    new SchemeIndicator(
                            scheme, i, ii.name().strip(), ii.points(), ii.target(), ii.targetId()));
        }
        em.persist(scheme);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw DubanException.conflict("scheme.concurrent", "他人刚保存了该年度的考核方案，请刷新后重试。");
        }
        audit.record(
                "scheme.saved",
                "evaluation_scheme",
                scheme.getId(),
                "year",
                year,
                "version",
                version,
                "supervisor",
                supervisor,
                "type",
                rules.type().name(),
                "planWeight",
                in.planWeight(),
                "indicators",
                in.indicators().size());
        return scheme;
    }

    /** What the district office's indicators can cover. */
    public List<PlanOutline> targets() {
        return targets(null);
    }

    /**
     * What a supervisor's indicators can cover: each plan with its sections, newest year first —
     * the district office's plans, and for a town also its own.
     */
    public List<PlanOutline> targets(UUID town) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN, Role.UNIT_ADMIN);
        UUID supervisor = town == null ? null : scopes.readableTown(town).getId();
        scopes.requireSupervisor(supervisor, "scheme.not-found", "考核方案不存在。");
        Map<UUID, PlanOutline> plans = new java.util.LinkedHashMap<>();
        for (cn.duban.plan.PlanSection s :
                em.createQuery(
                                "select s from PlanSection s join fetch s.plan p where "
                                        + ScoringInputs.PLAN_OF_SUPERVISOR
                                        + " order by p.year desc, p.createdAt desc, s.position",
                                cn.duban.plan.PlanSection.class)
                        .setParameter("sup", supervisor == null ? NIL : supervisor)
                        .getResultList()) {
            cn.duban.plan.Plan p = s.getPlan();
            plans.computeIfAbsent(
                            p.getId(),
                            k ->
                                    new PlanOutline(
                                            p.getId(),
                                            p.getYear(),
                                            p.getTitle(),
                                            new ArrayList<>()))
                    .sections()
                    .add(new PlanOutline.Section(s.getId(), s.getNumber(), s.getTitle()));
        }
        return List.copyOf(plans.values());
    }

    /** A plan and its sections, as the scheme form offers them. */
    public record PlanOutline(UUID id, int year, String title, List<Section> sections) {
        public record Section(UUID id, String number, String title) {}
    }
}
