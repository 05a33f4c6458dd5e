package cn.duban.demo;

import cn.duban.ledger.ProgressReport;
import cn.duban.ledger.ProgressReportService;
import cn.duban.ledger.PublishingService;
import cn.duban.ledger.ReviewService;
import cn.duban.ledger.Task;
import cn.duban.ledger.TaskParts;
import cn.duban.plan.Plan;
import cn.duban.plan.PlanImport;
import cn.duban.platform.Caller;
import cn.duban.platform.Role;
import cn.duban.tenant.SubUnitService;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo's town (issue 21 item 6): 长寿路街道 with its offices and 居委, running its own plan through
 * the services as its 单位管理员 would — imported, published to its 下级单位, one office's report approved
 * by the town, another's waiting — and a district task split to two offices. Written once per year;
 * a second start finds the plan and writes nothing.
 */
@Stateless
public class DemoTownWriter {

    /** The source name the town's plan is saved under: how a second run knows it is there. */
    public static final String SOURCE_NAME = "演示：长寿路街道重点工作任务清单";

    static final String TOWN = "csl";

    /** The town's 下级单位: name, kind, code suffix. */
    static final List<Object[]> SUB_UNITS =
            List.of(
                    new Object[] {"党政办", UnitKind.OFFICE, "dzb"},
                    new Object[] {"社区管理办", UnitKind.OFFICE, "sqb"},
                    new Object[] {"社区服务办", UnitKind.OFFICE, "fwb"},
                    new Object[] {"长寿居委", UnitKind.COMMUNITY, "cs"},
                    new Object[] {"武宁居委", UnitKind.COMMUNITY, "wn"});

    @PersistenceContext EntityManager em;

    @EJB SubUnitService subUnits;
    @EJB PlanImport imports;
    @EJB PublishingService publishing;
    @EJB ProgressReportService reports;
    @EJB ReviewService reviews;
    @EJB TaskParts parts;

    /** What a run wrote: the plan (null when already there) and its tasks. */
    public record Outcome(UUID plan, int tasks) {}

    public Outcome write(String tenant, int year) {
        Unit town =
                em.createQuery("select u from Unit u where u.code = :c", Unit.class)
                        .setParameter("c", TOWN)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (town == null) return new Outcome(null, 0);
        long present =
                em.createQuery(
                                "select count(p) from Plan p where p.supervisorUnitId = :t "
                                        + "and p.sourceName = :n and p.year = :y",
                                Long.class)
                        .setParameter("t", town.getId())
                        .setParameter("n", SOURCE_NAME)
                        .setParameter("y", year)
                        .getSingleResult();
        if (present > 0) return new Outcome(null, 0);

        Caller office = new Caller("pt-admin", tenant, "qfb", Set.of(Caller.DISTRICT_ADMIN));
        Set<String> existing = new java.util.HashSet<>();
        for (Unit u : as(office, () -> subUnits.children(town.getId()))) existing.add(u.getName());
        for (Object[] s : SUB_UNITS) {
            if (existing.contains((String) s[0])) continue;
            as(
                    office,
                    () ->
                            subUnits.create(
                                    town.getId(),
                                    new SubUnitService.ChildInput(
                                            (String) s[0], (UnitKind) s[1], (String) s[2])));
        }

        Caller admin = new Caller("pt-csl-admin", tenant, TOWN, Set.of(Role.UNIT_ADMIN));
        Plan plan = as(admin, () -> imports.save(text(year), SOURCE_NAME, null));
        PublishingService.Result published =
                as(
                        admin,
                        () ->
                                publishing.publish(
                                        plan.getId(),
                                        new PublishingService.Request(null, null, true)));

        Map<String, UUID> leadTask = new java.util.HashMap<>();
        for (Object[] r :
                em.createQuery(
                                "select t.id, t.unit.code from Task t where t.planId = :p "
                                        + "and t.role = cn.duban.plan.parse.UnitRole.LEAD "
                                        + "order by t.point.position",
                                Object[].class)
                        .setParameter("p", plan.getId())
                        .getResultList()) leadTask.putIfAbsent((String) r[1], (UUID) r[0]);
        // 党政办 finished its first task and the town approved it; 社区管理办's report waits.
        UUID dzbTask = leadTask.get(TOWN + "-dzb");
        if (dzbTask != null) {
            ProgressReport done =
                    as(
                            reporter(tenant, "dzb"),
                            () ->
                                    reports.create(
                                            dzbTask,
                                            new ProgressReportService.Draft(
                                                    "街道为老服务中心改造已完工，验收材料已归档。", 100, null),
                                            true,
                                            null));
            as(
                    admin,
                    () ->
                            reviews.review(
                                    done.getId(),
                                    new ReviewService.Review("APPROVE", "改造按期完成。", "GOOD"),
                                    done.getVersion()));
        }
        UUID sqbTask = leadTask.get(TOWN + "-sqb");
        if (sqbTask != null) {
            as(
                    reporter(tenant, "sqb"),
                    () ->
                            reports.create(
                                    sqbTask,
                                    new ProgressReportService.Draft(
                                            "已完成8个小区垃圾分类示范点创建，其余小区正在推进。", 60, null),
                                    true,
                                    null));
        }
        // A district task of the town, split to two of its offices (分解).
        Task districtTask =
                em.createQuery(
                                "select t from Task t where t.unit.id = :town and t.parentTaskId is null "
                                        + "and t.supervisorUnitId is null and t.status in "
                                        + "(cn.duban.ledger.TaskStatus.ASSIGNED, cn.duban.ledger.TaskStatus.IN_PROGRESS) "
                                        + "order by t.deadline desc",
                                Task.class)
                        .setParameter("town", town.getId())
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (districtTask != null) {
            List<TaskParts.Request> split =
                    subUnits.children(town.getId()).stream()
                            .filter(
                                    u ->
                                            u.getCode().endsWith("-dzb")
                                                    || u.getCode().endsWith("-fwb"))
                            .map(u -> new TaskParts.Request(u.getId(), null))
                            .toList();
            as(admin, () -> parts.split(districtTask.getId(), split));
        }
        return new Outcome(plan.getId(), published.created());
    }

    private static Caller reporter(String tenant, String suffix) {
        return new Caller(
                "pt-csl-" + suffix, tenant, TOWN + "-" + suffix, Set.of(Caller.UNIT_REPORTER));
    }

    /** The town's own plan: a task table naming its offices and 各居委会. */
    static String text(int year) {
        return "长寿路街道"
                + year
                + "年重点工作任务清单\n"
                + "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
                + "1\t完成街道为老服务中心改造，新增助餐点2个。\t党政办\t社区服务办、各居委会\t6月底前\n"
                + "2\t开展垃圾分类示范小区创建，年内新增示范小区12个。\t社区管理办\t各居委会\t10月底前\n"
                + "3\t推进老旧小区加装电梯，年内完成签约20台。\t社区管理办\t党政办、各居委会\t12月底前\n"
                + "4\t做好政务公开和“一网通办”社区事务受理服务。\t社区服务办\t党政办\t全年\n";
    }

    private static <T> T as(Caller who, Supplier<T> work) {
        Object[] result = new Object[1];
        Caller.runAs(who, () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
