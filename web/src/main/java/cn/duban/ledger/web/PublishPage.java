package cn.duban.ledger.web;

import cn.duban.ledger.PublishingService;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishing a plan: the preview of every task, a unit picker for each point whose units
 * need a choice (相关部门, unmatched names), then publish.
 */
@Named
@ViewScoped
public class PublishPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PublishingService publishing;

    @Inject
    transient UnitService units;

    private UUID planId;
    private PublishingService.Preview preview;
    /** The admin's picks: point → units (as strings, straight from the multi-select). */
    private final Map<String, String[]> picks = new HashMap<>();
    private PublishingService.Result result;

    public void load() {
        try {
            preview = publishing.preview(planId, request(false));
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void refresh() {
        load();
    }

    public String publish() {
        try {
            result = publishing.publish(planId, request(true));
            Messages.flash("publish.done", result.created(), result.updated(), result.unchanged(), result.units());
            return "/app/ledger?faces-redirect=true&plan=" + planId;
        } catch (DubanException e) {
            Messages.error(e);
            return null;
        }
    }

    private PublishingService.Request request(boolean allowOpen) {
        Map<UUID, List<PublishingService.Assignment>> chosen = new LinkedHashMap<>();
        picks.forEach((point, unitIds) -> {
            if (unitIds != null && unitIds.length > 0) {
                chosen.put(UUID.fromString(point), java.util.Arrays.stream(unitIds)
                        .map(u -> new PublishingService.Assignment(UUID.fromString(u), "LEAD")).toList());
            }
        });
        // Points with a choice made keep the plan's other named units too: add them as co-operating.
        if (preview != null) {
            for (PublishingService.Proposed p : preview.tasks()) {
                List<PublishingService.Assignment> list = chosen.get(p.pointId());
                if (list != null && list.stream().noneMatch(a -> a.unitId().equals(p.unitId()))) {
                    List<PublishingService.Assignment> more = new java.util.ArrayList<>(list);
                    more.add(new PublishingService.Assignment(p.unitId(), p.role()));
                    chosen.put(p.pointId(), more);
                }
            }
        }
        return new PublishingService.Request(chosen, null, allowOpen);
    }

    public List<Unit> getUnits() {
        return units.list();
    }

    public UUID getPlanId() { return planId; }
    public void setPlanId(UUID planId) { this.planId = planId; }
    public PublishingService.Preview getPreview() { return preview; }
    public Map<String, String[]> getPicks() { return picks; }
    public PublishingService.Result getResult() { return result; }
}
