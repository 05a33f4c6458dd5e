package cn.duban.ledger.web;

import cn.duban.ledger.DisputeService;
import cn.duban.ledger.DisputeState;
import cn.duban.ledger.ReceiptService;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.platform.Role;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitScopes;
import cn.duban.tenant.UnitService;
import cn.duban.web.FormatBean;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Receipt (签收) and wrong assignment (退回错派) on the pages: a task's receipt and dispute on the task
 * page, the unit's unacknowledged tasks on 我的任务 (one click or the selected ones), and the district
 * office's lists of unacknowledged and sent-back tasks with its answer.
 */
@Named
@ViewScoped
public class ReceiptPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject ReceiptService receipts;

    @Inject DisputeService disputeService;

    @Inject UnitScopes scopes;

    @Inject UnitService units;

    @Inject FormatBean fmt;

    private UUID taskId;
    private ReceiptService.Receipt receipt;
    private DisputeService.Dispute dispute;
    private List<ReceiptService.Unreceived> unreceived;
    private List<DisputeService.Dispute> disputes;
    private Long unreceivedCount;
    private List<ReceiptService.Unreceived> selected = new ArrayList<>();
    private final List<ReceiptService.Receipt> done = new ArrayList<>();

    // inputs
    private String reason;
    private UUID unitId;

    /** The task page's task (its view parameter). */
    public void setTaskId(UUID taskId) {
        if (taskId != null && !taskId.equals(this.taskId)) {
            this.taskId = taskId;
            receipt = null;
            dispute = null;
        }
    }

    public UUID getTaskId() {
        return taskId;
    }

    public ReceiptService.Receipt getReceipt() {
        if (receipt == null && taskId != null) {
            try {
                receipt = receipts.receipt(taskId);
            } catch (DubanException e) {
                return null;
            }
        }
        return receipt;
    }

    public DisputeService.Dispute getDispute() {
        if (dispute == null && taskId != null) {
            try {
                dispute = disputeService.disputeOf(taskId);
            } catch (DubanException e) {
                return null;
            }
        }
        return dispute;
    }

    /** The caller belongs to a unit (and so may acknowledge or send back its tasks). */
    public boolean isUnitUser() {
        Caller c = Caller.current().orElse(null);
        return c != null && c.unitCode() != null && c.isUnitPerson();
    }

    public boolean isDistrictAdmin() {
        return Caller.current().map(c -> c.hasRole(Role.DISTRICT_ADMIN)).orElse(false);
    }

    public boolean isPending() {
        return getDispute() != null && getDispute().state() == DisputeState.PENDING;
    }

    /** One click on the task page. */
    public void receive() {
        try {
            receipt = receipts.receive(taskId);
            Messages.info(
                    "receipt.done", fmt.dateTime(receipt.receivedAt()), receipt.receivedByName());
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    /** One click on a row of 我的任务. */
    public void receiveOne(UUID id) {
        try {
            ReceiptService.Receipt r = receipts.receive(id);
            done.add(0, r);
            Messages.info("receipt.done", fmt.dateTime(r.receivedAt()), r.receivedByName());
        } catch (DubanException e) {
            Messages.error(e);
        }
        refresh();
    }

    /** The selected rows of 我的任务, all or none. */
    public void receiveSelected() {
        try {
            List<ReceiptService.Receipt> rs =
                    receipts.receiveAll(
                            selected.stream().map(ReceiptService.Unreceived::taskId).toList());
            done.addAll(0, rs);
            Messages.info("receipt.doneMany", rs.size());
        } catch (DubanException e) {
            Messages.error(e);
        }
        refresh();
    }

    public void sendBack() {
        try {
            dispute = disputeService.dispute(taskId, reason);
            reason = null;
            Messages.info("dispute.sent");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void reassign(UUID id, int version) {
        try {
            disputeService.reassign(id, unitId, reason, version);
            reason = null;
            unitId = null;
            Messages.info("dispute.reassigned");
        } catch (DubanException e) {
            Messages.error(e);
        }
        refresh();
    }

    public void uphold(UUID id, int version) {
        try {
            disputeService.uphold(id, reason, version);
            reason = null;
            Messages.info("dispute.upheld");
        } catch (DubanException e) {
            Messages.error(e);
        }
        refresh();
    }

    private void refresh() {
        unreceived = null;
        unreceivedCount = null;
        disputes = null;
        dispute = null;
        receipt = null;
        selected = new ArrayList<>();
    }

    /** Open unacknowledged tasks: the unit's own, or the district's for its office and leaders. */
    public List<ReceiptService.Unreceived> getUnreceived() {
        if (unreceived == null) {
            try {
                unreceived = receipts.unreceived(1000);
            } catch (DubanException e) {
                unreceived = List.of();
            }
        }
        return unreceived;
    }

    public long getUnreceivedCount() {
        if (unreceivedCount == null) {
            try {
                unreceivedCount = receipts.unreceivedCount();
            } catch (DubanException e) {
                unreceivedCount = 0L;
            }
        }
        return unreceivedCount;
    }

    public List<DisputeService.Dispute> getDisputes() {
        if (disputes == null) {
            try {
                disputes = disputeService.pendingDisputes();
            } catch (DubanException e) {
                disputes = List.of();
            }
        }
        return disputes;
    }

    /** The units a sent-back task may go to: a town's 下级单位 for the town's own tasks. */
    public List<Unit> getUnits() {
        return scopes.supervisingTownIfAny()
                .map(town -> scopes.subtreeUnits(town.getId()))
                .orElseGet(units::list);
    }

    public List<ReceiptService.Receipt> getDone() {
        return done;
    }

    public List<ReceiptService.Unreceived> getSelected() {
        return selected;
    }

    public void setSelected(List<ReceiptService.Unreceived> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public void setUnitId(UUID unitId) {
        this.unitId = unitId;
    }
}
