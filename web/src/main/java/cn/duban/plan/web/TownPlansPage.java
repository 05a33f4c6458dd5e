package cn.duban.plan.web;

import cn.duban.ledger.DisputeService;
import cn.duban.ledger.ExtensionRequest;
import cn.duban.ledger.ExtensionService;
import cn.duban.ledger.ProgressReport;
import cn.duban.ledger.PublishingService;
import cn.duban.ledger.ReviewService;
import cn.duban.plan.Plan;
import cn.duban.plan.PlanImport;
import cn.duban.plan.PlanService;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * 本街镇督办 (issue 21 item 2): a town's 单位管理员 imports the town's own plan (pasted text), publishes it
 * to the town's 下级单位 and finds the reports, extension requests and sent-back tasks waiting on the
 * town. The services keep the town to its own plans, units and tasks.
 */
@Named
@ViewScoped
public class TownPlansPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject PlanImport imports;

    @Inject PlanService plans;

    @Inject PublishingService publishing;

    @Inject ReviewService reviews;

    @Inject ExtensionService extensions;

    @Inject DisputeService disputes;

    private String text;
    private String sourceName;
    private List<Plan> list;
    private List<ProgressReport> pending;
    private List<ExtensionRequest> extensionRequests;
    private List<DisputeService.Dispute> sentBack;

    public List<Plan> getPlans() {
        if (list == null) list = plans.list(null, null);
        return list;
    }

    public List<ProgressReport> getPending() {
        if (pending == null) pending = reviews.awaitingReview(200);
        return pending;
    }

    /** Extension requests on the town's tasks, decided on each task's page. */
    public List<ExtensionRequest> getExtensions() {
        if (extensionRequests == null) extensionRequests = extensions.pendingExtensions();
        return extensionRequests;
    }

    /** Tasks its 下级单位 sent back as not theirs (退回错派), answered on each task's page. */
    public List<DisputeService.Dispute> getDisputes() {
        if (sentBack == null) sentBack = disputes.pendingDisputes();
        return sentBack;
    }

    /** Imports the pasted plan as the town's own: parsed, names matched to the town's 下级单位. */
    public void importPlan() {
        try {
            Plan plan = imports.save(text, sourceName, null);
            Messages.info("townPlans.imported", plan.getTitle());
            text = null;
            sourceName = null;
            list = null;
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    /** Publishes a plan to the 下级单位 it names; names still open stop it with the reason. */
    public void publish(UUID planId) {
        try {
            PublishingService.Result r =
                    publishing.publish(planId, new PublishingService.Request(null, null, false));
            Messages.info("townPlans.published", r.created(), r.units());
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getSourceName() {
        return sourceName;
    }

    public void setSourceName(String sourceName) {
        this.sourceName = sourceName;
    }
}
