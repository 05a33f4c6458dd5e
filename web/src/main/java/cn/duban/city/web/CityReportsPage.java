package cn.duban.city.web;

import cn.duban.city.CityMemberships;
import cn.duban.city.CityReport;
import cn.duban.city.CityReports;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * 报送市级 (district office): the city the district reports to, exactly what would be sent now (its
 * figures and the JSON text with its SHA-256), sending it by hand, and every snapshot sent with its
 * content on demand.
 */
@Named
@ViewScoped
public class CityReportsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject CityReports reports;

    private UUID id;
    private transient CityMemberships.CityRef city;
    private transient CityReports.Sent preview;
    private transient CityReport previewReport;
    private transient CityReports.Sent shown;
    private transient CityReport shownReport;
    private transient List<CityReports.Sent> sent;

    public void load() {
        city = reports.city().orElse(null);
        if (city != null && preview == null) {
            preview = reports.preview();
            previewReport = CityReport.parse(preview.content());
        }
        if (id != null) {
            try {
                shown = reports.sent(id);
                shownReport = CityReport.parse(shown.content());
            } catch (DubanException e) {
                Messages.error(e);
            }
        }
    }

    public void send() {
        try {
            CityReports.Sent s = reports.send();
            Messages.info("city.sent", s.cityName(), s.sha256());
            sent = null;
            preview = null;
            load();
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public boolean isMember() {
        if (city == null) city = reports.city().orElse(null);
        return city != null;
    }

    public String getCityName() {
        return isMember() ? city.name() : null;
    }

    public CityReports.Sent getPreview() {
        return preview;
    }

    public CityReport getPreviewReport() {
        return previewReport;
    }

    public CityReports.Sent getShown() {
        return shown;
    }

    public CityReport getShownReport() {
        return shownReport;
    }

    public List<CityReports.Sent> getSent() {
        if (sent == null) sent = reports.sent();
        return sent;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }
}
