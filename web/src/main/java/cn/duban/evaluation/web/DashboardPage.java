package cn.duban.evaluation.web;

import cn.duban.evaluation.Period;
import cn.duban.evaluation.Standings;
import cn.duban.evaluation.StandingsService;
import cn.duban.evaluation.UnitScore;
import cn.duban.platform.DubanException;
import cn.duban.web.WorkPeriod;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The leadership dashboard (领导驾驶舱): rankings per group for a period, with bar charts, the
 * year-to-date trend, completion and on-time rates, overdue counts linking to the tasks.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Looked up once: {@code Json.create*Builder} looks the provider up with a ServiceLoader on
     * every call, a quarter of a warm dashboard view's CPU (JFR, docs/PERFORMANCE.md).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String[] COLOURS = {
        "#c0392b", "#2471a3", "#229954", "#b9770e", "#7d3c98", "#148f77", "#5d6d7e", "#cb4335",
        "#1f618d", "#1e8449"
    };

    @Inject StandingsService scores;

    @Inject WorkPeriod workPeriod;

    @Inject cn.duban.ledger.TaskQueries tasks;

    /** sources: key tasks awaiting the leader's sign-off (审结), read once per view. */
    private List<cn.duban.ledger.TaskView> awaitingSignOff;

    public List<cn.duban.ledger.TaskView> getAwaitingSignOff() {
        if (awaitingSignOff == null) awaitingSignOff = tasks.awaitingSignOff(50);
        return awaitingSignOff;
    }

    @Inject cn.duban.ledger.colour.TaskColours colours;

    /** The open tasks' colours today, district-wide and by unit, read once per view. */
    private cn.duban.ledger.colour.TaskColours.Overview colourOverview;

    public cn.duban.ledger.colour.TaskColours.Overview getColours() {
        if (colourOverview == null) colourOverview = colours.overview();
        return colourOverview;
    }

    /** The units with a red or amber task, most red first (the table shows only these). */
    public List<cn.duban.ledger.colour.TaskColours.UnitColours> getUnitsToWatch() {
        return getColours().units().stream().filter(u -> u.red() + u.amber() > 0).toList();
    }

    private String period;
    private Standings standings;
    private Map<String, List<UnitScore>> groups = Map.of();
    private StandingsService.Trend trend;
    private String problem;

    /**
     * Reads the period from the URL (default: the year that has work, see {@link WorkPeriod}) and
     * loads its standings.
     */
    public void load() {
        if (standings != null || problem != null) return;
        try {
            Period p = workPeriod.period(period);
            period = p.key();
            StandingsService.Dashboard dashboard = scores.dashboard(p);
            standings = dashboard.standings().summary();
            groups = standings.groups();
            trend = dashboard.trend();
        } catch (DubanException e) {
            problem = cn.duban.web.Messages.detail(e);
        }
    }

    /** Periods to choose from: this year's, last year's, the year with work and the shown one. */
    public Map<String, String> getPeriods() {
        return workPeriod.choices(period);
    }

    public Map<String, List<UnitScore>> getGroups() {
        return groups;
    }

    /**
     * A Chart.js bar chart of the group's ranked scores, as JSON for the canvas's data-chart
     * attribute (Faces escapes it there; duban/duban.js parses it). Never write it into a script.
     */
    public String barChart(String group) {
        JsonArrayBuilder labels = JSON.createArrayBuilder(), data = JSON.createArrayBuilder();
        for (UnitScore u : getGroups().getOrDefault(group, List.of())) {
            if (u.score() == null) continue;
            labels.add(u.unitName());
            data.add(u.score());
        }
        JsonObjectBuilder dataset =
                JSON.createObjectBuilder()
                        .add("label", group)
                        .add("data", data)
                        .add("backgroundColor", COLOURS[1]);
        return chart("bar", labels, JSON.createArrayBuilder().add(dataset), 100);
    }

    /**
     * A Chart.js line chart of each unit's year-to-date score at every month's end; JSON as {@link
     * #barChart}.
     */
    public String trendChart(String group) {
        JsonArrayBuilder labels = JSON.createArrayBuilder(), datasets = JSON.createArrayBuilder();
        if (trend == null) return chart("line", labels, datasets, 100);
        trend.months().forEach(labels::add);
        int i = 0;
        for (StandingsService.Trend.Series s : trend.series()) {
            if (!s.group().equals(group) || s.scores().stream().allMatch(v -> v == null)) continue;
            JsonArrayBuilder data = JSON.createArrayBuilder();
            for (BigDecimal v : s.scores()) {
                if (v == null) data.addNull();
                else data.add(v);
            }
            String colour = COLOURS[i++ % COLOURS.length];
            datasets.add(
                    JSON.createObjectBuilder()
                            .add("label", s.unitName())
                            .add("data", data)
                            .add("borderColor", colour)
                            .add("backgroundColor", colour)
                            .add("fill", false)
                            .add("spanGaps", true));
        }
        return chart("line", labels, datasets, 100);
    }

    private static String chart(
            String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, int max) {
        return JSON.createObjectBuilder()
                .add("type", type)
                .add(
                        "data",
                        JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add(
                        "options",
                        JSON.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "scales",
                                        JSON.createObjectBuilder()
                                                .add(
                                                        "y",
                                                        JSON.createObjectBuilder()
                                                                .add("beginAtZero", true)
                                                                .add("suggestedMax", max))))
                .build()
                .toString();
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public Standings getStandings() {
        return standings;
    }

    public String getProblem() {
        return problem;
    }
}
