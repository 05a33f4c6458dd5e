package cn.duban.city.web;

import cn.duban.city.CityReport;
import cn.duban.city.CitySnapshots;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * 各区对比 (city viewers): each member district's latest snapshot side by side, the city's points
 * across districts, the circulars received and every snapshot received. Only received snapshots.
 */
@Named
@RequestScoped
public class CityPage {

    @Inject CitySnapshots snapshots;

    private CitySnapshots.Overview overview;
    private List<CitySnapshots.Received> received;

    public CitySnapshots.Overview getOverview() {
        if (overview == null) overview = snapshots.overview();
        return overview;
    }

    public List<CitySnapshots.Received> getReceived() {
        if (received == null) received = snapshots.received();
        return received;
    }

    /**
     * The districts that sent something, in the overview's order (the coverage table's columns).
     */
    public List<CitySnapshots.Column> getReporting() {
        return getOverview().districts().stream().filter(c -> c.report() != null).toList();
    }

    /** A district's answer to a city point: its point numbers, or null when it has none. */
    public String answer(CityReport.CoverageRow row, String district) {
        List<String> r = row.byDistrict().get(district);
        return r == null || r.isEmpty() ? null : String.join("、", r);
    }

    /** The best-ranked unit of a district's latest standing, or null. */
    public String leader(CityReport report) {
        if (report == null || report.standing() == null) return null;
        return report.standing().units().stream()
                .filter(u -> u.rank() != null && u.rank() == 1)
                .map(CityReport.Ranked::unit)
                .findFirst()
                .orElse(null);
    }
}
