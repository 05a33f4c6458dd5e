package cn.duban.plan;

import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.DeadlineParser;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a plan document as a plan, for {@link PlanImport} (a document saved) and {@link
 * PlanService} (next year's copy): the checks a document must pass before anything is written, the
 * plan's fields, its sections and points with units and deadlines, and the look-up of a plan by its
 * source. Not a bean: it runs in the caller's transaction, after the caller checked the roles.
 */
final class PlanWriter {

    static final Jsonb JSONB = JsonbBuilder.create();
    private static final int MAX_TITLE = 1000;

    private final EntityManager em;

    private final UnitService units;

    /** The town supervising the plan, or null for the district office. */
    private final UUID supervisor;

    /** The units the plan may name (see {@link PlanImport}). */
    private final List<Unit> candidates;

    PlanWriter(EntityManager em, UnitService units, UUID supervisor, List<Unit> candidates) {
        this.em = em;
        this.units = units;
        this.supervisor = supervisor;
        this.candidates = candidates;
    }

    /** Rejects an edited document the ledger could not work with, before anything is written. */
    void validate(PlanDocument doc) {
        List<String> problems = new ArrayList<>();
        if (doc.title() == null || doc.title().isBlank()) problems.add("计划标题不能为空");
        if (doc.level() == null) problems.add("请选择计划层级（市/区/街镇）");
        if (doc.year() < 2000 || doc.year() > 2100) problems.add("年度无效：" + doc.year());
        if (doc.sections() == null || doc.allPoints().isEmpty()) problems.add("计划中没有任何工作要点");
        Set<UUID> known = new java.util.HashSet<>();
        for (Unit u : candidates) known.add(u.getId());
        if (doc.ownerUnitId() != null && !known.contains(doc.ownerUnitId()))
            problems.add("发文单位不存在");
        int n = 0;
        for (PlanDocument.Point p : doc.allPoints()) {
            n++;
            String where = "第 " + n + " 条要点（" + (p.number() == null ? "" : p.number()) + "）";
            if (p.title() == null || p.title().isBlank()) problems.add(where + "标题不能为空");
            else if (p.title().length() > MAX_TITLE) problems.add(where + "标题过长");
            if (p.deadline() != null
                    && p.deadline().kind() != null
                    && !isEnum(DeadlineKind.class, p.deadline().kind())) {
                problems.add(where + "完成时限类型无效：" + p.deadline().kind());
            }
            if (p.deadline() != null
                    && p.deadline().date() != null
                    && p.deadline().kind() == null) {
                problems.add(where + "缺少完成时限类型");
            }
            for (PlanDocument.UnitRef u :
                    p.units() == null ? List.<PlanDocument.UnitRef>of() : p.units()) {
                if (u.name() == null || u.name().isBlank()) problems.add(where + "责任单位名称不能为空");
                if (u.role() == null || !isEnum(UnitRole.class, u.role()))
                    problems.add(where + "责任单位角色无效");
                if (u.unitId() != null && !known.contains(u.unitId()))
                    problems.add(where + "责任单位不存在：" + u.name());
            }
            List<String> leaders = leaders(p.leaders());
            if (leaders.size() > MAX_LEADERS)
                problems.add(where + "责任领导过多（最多 " + MAX_LEADERS + " 人）");
            if (leaders.stream().anyMatch(l -> l.length() > MAX_LEADER_NAME))
                problems.add(where + "责任领导姓名过长（最多 " + MAX_LEADER_NAME + " 个字符）");
        }
        if (!problems.isEmpty()) {
            throw DubanException.badRequest(
                    "plan.invalid",
                    "计划内容有误："
                            + String.join("；", problems.subList(0, Math.min(problems.size(), 10)))
                            + (problems.size() > 10 ? " 等 " + problems.size() + " 处" : "")
                            + "。");
        }
    }

    void fill(Plan plan, PlanDocument doc) {
        plan.setTitle(doc.title().strip());
        plan.setIssuer(blankToNull(doc.issuer()));
        plan.setLevel(doc.level());
        plan.setYear(doc.year());
        plan.setDocNumber(blankToNull(doc.docNumber()));
        plan.setIssuedOn(doc.issuedOn());
        if (doc.ownerUnitId() != null) units.get(doc.ownerUnitId());
        plan.setOwnerUnitId(doc.ownerUnitId());
    }

    void persistPoints(Plan plan, PlanDocument doc) {
        int[] position = {0};
        for (PlanDocument.Section s : doc.sections()) {
            PlanSection section =
                    plan.addSection(nullToEmpty(s.number()), nullToEmpty(s.title()).strip());
            em.persist(section);
            persistPoints(plan, section, null, s.points(), doc.year(), position);
        }
    }

    private void persistPoints(
            Plan plan,
            PlanSection section,
            PlanPoint parent,
            List<PlanDocument.Point> points,
            int year,
            int[] position) {
        for (PlanDocument.Point p : points == null ? List.<PlanDocument.Point>of() : points) {
            String text = p.text() == null || p.text().isBlank() ? p.title() : p.text();
            PlanPoint point =
                    new PlanPoint(
                            plan,
                            section,
                            parent,
                            position[0]++,
                            nullToEmpty(p.number()),
                            p.title().strip(),
                            text.strip());
            PlanDocument.Deadline d = p.deadline();
            if (d == null || d.date() == null) {
                Deadline parsed = DeadlineParser.parse(d == null ? null : d.text(), year);
                point.setDeadline(parsed.text(), parsed.date(), parsed.kind(), parsed.frequency());
            } else {
                point.setDeadline(
                        blankToNull(d.text()),
                        d.date(),
                        DeadlineKind.valueOf(d.kind()),
                        blankToNull(d.frequency()));
            }
            point.setMilestonesJson(
                    JSONB.toJson(p.milestones() == null ? List.of() : p.milestones()));
            point.setLeadersJson(JSONB.toJson(leaders(p.leaders())));
            for (PlanDocument.UnitRef u :
                    p.units() == null ? List.<PlanDocument.UnitRef>of() : p.units()) {
                point.addUnit(
                        u.name().strip(),
                        u.collective(),
                        u.collective() ? null : u.unitId(),
                        UnitRole.valueOf(u.role()));
            }
            em.persist(point);
            persistPoints(plan, section, point, p.children(), year, position);
        }
    }

    /** People of one point's 责任领导 column, and the length of one name. */
    static final int MAX_LEADERS = 20;

    static final int MAX_LEADER_NAME = 50;

    /** Leaders as stored: trimmed, without blanks and repeats. */
    static List<String> leaders(List<String> names) {
        if (names == null) return List.of();
        return names.stream()
                .filter(n -> n != null && !n.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
    }

    /** The plan of this source and year that the same office (district or town) imported. */
    Optional<Plan> findBySource(String hash, int year) {
        jakarta.persistence.TypedQuery<Plan> query =
                em.createQuery(
                                "select p from Plan p where p.sourceSha256 = :h and p.year = :y and "
                                        + (supervisor == null
                                                ? "p.supervisorUnitId is null"
                                                : "p.supervisorUnitId = :s"),
                                Plan.class)
                        .setParameter("h", hash)
                        .setParameter("y", year);
        if (supervisor != null) query.setParameter("s", supervisor);
        return query.getResultStream().findFirst();
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        try {
            Enum.valueOf(type, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
