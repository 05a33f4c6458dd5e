package cn.duban.ledger.web;

import cn.duban.ledger.PublishingService;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishing a plan: the preview of every task, a unit picker and a role (牵头/配合) for each name that
 * needs a choice (相关部门, unmatched names), editable until publishing, then publish.
 */
@Named
@ViewScoped
public class PublishPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject PublishingService publishing;

    @Inject UnitService units;

    private UUID planId;
    private PublishingService.Preview preview;

    /**
     * What the plan alone resolves to: the open names keep their pickers after a pick, so a pick
     * stays editable.
     */
    private PublishingService.Preview baseline;

    /** The admin's picks: open name key → units (as strings, straight from the multi-select). */
    private final Map<String, String[]> picks = new HashMap<>();

    /**
     * The role of the units picked for an open name (LEAD / COOPERATING); the plan's role by
     * default.
     */
    private final Map<String, String> pickRoles = new HashMap<>();

    private PublishingService.Result result;

    public void load() {
        if (baseline == null) {
            baseline = publishing.preview(planId, null);
            for (PublishingService.OpenName o : baseline.open())
                pickRoles.putIfAbsent(PublishPicks.key(o), o.role());
        }
        preview = picks.isEmpty() ? baseline : publishing.preview(planId, request(false));
    }

    public void refresh() {
        load();
    }

    public String publish() {
        result = publishing.publish(planId, request(true));
        Messages.flash(
                "publish.done",
                result.created(),
                result.updated(),
                result.unchanged(),
                result.units());
        return "/app/ledger?faces-redirect=true&plan=" + planId;
    }

    private PublishingService.Request request(boolean allowOpen) {
        return new PublishingService.Request(
                PublishPicks.assignments(baseline.open(), baseline.tasks(), picks, pickRoles),
                null,
                allowOpen);
    }

    /**
     * The names that need a choice, as the plan alone has them (picked ones included, to change the
     * pick).
     */
    public List<PublishingService.OpenName> getOpen() {
        return baseline == null ? List.of() : baseline.open();
    }

    public String key(PublishingService.OpenName o) {
        return PublishPicks.key(o);
    }

    public List<Unit> getUnits() {
        return units.list();
    }

    public UUID getPlanId() {
        return planId;
    }

    public void setPlanId(UUID planId) {
        this.planId = planId;
    }

    public PublishingService.Preview getPreview() {
        return preview;
    }

    public Map<String, String[]> getPicks() {
        return picks;
    }

    public Map<String, String> getPickRoles() {
        return pickRoles;
    }

    public PublishingService.Result getResult() {
        return result;
    }
}
