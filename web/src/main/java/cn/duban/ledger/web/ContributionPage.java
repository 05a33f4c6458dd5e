package cn.duban.ledger.web;

import cn.duban.ledger.ContributionService;
import cn.duban.ledger.ContributionView;
import cn.duban.ledger.EvidenceFile;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import cn.duban.web.Uploads;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.primefaces.event.FileUploadEvent;

/**
 * Contributions (配合情况) on the task page: a co-unit's form to send its contribution to the point's
 * lead unit, and the lead unit's (and the district's) list of the point's contributions beside the
 * lead's report.
 */
@Named
@ViewScoped
public class ContributionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject ContributionService contributions;

    private UUID taskId;
    private ContributionView mine;
    private List<ContributionView> ofPoint;

    // inputs
    private String text;
    private Integer percent;
    private boolean open;

    /**
     * The task page's task (its view parameter), its role and whether it is open: a closed task's
     * contribution is only shown, and only if one was written.
     */
    public void load(UUID taskId, String role, boolean open) {
        this.taskId = taskId;
        this.open = open;
        mine = null;
        ofPoint = null;
        if (taskId == null) return;
        try {
            if ("COOPERATING".equals(role)) {
                mine = contributions.mine(taskId);
                if (!open && mine.id() == null) {
                    mine = null;
                    return;
                }
                text = mine.text();
                percent = mine.percent();
            } else if ("LEAD".equals(role)) {
                ofPoint = contributions.ofPoint(taskId);
            }
        } catch (DubanException e) {
            // Not this caller's to see: the page shows no contribution section.
        }
    }

    public ContributionView getMine() {
        return mine;
    }

    public List<ContributionView> getContributions() {
        return ofPoint;
    }

    /** The co-unit's own users write and send; the district and leaders only read. */
    public boolean isCanWrite() {
        Caller c = Caller.current().orElse(null);
        return open && mine != null && c != null && c.unitCode() != null && c.isUnitPerson();
    }

    /** The lead unit's own users acknowledge; the district and leaders only read. */
    public boolean isCanAcknowledge() {
        Caller c = Caller.current().orElse(null);
        return ofPoint != null && c != null && c.unitCode() != null && c.isUnitPerson();
    }

    public void acknowledge(UUID contributionId) {
        try {
            contributions.acknowledge(contributionId);
            ofPoint = contributions.ofPoint(taskId);
            Messages.info("contribution.acknowledgedDone");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void save() {
        try {
            mine = contributions.save(taskId, text, percent, mine == null ? null : mine.version());
            Messages.info("contribution.saved");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void send() {
        try {
            mine = contributions.save(taskId, text, percent, mine == null ? null : mine.version());
            mine = contributions.send(taskId);
            Messages.info("contribution.sent");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void upload(FileUploadEvent event) {
        try {
            byte[] content =
                    Uploads.content(
                            event.getFile(),
                            ContributionService.MAX_FILE_BYTES,
                            EvidenceFile.EXTENSIONS.toArray(String[]::new));
            contributions.addEvidence(taskId, event.getFile().getFileName(), content);
            mine = contributions.mine(taskId);
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void removeEvidence(UUID evidenceId) {
        try {
            contributions.removeEvidence(taskId, evidenceId);
            mine = contributions.mine(taskId);
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

    public Integer getPercent() {
        return percent;
    }

    public void setPercent(Integer percent) {
        this.percent = percent;
    }
}
