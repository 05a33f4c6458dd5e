package cn.duban.ledger.web;

import cn.duban.ledger.HandOverService;
import cn.duban.ledger.HeadApprovalService;
import cn.duban.ledger.Holdings;
import cn.duban.ledger.UnitPeople;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 我的任务 for the unit head and unit admin (单位内部流转): who holds which open task, open tasks per 经办人,
 * handing a task to a colleague or taking it back, a leaving person's hand-over, and the reports
 * awaiting the unit head.
 */
@Named
@ViewScoped
public class HandOverPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject HandOverService handOver;

    @Inject HeadApprovalService heads;

    private List<Holdings.Holding> holdings;
    private List<UnitPeople.Colleague> colleagues;
    private List<HeadApprovalService.Awaiting> awaiting;

    // inputs: the colleague picked per task row, the hand-over's two people, comments per report
    private final Map<UUID, String> picked = new HashMap<>();
    private final Map<UUID, String> comments = new HashMap<>();
    private String leaver;
    private String successor;

    /** The caller heads or administers a unit: the section is theirs. */
    public boolean isHead() {
        Caller c = Caller.current().orElse(null);
        return c != null
                && c.unitCode() != null
                && (c.hasRole(Role.UNIT_HEAD) || c.hasRole(Role.UNIT_ADMIN));
    }

    public boolean isApprover() {
        return Caller.current().map(c -> c.hasRole(Role.UNIT_HEAD)).orElse(false);
    }

    public List<Holdings.Holding> getHoldings() {
        if (holdings == null) {
            try {
                holdings = isHead() ? handOver.holdings() : List.of();
            } catch (DubanException e) {
                Messages.error(e);
                holdings = List.of();
            }
        }
        return holdings;
    }

    public List<Holdings.Holder> getHolders() {
        return Holdings.perHolder(getHoldings());
    }

    public List<UnitPeople.Colleague> getColleagues() {
        if (colleagues == null) {
            try {
                colleagues = isHead() ? handOver.colleagues() : List.of();
            } catch (DubanException e) {
                Messages.error(e);
                colleagues = List.of();
            }
        }
        return colleagues;
    }

    public List<HeadApprovalService.Awaiting> getAwaiting() {
        if (awaiting == null) {
            try {
                awaiting = isHead() ? heads.awaiting() : List.of();
            } catch (DubanException e) {
                Messages.error(e);
                awaiting = List.of();
            }
        }
        return awaiting;
    }

    public Map<UUID, String> getPicked() {
        return picked;
    }

    public Map<UUID, String> getComments() {
        return comments;
    }

    public void hand(UUID taskId) {
        try {
            Holdings.Holding h = handOver.hand(taskId, picked.get(taskId));
            Messages.info("holdings.handed", h.holderName());
            holdings = null;
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void takeBack(UUID taskId) {
        try {
            handOver.takeBack(taskId);
            Messages.info("holdings.takenBack");
            holdings = null;
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void handOverAll() {
        try {
            HandOverService.Moved m = handOver.handOver(leaver, successor);
            Messages.info("holdings.handedOver", m.moved(), m.successorName());
            holdings = null;
            leaver = null;
            successor = null;
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void approve(UUID reportId) {
        decide(reportId, true, "headApproval.approved");
    }

    public void sendBack(UUID reportId) {
        decide(reportId, false, "headApproval.returned");
    }

    private void decide(UUID reportId, boolean approve, String done) {
        try {
            heads.decide(reportId, approve, comments.get(reportId));
            Messages.info(done);
            awaiting = null;
            holdings = null;
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public String getLeaver() {
        return leaver;
    }

    public void setLeaver(String leaver) {
        this.leaver = leaver;
    }

    public String getSuccessor() {
        return successor;
    }

    public void setSuccessor(String successor) {
        this.successor = successor;
    }
}
