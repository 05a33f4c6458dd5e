package cn.duban.ledger.web;

import cn.duban.ledger.ExtensionRequest;
import cn.duban.ledger.ExtensionService;
import cn.duban.ledger.ProgressReport;
import cn.duban.ledger.ReviewService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The district office's queue: reports waiting for review and pending extension requests. */
@Named
@ViewScoped
public class ReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject ReviewService reviews;

    @Inject ExtensionService extensionService;

    private List<ProgressReport> pending;
    private List<ExtensionRequest> extensions;

    public List<ProgressReport> getPending() {
        if (pending == null) pending = reviews.awaitingReview(500);
        return pending;
    }

    public List<ExtensionRequest> getExtensions() {
        if (extensions == null) extensions = extensionService.pendingExtensions();
        return extensions;
    }
}
