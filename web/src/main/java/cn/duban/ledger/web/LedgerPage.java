package cn.duban.ledger.web;

import cn.duban.ledger.TaskFilter;
import cn.duban.ledger.TaskQueries;
import cn.duban.ledger.TaskStatus;
import cn.duban.ledger.TaskView;
import cn.duban.plan.Plan;
import cn.duban.plan.PlanService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Scope;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The ledger (任务台账) with filters, its Excel export link and the import of a filled ledger. */
@Named
@ViewScoped
public class LedgerPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject TaskQueries tasks;

    @Inject PlanService plans;

    @Inject UnitService units;

    @Inject UnitScopes scopes;

    private UUID planId;
    private UUID unitId;
    private TaskStatus status;
    private Boolean overdue;
    private Boolean keyOnly;

    /** sources: the ledger narrowed to one source (null: any). */
    private cn.duban.plan.TaskSource source;

    public cn.duban.plan.TaskSource getSource() {
        return source;
    }

    public void setSource(cn.duban.plan.TaskSource source) {
        this.source = source;
    }

    public cn.duban.plan.TaskSource[] getSources() {
        return cn.duban.plan.TaskSource.values();
    }

    private String text;
    private List<TaskView> rows;
    private long total;
    private List<UUID> selected = new ArrayList<>();

    public void search() {
        try {
            TaskQueries.TaskPage page = tasks.page(filter());
            total = page.total();
            rows = page.rows();
        } catch (DubanException e) {
            Messages.error(e);
            rows = List.of();
        }
    }

    public List<TaskView> getRows() {
        if (rows == null) search();
        return rows;
    }

    private TaskFilter filter() {
        return new TaskFilter(
                planId,
                null,
                unitId,
                status,
                overdue,
                null,
                null,
                Boolean.TRUE.equals(keyOnly) ? true : null,
                text,
                0,
                TaskFilter.MAX_LIMIT,
                source);
    }

    /** The same filter as query parameters, for the Excel export link. */
    public String getExportQuery() {
        StringBuilder q = new StringBuilder("?");
        if (planId != null) q.append("plan=").append(planId).append('&');
        if (unitId != null) q.append("unit=").append(unitId).append('&');
        if (status != null) q.append("status=").append(status).append('&');
        if (overdue != null) q.append("overdue=").append(overdue).append('&');
        if (Boolean.TRUE.equals(keyOnly)) q.append("key=true&");
        if (source != null) q.append("source=").append(source).append('&');
        if (text != null && !text.isBlank())
            q.append("q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8)).append('&');
        return q.substring(0, q.length() - 1);
    }

    /** The plans to filter by: the district's; a unit person's ledger is its own unit's. */
    public List<Plan> getPlans() {
        return Caller.current().map(Caller::isDistrictWide).orElse(false)
                ? plans.list(null, null)
                : List.of();
    }

    /** The units to filter by: the caller's scope's (a town's admin: the town and its 下级单位). */
    public List<Unit> getUnits() {
        Scope scope = scopes.current();
        return units.list().stream().filter(u -> scope.contains(u.getId())).toList();
    }

    public TaskStatus[] getStatuses() {
        return TaskStatus.values();
    }

    /**
     * The count shows above the table, so it may be read before the rows: both come from one
     * search.
     */
    public long getTotal() {
        if (rows == null) search();
        return total;
    }

    public UUID getPlanId() {
        return planId;
    }

    public void setPlanId(UUID planId) {
        this.planId = planId;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public void setUnitId(UUID unitId) {
        this.unitId = unitId;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
    }

    public Boolean getOverdue() {
        return overdue;
    }

    public void setOverdue(Boolean overdue) {
        this.overdue = overdue;
    }

    public Boolean getKeyOnly() {
        return keyOnly;
    }

    public void setKeyOnly(Boolean keyOnly) {
        this.keyOnly = keyOnly;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public List<UUID> getSelected() {
        return selected;
    }

    public void setSelected(List<UUID> selected) {
        this.selected = selected;
    }
}
