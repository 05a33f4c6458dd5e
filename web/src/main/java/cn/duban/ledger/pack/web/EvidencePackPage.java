package cn.duban.ledger.pack.web;

import cn.duban.ledger.pack.EvidencePackService;
import cn.duban.ledger.web.LedgerPage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The evidence pack's download on the ledger page: a year (the years the caller has tasks in) and
 * the ledger's own plan and unit filters; the button posts a plain form to the API, which streams
 * the ZIP as a download and leaves the page as it is.
 */
@Named
@ViewScoped
public class EvidencePackPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject EvidencePackService packs;

    @Inject LedgerPage ledger;

    private List<Integer> years;
    private Integer year;

    public List<Integer> getYears() {
        if (years == null) years = packs.years();
        return years;
    }

    /** The chosen year; the newest the caller has tasks in until one is chosen. */
    public Integer getYear() {
        if (year == null && !getYears().isEmpty()) year = getYears().get(0);
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    /** With a plan chosen in the ledger's filter, the pack is that plan's and takes its year. */
    public boolean isByPlan() {
        return ledger.getPlanId() != null;
    }

    /** The API call the button posts to, relative to the context path. */
    public String getAction() {
        StringBuilder q = new StringBuilder("/api/v1/evidence-packs?");
        if (isByPlan()) q.append("plan=").append(ledger.getPlanId());
        else q.append("year=").append(getYear());
        if (ledger.getUnitId() != null) q.append("&unit=").append(ledger.getUnitId());
        return q.toString();
    }
}
