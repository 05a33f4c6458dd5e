package cn.duban.circular.web;

import cn.duban.circular.Circular;
import cn.duban.circular.CircularService;
import cn.duban.evaluation.Period;
import cn.duban.evaluation.Scheme;
import cn.duban.evaluation.SchemeService;
import cn.duban.evaluation.Standings;
import cn.duban.evaluation.StandingsService;
import cn.duban.ledger.LedgerClock;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import cn.duban.web.Messages;
import cn.duban.web.Requests;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * 本街镇考核与通报 (issue 21 item 2): a town's 单位管理员 sees its scheme's standings of its 下级单位 for a period
 * and its own circulars, and drafts one (edited and issued on the circular's page). In the circular
 * package because it shows both, and circulars sit on top of evaluation.
 */
@Named
@ViewScoped
public class TownEvaluationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject UnitScopes scopes;

    @Inject SchemeService schemes;

    @Inject StandingsService standings;

    @Inject CircularService circulars;

    /** The period shown, as its key (2026, 2026-Q3, 2026-11); the year so far by default. */
    private String period;

    private String newPeriod;
    private Unit town;
    private Scheme scheme;
    private boolean schemeRead;
    private Standings table;
    private List<Circular> list;

    /** The caller's town: this page is a town's 单位管理员's only. */
    public Unit getTown() {
        if (town == null)
            town =
                    scopes.supervisingTownIfAny()
                            .orElseThrow(
                                    () ->
                                            new DubanException(
                                                    403,
                                                    "supervision.not-a-town",
                                                    "只有街镇的单位管理员可以督办本街镇的工作。"));
        return town;
    }

    public String getPeriod() {
        if (period == null) period = String.valueOf(LedgerClock.today().getYear());
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
        this.table = null;
        this.scheme = null;
        this.schemeRead = false;
        this.list = null;
    }

    private Period chosen() {
        return Requests.period(getPeriod());
    }

    /** The town's scheme in force for the period's year, or null if it has none yet. */
    public Scheme getScheme() {
        if (!schemeRead) {
            schemeRead = true;
            try {
                scheme = schemes.current(chosen().year(), getTown().getId());
            } catch (DubanException e) {
                if (!"scheme.not-found".equals(e.code())) throw e;
                scheme = null;
            }
        }
        return scheme;
    }

    /** The town's standings of its 下级单位 for the period (always live: towns close no periods). */
    public Standings getStandings() {
        if (table == null && getScheme() != null)
            table = standings.standings(chosen(), getTown().getId(), true, false);
        return table;
    }

    public List<Circular> getCirculars() {
        if (list == null) list = circulars.list(chosen().year(), getTown().getId());
        return list;
    }

    /** Periods to show or circulate: the year so far and its ended quarters and months. */
    public Map<String, String> getPeriods() {
        return Requests.periodChoices(
                Period.reportable(chosen().year(), LedgerClock.today()).stream());
    }

    /** Drafts the town's circular for a period and opens it to edit and issue. */
    public String draft() {
        try {
            Circular c = circulars.draft(Requests.period(newPeriod), getTown().getId());
            return "/app/circular?faces-redirect=true&id=" + c.getId();
        } catch (DubanException e) {
            Messages.error(e);
            return null;
        }
    }

    /** The period a new circular reports on: the one shown, until another is chosen. */
    public String getNewPeriod() {
        return newPeriod != null ? newPeriod : getPeriod();
    }

    public void setNewPeriod(String newPeriod) {
        this.newPeriod = newPeriod;
    }
}
