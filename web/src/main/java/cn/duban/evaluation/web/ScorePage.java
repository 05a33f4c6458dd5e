package cn.duban.evaluation.web;

import cn.duban.evaluation.Period;
import cn.duban.evaluation.StandingsService;
import cn.duban.evaluation.UnitScore;
import cn.duban.platform.DubanException;
import cn.duban.tenant.UnitService;
import cn.duban.web.WorkPeriod;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * A unit's score for a period with every line that made it (得分明细); a reporter sees its own unit's.
 */
@Named
@ViewScoped
public class ScorePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject StandingsService scores;

    @Inject UnitService units;

    @Inject WorkPeriod workPeriod;

    private UUID unit;
    private String period;
    private String label;
    private UnitScore score;
    private String problem;

    public void load() {
        if (score != null || problem != null) return;
        try {
            Period p = workPeriod.period(period);
            period = p.key();
            label = cn.duban.web.Formats.period(p, cn.duban.web.FormatBean.localeOfPage());
            score = scores.breakdown(p, unit != null ? unit : units.myUnit().getId(), false);
        } catch (DubanException e) {
            problem = cn.duban.web.Messages.detail(e);
        }
    }

    public UUID getUnit() {
        return unit;
    }

    public void setUnit(UUID unit) {
        this.unit = unit;
    }

    /**
     * Periods to choose from (a picker like the dashboard's): this year's, last year's and the year
     * with work.
     */
    public java.util.Map<String, String> getPeriods() {
        return workPeriod.choices(period);
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getLabel() {
        return label;
    }

    public UnitScore getScore() {
        return score;
    }

    public String getProblem() {
        return problem;
    }
}
