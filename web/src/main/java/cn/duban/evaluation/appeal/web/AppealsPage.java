package cn.duban.evaluation.appeal.web;

import cn.duban.evaluation.appeal.Appeal;
import cn.duban.evaluation.appeal.AppealEvidence;
import cn.duban.evaluation.appeal.AppealService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitService;
import cn.duban.web.Messages;
import cn.duban.web.WorkPeriod;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 申诉处理: the district's appeals by period, status and unit; the office decides them and sets the
 * appeal window, leaders read both.
 */
@Named
@ViewScoped
public class AppealsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject AppealService appeals;

    @Inject UnitService units;

    @Inject WorkPeriod workPeriod;

    private String period;
    private String status = Appeal.Status.OPEN.name();
    private UUID unit;
    private List<Appeal> list = List.of();
    private final Map<UUID, String> unitNames = new HashMap<>();
    private final Map<UUID, List<AppealEvidence>> evidence = new HashMap<>();
    private Appeal deciding;
    private String decision = "REJECT";
    private String note;
    private BigDecimal correctedPoints;
    private int windowDays;

    @PostConstruct
    void init() {
        for (Unit u : units.list()) unitNames.put(u.getId(), u.getName());
        windowDays = appeals.settings().getWindowDays();
        search();
    }

    public void search() {
        list =
                appeals.list(
                        period,
                        status == null || status.isBlank() ? null : Appeal.Status.valueOf(status),
                        unit);
        evidence.clear();
        for (Appeal a : list) evidence.put(a.getId(), appeals.evidence(a.getId()));
    }

    public void decide(Appeal a) {
        deciding = a;
        decision = "REJECT";
        note = null;
        correctedPoints = null;
    }

    public void cancel() {
        deciding = null;
    }

    public void submit() {
        if (deciding == null) return;
        Appeal a =
                appeals.decide(
                        deciding.getId(),
                        new AppealService.Decision(
                                "ACCEPT".equals(decision), note, correctedPoints));
        if (a.getStatus() == Appeal.Status.ACCEPTED && a.getRepublishedVersion() != null)
            Messages.info("appeal.acceptedRepublished", a.getRepublishedVersion());
        else
            Messages.info(
                    a.getStatus() == Appeal.Status.ACCEPTED
                            ? "appeal.accepted"
                            : "appeal.rejected");
        deciding = null;
        search();
    }

    public void saveWindow() {
        try {
            windowDays = appeals.changeWindow(windowDays).getWindowDays();
            Messages.info("appeal.windowSaved", windowDays);
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public boolean isAdmin() {
        return Caller.current().map(c -> c.hasRole(Caller.DISTRICT_ADMIN)).orElse(false);
    }

    public int getWindowDays() {
        return windowDays;
    }

    public void setWindowDays(int windowDays) {
        this.windowDays = windowDays;
    }

    public String unitName(UUID id) {
        return unitNames.getOrDefault(id, "");
    }

    public List<AppealEvidence> evidenceOf(UUID appealId) {
        return evidence.getOrDefault(appealId, List.of());
    }

    public Map<String, String> getPeriods() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(Messages.text("appeal.all"), "");
        out.putAll(workPeriod.choices(period));
        return out;
    }

    public Map<String, String> getStatuses() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(Messages.text("appeal.all"), "");
        for (Appeal.Status s : Appeal.Status.values())
            out.put(Messages.text("appeal.status." + s.name()), s.name());
        return out;
    }

    public Map<String, UUID> getUnits() {
        Map<String, UUID> out = new LinkedHashMap<>();
        units.list().forEach(u -> out.put(u.getName(), u.getId()));
        return out;
    }

    public List<Appeal> getList() {
        return list;
    }

    public Appeal getDeciding() {
        return deciding;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period == null || period.isBlank() ? null : period;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public UUID getUnit() {
        return unit;
    }

    public void setUnit(UUID unit) {
        this.unit = unit;
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public BigDecimal getCorrectedPoints() {
        return correctedPoints;
    }

    public void setCorrectedPoints(BigDecimal correctedPoints) {
        this.correctedPoints = correctedPoints;
    }
}
