package cn.duban.ledger.web;

import cn.duban.ledger.ReminderService;
import cn.duban.ledger.Task;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * 单位催办: all of a unit's late tasks chased in one message, with the unit-wide 催办 sent before and who
 * of the unit has read each.
 */
@Named
@ViewScoped
public class UnitChasePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject ReminderService reminders;

    @Inject UnitService units;

    private UUID unitId;
    private Unit unit;
    private String message;
    private transient List<Task> late;
    private transient List<ReminderService.Chase> chases;

    public void load() {
        if (unit != null || unitId == null) return;
        try {
            unit = units.get(unitId);
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void send() {
        try {
            reminders.remindUnit(unitId, message);
            message = null;
            chases = null;
            Messages.info("chase.unitSent", getLate().size());
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public List<Task> getLate() {
        if (late == null) late = unit == null ? List.of() : reminders.lateTasks(unitId);
        return late;
    }

    public List<ReminderService.Chase> getChases() {
        if (chases == null) chases = unit == null ? List.of() : reminders.unitChases(unitId);
        return chases;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public void setUnitId(UUID unitId) {
        this.unitId = unitId;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
