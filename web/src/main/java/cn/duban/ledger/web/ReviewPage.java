package cn.duban.ledger.web;

import cn.duban.ledger.ContributionService;
import cn.duban.ledger.ExtensionRequest;
import cn.duban.ledger.ExtensionService;
import cn.duban.ledger.ProgressReport;
import cn.duban.ledger.ReviewService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The district office's queue: reports waiting for review and pending extension requests. */
@Named
@ViewScoped
public class ReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject ReviewService reviews;

    @Inject ExtensionService extensionService;

    @Inject ContributionService contributions;

    private List<ProgressReport> pending;
    private List<ExtensionRequest> extensions;
    private Map<UUID, List<ContributionService.CoUnit>> coUnits;

    public List<ProgressReport> getPending() {
        if (pending == null) pending = reviews.awaitingReview(500);
        return pending;
    }

    /**
     * The co-operating units of a pending report's point and what each has sent the lead unit, so
     * the reviewer sees at once whether the lead's report rests on its co-units' contributions.
     */
    public List<ContributionService.CoUnit> coUnits(ProgressReport report) {
        if (coUnits == null) {
            Set<UUID> points = new HashSet<>();
            for (ProgressReport r : getPending()) points.add(r.getTask().getPoint().getId());
            coUnits = contributions.coUnitsOf(points);
        }
        return coUnits.getOrDefault(report.getTask().getPoint().getId(), List.of());
    }

    public List<ExtensionRequest> getExtensions() {
        if (extensions == null) extensions = extensionService.pendingExtensions();
        return extensions;
    }
}
