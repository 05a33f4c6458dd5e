package cn.duban.ledger;

import cn.duban.ledger.sheet.LedgerRow;
import cn.duban.ledger.sheet.LedgerSheet;
import cn.duban.plan.parse.UnitRole;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Printing;
import cn.duban.platform.RowError;
import cn.duban.printing.UnitLedger;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger in Excel: export of the filtered ledger in the customary layout, and import of a
 * filled copy as progress reports. An import is all or nothing: any bad row, and no row is applied.
 *
 * <p>Slightly over 300 lines, one responsibility: export and import are the two directions of one
 * sheet layout and share its filters and the latest-progress lookup.
 */
@Stateless
public class LedgerSheetService {

    private static final int CHUNK = 1_000;
    private static final Map<TaskStatus, String> STATUS =
            Map.of(
                    TaskStatus.ASSIGNED,
                    "已交办",
                    TaskStatus.IN_PROGRESS,
                    "推进中",
                    TaskStatus.SUBMITTED,
                    "已报送待审核",
                    TaskStatus.APPROVED,
                    "已办结",
                    TaskStatus.RETURNED,
                    "被退回",
                    TaskStatus.CANCELLED,
                    "已取消");

    @PersistenceContext EntityManager em;

    @EJB TaskQueries tasks;

    @EJB ProgressReportService reports;

    @EJB UnitService units;

    @EJB cn.duban.tenant.UnitScopes scopes;

    @EJB Printing documents;

    public record Imported(int reports, int unchanged) {}

    public byte[] export(TaskFilter filter, String title) {
        Caller.requireDistrictPerson();
        List<TaskView> views = collect(filter);
        Map<UUID, String[]> unitsOfPoint = unitsOfPoints(views);
        Map<UUID, String> progress = latestProgress(views);
        LocalDate today = LedgerClock.today();
        List<LedgerRow> rows = new ArrayList<>(views.size());
        Map<UUID, Integer> numberOfPoint = new HashMap<>();
        for (TaskView t : views) {
            int n = numberOfPoint.computeIfAbsent(t.pointId(), k -> numberOfPoint.size() + 1);
            String[] units = unitsOfPoint.getOrDefault(t.pointId(), new String[] {"", ""});
            rows.add(
                    new LedgerRow(
                            String.valueOf(n),
                            t.sectionTitle(),
                            t.title(),
                            units[0],
                            units[1],
                            t.deadline()
                                    + (t.deadlineText() == null ? "" : "\n" + t.deadlineText()),
                            progress.getOrDefault(t.id(), ""),
                            status(t),
                            t.unitName(),
                            t.progress(),
                            t.id()));
        }
        String subtitle =
                "导出时间："
                        + LocalDateTime.now(LedgerClock.ZONE)
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                        + "　共 "
                        + rows.size()
                        + " 项"
                        + (views.stream().anyMatch(TaskView::overdue)
                                ? "，逾期 " + views.stream().filter(TaskView::overdue).count() + " 项"
                                : "")
                        + "（截至 "
                        + today
                        + "）";
        return LedgerSheet.write(title, subtitle, rows);
    }

    /** One unit's ledger as PDF: a reporter always gets its own unit's, the office any unit's. */
    public byte[] unitPdf(UUID unitId) {
        Caller caller = Caller.requireDistrictPerson();
        boolean office = caller.isDistrictWide();
        // A unit person takes a ledger within its scope (a town's admin its 下级单位's, issue 21);
        // a unit outside it is "not found", as on /tasks, never quietly the caller's own.
        if (unitId != null && !office && !scopes.current().contains(unitId))
            throw DubanException.notFound("unit.not-found", "单位不存在。");
        Unit unit = unitId != null ? units.get(unitId) : units.myUnit();
        List<TaskView> views = collect(TaskFilter.all().forUnit(unit.getId()));
        Map<UUID, String> progress = latestProgress(views);
        List<UnitLedger.Row> rows =
                views.stream()
                        .filter(t -> t.status() != TaskStatus.CANCELLED)
                        .map(
                                t ->
                                        new UnitLedger.Row(
                                                t.sectionTitle(),
                                                t.title(),
                                                "LEAD".equals(t.role()) ? "牵头" : "配合",
                                                t.deadlineText() != null
                                                        ? t.deadlineText()
                                                        : t.deadline().toString(),
                                                progress.get(t.id()),
                                                status(t)))
                        .toList();
        return documents
                .renderer()
                .unitLedger(
                        new UnitLedger(
                                unit.getName() + "任务台账",
                                unit.getName(),
                                LedgerClock.today(),
                                rows));
    }

    private List<TaskView> collect(TaskFilter filter) {
        List<TaskView> views = new ArrayList<>();
        for (int offset = 0; views.size() < LedgerSheet.MAX_ROWS; offset += TaskFilter.MAX_LIMIT) {
            List<TaskView> page = tasks.list(filter.page(offset, TaskFilter.MAX_LIMIT));
            views.addAll(page);
            if (page.size() < TaskFilter.MAX_LIMIT) break;
        }
        return views;
    }

    /** A task's status as the ledger writes it: 已办结（按时）, 推进中（逾期） … (also the evidence pack's). */
    public static String status(TaskView t) {
        return STATUS.get(t.status())
                + (t.overdue() ? "（逾期）" : "")
                + (t.onTime() == null ? "" : t.onTime() ? "（按时）" : "（逾期完成）");
    }

    /**
     * Applies a filled ledger: each row with new progress text becomes a submitted report of its
     * task.
     */
    public Imported importFilled(byte[] xlsx) {
        Caller caller = Caller.requireTenant(Caller.DISTRICT_ADMIN, Caller.UNIT_REPORTER);
        LedgerSheet.Read read;
        try {
            read = LedgerSheet.read(xlsx);
        } catch (LedgerSheet.Unreadable e) {
            throw new DubanException(e.status(), e.code(), e.getMessage());
        }
        List<RowError> errors = new ArrayList<>(read.errors());
        List<LedgerSheet.Filled> toApply = new ArrayList<>();
        int unchanged = 0;
        Map<UUID, String> latest = new HashMap<>();
        for (LedgerSheet.Filled row : read.rows()) {
            if (row.progress() == null) {
                unchanged++;
                continue;
            }
            Task task;
            try {
                task = tasks.reportable(row.taskId());
            } catch (DubanException e) {
                errors.add(
                        RowError.of(
                                row.rowNumber(),
                                LedgerSheet.ID,
                                "ledger.sheet.task-unknown",
                                "任务不存在，或不属于本单位"));
                continue;
            }
            String last = latest.computeIfAbsent(task.getId(), this::latestText);
            if (row.progress().equals(last)) {
                unchanged++;
                continue;
            }
            if (!task.getStatus().open()) {
                errors.add(
                        RowError.of(
                                row.rowNumber(),
                                LedgerSheet.PROGRESS,
                                "ledger.sheet.task-closed",
                                "任务已办结或已取消，不能再报送"));
            } else if (task.getStatus() == TaskStatus.SUBMITTED) {
                errors.add(
                        RowError.of(
                                row.rowNumber(),
                                LedgerSheet.PROGRESS,
                                "ledger.sheet.task-in-review",
                                "该任务已有报送正在审核"));
            } else if (hasDraft(task.getId())) {
                errors.add(
                        RowError.of(
                                row.rowNumber(),
                                LedgerSheet.PROGRESS,
                                "ledger.sheet.task-has-draft",
                                "该任务在系统中有未提交的草稿，请先提交或删除草稿"));
            } else {
                toApply.add(row);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::rowNumber));
            throw new DubanException(
                    400,
                    "ledger.import.rows",
                    "台账有 " + errors.size() + " 处错误，未导入任何内容。请修改后重新导入。",
                    errors);
        }
        for (LedgerSheet.Filled row : toApply) {
            reports.create(
                    row.taskId(),
                    new ProgressReportService.Draft(row.progress(), row.percent(), null),
                    true,
                    null);
        }
        return new Imported(toApply.size(), unchanged);
    }

    private boolean hasDraft(UUID taskId) {
        return em.createQuery(
                                "select count(r) from ProgressReport r where r.task.id = :t and r.state = :d",
                                Long.class)
                        .setParameter("t", taskId)
                        .setParameter("d", ReportState.DRAFT)
                        .getSingleResult()
                > 0;
    }

    private String latestText(UUID taskId) {
        return em.createQuery(
                        "select r.text from ProgressReport r where r.task.id = :t and r.state <> :d order by r.createdAt desc",
                        String.class)
                .setParameter("t", taskId)
                .setParameter("d", ReportState.DRAFT)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** Lead and co-operating unit names of each point, as the customary ledger lists them. */
    private Map<UUID, String[]> unitsOfPoints(List<TaskView> views) {
        Set<UUID> points = new LinkedHashSet<>();
        views.forEach(v -> points.add(v.pointId()));
        Map<UUID, List<String>> lead = new HashMap<>(), coop = new HashMap<>();
        for (List<UUID> chunk : chunks(new ArrayList<>(points))) {
            List<Object[]> rows =
                    em.createQuery(
                                    "select t.point.id, t.unit.name, t.role from Task t where t.point.id in :p "
                                            + "and t.status <> :c order by t.unit.kind, t.unit.code",
                                    Object[].class)
                            .setParameter("p", chunk)
                            .setParameter("c", TaskStatus.CANCELLED)
                            .getResultList();
            for (Object[] r : rows) {
                (r[2] == UnitRole.LEAD ? lead : coop)
                        .computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                        .add((String) r[1]);
            }
        }
        Map<UUID, String[]> out = new HashMap<>();
        for (UUID p : points) {
            out.put(
                    p,
                    new String[] {
                        String.join("、", lead.getOrDefault(p, List.of())),
                        String.join("、", coop.getOrDefault(p, List.of()))
                    });
        }
        return out;
    }

    /** The newest submitted report text of each task: what the ledger shows as 进展情况. */
    private Map<UUID, String> latestProgress(List<TaskView> views) {
        Map<UUID, String> out = new HashMap<>();
        List<UUID> ids = views.stream().map(TaskView::id).toList();
        for (List<UUID> chunk : chunks(ids)) {
            List<Object[]> rows =
                    em.createQuery(
                                    "select r.task.id, r.text from ProgressReport r where r.task.id in :ids "
                                            + "and r.state <> :d order by r.createdAt",
                                    Object[].class)
                            .setParameter("ids", chunk)
                            .setParameter("d", ReportState.DRAFT)
                            .getResultList();
            for (Object[] r : rows) out.put((UUID) r[0], (String) r[1]);
        }
        return out;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK)
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        return out;
    }
}
