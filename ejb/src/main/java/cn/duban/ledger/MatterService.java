package cn.duban.ledger;

import cn.duban.audit.AuditService;
import cn.duban.plan.MatterPlans;
import cn.duban.plan.PlanPoint;
import cn.duban.plan.ReferenceKind;
import cn.duban.plan.SourceReference;
import cn.duban.plan.TaskSource;
import cn.duban.plan.UnitDirectory;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.IdempotencyKeys;
import cn.duban.platform.RowError;
import cn.duban.platform.SheetRows;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Matters (交办事项, issue 19 item 5): tasks from a leader's instruction, a meeting, an NPC suggestion
 * or CPPCC proposal, a higher authority or the 12345 hotline, entered one by one or as a batch (all
 * or nothing). Each matter becomes a point of its year's and source's plan ({@link MatterPlans})
 * and a task for its lead unit and each co-unit, so everything that reads tasks works on matters
 * unchanged.
 */
@Stateless
public class MatterService {

    public static final int MAX_TITLE = 1000;

    @PersistenceContext EntityManager em;

    @EJB MatterPlans plans;

    @EJB UnitService units;

    @EJB AuditService audit;

    @EJB InboxService inbox;

    @EJB IdempotencyKeys keys;

    /** A matter created: its point and its tasks (the lead's first). */
    public record Created(UUID pointId, SourceReference source, List<UUID> taskIds) {}

    /**
     * One matter; 400 {@code matter.invalid} listing what is wrong. With an idempotency key, a
     * repeated request returns the matter the first one created and creates nothing.
     */
    public Created create(MatterInput input, String idempotencyKey) {
        Created created = batch(List.of(input), null).get(0);
        if (idempotencyKey == null) return created;
        return keys.claim("matter", idempotencyKey, created.pointId(), this::created)
                .orElse(created);
    }

    /** A matter as created, read back from its point: the lead's task first. */
    private Created created(UUID pointId) {
        PlanPoint point = em.find(PlanPoint.class, pointId);
        List<UUID> ids =
                em.createQuery(
                                "select t.id from Task t where t.point.id = :p "
                                        + "order by case when t.role = :lead then 0 else 1 end, t.unit.code",
                                UUID.class)
                        .setParameter("p", pointId)
                        .setParameter("lead", UnitRole.LEAD)
                        .getResultList();
        return new Created(pointId, point.getSourceReference(), ids);
    }

    /**
     * A batch of matters, all or none; {@code rows} (may be null) numbers them in the errors as the
     * table the user sent does.
     */
    public List<Created> batch(List<MatterInput> inputs, List<Integer> rows) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN);
        if (inputs == null || inputs.isEmpty())
            throw DubanException.badRequest("matter.batch-empty", "没有要录入的交办事项。");
        if (inputs.size() > MatterSheet.MAX_ROWS)
            throw new DubanException(
                    413,
                    "matter.batch-too-large",
                    "一次最多录入 " + MatterSheet.MAX_ROWS + " 条交办事项，请分批录入。");
        Map<UUID, Unit> byId = new HashMap<>();
        for (Unit u : units.list()) byId.put(u.getId(), u);
        List<RowError> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int row = rows == null ? i + 1 : rows.get(i);
            Checked c = check(inputs.get(i), row, byId, errors);
            if (c != null) checked.add(c);
        }
        if (!errors.isEmpty()) throw invalid(errors);
        List<Created> out = new ArrayList<>();
        for (Checked c : checked) out.add(write(c, caller.username()));
        return out;
    }

    /** A batch from a pasted table or an .xlsx: rows read, checked, then written all or none. */
    public List<Created> batch(List<SheetRows.Row> table) {
        Caller.requireTenant(Caller.DISTRICT_ADMIN);
        UnitDirectory directory =
                new UnitDirectory(
                        units.list().stream()
                                // A town's 下级单位 by its town's name and its own (长寿路街道党政办):
                                // every town has a 党政办 (issue 21).
                                .map(
                                        u ->
                                                u.getKind().subUnit() && u.getParent() != null
                                                        ? new UnitDirectory.Entry(
                                                                u.getId(),
                                                                u.getParent().getName()
                                                                        + u.getName(),
                                                                List.of())
                                                        : new UnitDirectory.Entry(
                                                                u.getId(),
                                                                u.getName(),
                                                                u.getAliases()))
                                .toList());
        MatterSheet.Read read = MatterSheet.read(table, directory, LedgerClock.today().getYear());
        if (!read.errors().isEmpty()) throw invalid(read.errors());
        return batch(read.matters(), read.rowNumbers());
    }

    private static DubanException invalid(List<RowError> errors) {
        RowError first = errors.get(0);
        return new DubanException(
                400,
                "matter.invalid",
                "交办事项有误：第"
                        + first.rowNumber()
                        + "行（"
                        + first.column()
                        + "）"
                        + first.message()
                        + (errors.size() > 1 ? "，另有 " + (errors.size() - 1) + " 处问题" : "")
                        + "。未录入任何事项。",
                errors.subList(0, Math.min(errors.size(), 100)));
    }

    private record Checked(
            MatterInput in, SourceReference source, String title, Unit lead, List<Unit> co) {}

    private static Checked check(
            MatterInput in, int row, Map<UUID, Unit> byId, List<RowError> errors) {
        int before = errors.size();
        if (in == null) {
            errors.add(RowError.of(row, "matter", "matter.row.empty", "内容为空"));
            return null;
        }
        TaskSource source = TaskSource.parse(in.source());
        if (source == null || !source.matter())
            errors.add(
                    RowError.of(
                            row,
                            "source",
                            "matter.row.source-invalid",
                            "来源“"
                                    + (in.source() == null ? "" : in.source())
                                    + "”无效，应为领导批示、会议决定事项、人大建议、政协提案、上级交办或12345热线",
                            in.source() == null ? "" : in.source()));
        ReferenceKind kind = null;
        if (in.referenceKind() != null && !in.referenceKind().isBlank()) {
            for (ReferenceKind k : ReferenceKind.values())
                if (k.name().equalsIgnoreCase(in.referenceKind().strip())
                        || k.label().equals(in.referenceKind().strip())) kind = k;
            if (kind == null)
                errors.add(
                        RowError.of(
                                row,
                                "referenceKind",
                                "matter.row.reference-kind-invalid",
                                "依据类型应为 文号、批示人、会议名称 或 工单号"));
        }
        if (in.reference() != null
                && in.reference().strip().length() > SourceReference.MAX_REFERENCE)
            errors.add(
                    RowError.of(
                            row,
                            "reference",
                            "matter.row.reference-too-long",
                            "依据（文号/批示人/会议名称）过长，最多" + SourceReference.MAX_REFERENCE + "字",
                            SourceReference.MAX_REFERENCE));
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty())
            errors.add(RowError.of(row, "title", "matter.row.title-missing", "缺少事项内容"));
        else if (title.length() > MAX_TITLE - 10)
            errors.add(
                    RowError.of(
                            row,
                            "title",
                            "matter.row.title-too-long",
                            "事项内容过长，最多" + (MAX_TITLE - 10) + "字",
                            MAX_TITLE - 10));
        if (in.text() != null && in.text().length() > 10_000)
            errors.add(
                    RowError.of(
                            row, "text", "matter.row.text-too-long", "事项说明过长，最多10000字", 10_000));
        if (in.deadline() == null)
            errors.add(RowError.of(row, "deadline", "matter.row.deadline-missing", "缺少完成时限"));
        else if (in.deadline().getYear() < 2000 || in.deadline().getYear() > 2100)
            errors.add(RowError.of(row, "deadline", "matter.row.deadline-invalid", "完成时限无效"));
        // Another tenant's unit is not found here, like any unknown id.
        Unit lead = in.leadUnitId() == null ? null : byId.get(in.leadUnitId());
        if (lead == null)
            errors.add(RowError.of(row, "leadUnitId", "matter.row.lead-unknown", "牵头单位不存在"));
        List<Unit> co = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(in.coUnitIds())) {
            Unit u = byId.get(id);
            if (u == null)
                errors.add(RowError.of(row, "coUnitIds", "matter.row.co-unknown", "配合单位不存在"));
            else if (u != lead) co.add(u);
        }
        co.sort(java.util.Comparator.comparing(Unit::getCode)); // as a replay reads them back
        if (co.size() > 50)
            errors.add(
                    RowError.of(row, "coUnitIds", "matter.row.co-too-many", "配合单位过多（最多50个）", 50));
        if (errors.size() > before) return null;
        return new Checked(in, new SourceReference(source, kind, in.reference()), title, lead, co);
    }

    private Created write(Checked c, String by) {
        List<MatterPlans.Assignee> assignees = new ArrayList<>();
        assignees.add(new MatterPlans.Assignee(c.lead(), UnitRole.LEAD));
        for (Unit u : c.co()) assignees.add(new MatterPlans.Assignee(u, UnitRole.COOPERATING));
        String text =
                c.in().text() == null || c.in().text().isBlank()
                        ? c.title()
                        : c.in().text().strip();
        PlanPoint point =
                plans.add(
                        c.in().deadline().getYear(),
                        c.source(),
                        c.title(),
                        text,
                        c.in().deadline(),
                        assignees);
        List<UUID> ids = new ArrayList<>();
        for (MatterPlans.Assignee a : assignees) {
            Task task = Publishing.newTask(point, a.unit(), a.role(), by);
            task.setKeyTask(c.in().keyTask());
            em.persist(task);
            ids.add(task.getId());
            inbox.toUnit(
                    a.unit(),
                    InboxMessage.Kind.ASSIGNED,
                    task.getId(),
                    "新交办事项（"
                            + c.source().source().label()
                            + "）："
                            + LedgerText.abbreviate(c.title()),
                    c.source().display()
                            + "。"
                            + (a.role() == UnitRole.LEAD ? "贵单位牵头办理" : "贵单位配合办理")
                            + "，完成时限 "
                            + c.in().deadline()
                            + "。");
        }
        audit.record(
                "matter.created",
                "task",
                ids.get(0), // the lead's task: its trail starts here
                "point",
                point.getId(),
                "source",
                c.source().source().name(),
                "referenceKind",
                c.source().kind().name(),
                "reference",
                c.source().reference(),
                "title",
                c.title(),
                "keyTask",
                c.in().keyTask(),
                "tasks",
                ids);
        return new Created(point.getId(), c.source(), ids);
    }
}
