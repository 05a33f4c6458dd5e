package cn.duban.ledger.web;

import cn.duban.ledger.escalation.Approval;
import cn.duban.ledger.escalation.EscalationDecisions;
import cn.duban.ledger.escalation.EscalationQueries;
import cn.duban.ledger.escalation.EscalationState;
import cn.duban.ledger.escalation.EscalationSweep;
import cn.duban.ledger.escalation.EscalationView;
import cn.duban.ledger.escalation.LadderRuleService;
import cn.duban.ledger.escalation.LadderRules;
import cn.duban.ledger.escalation.Step;
import cn.duban.platform.Caller;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 督办升级: what waits for the caller's approval, every rung sent with its state (签收, 约谈 record), the
 * counts per rung for the leaders, and for the office the ladder's rules and the run on demand.
 */
@Named
@ViewScoped
public class EscalationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject LadderRuleService ladder;

    @Inject EscalationQueries queries;

    @Inject EscalationDecisions decisions;

    @Inject EscalationSweep sweep;

    /** One rung of the rules form (JSF binds to mutable properties). */
    public static final class RungForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Step step;
        private boolean enabled;
        private int afterDays;
        private Approval approval;

        RungForm(LadderRules.Rung r) {
            this.step = r.step();
            this.enabled = r.enabled();
            this.afterDays = r.afterDays();
            this.approval = r.approval();
        }

        public Step getStep() {
            return step;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getAfterDays() {
            return afterDays;
        }

        public void setAfterDays(int afterDays) {
            this.afterDays = afterDays;
        }

        public Approval getApproval() {
            return approval;
        }

        public void setApproval(Approval approval) {
            this.approval = approval;
        }
    }

    private int version;
    private List<RungForm> rungs = new ArrayList<>();
    private String noticePrefix;
    private String issuingOffice;
    private int replyDays;
    private EscalationState stateFilter;
    private Step stepFilter;
    private final Map<UUID, String> reasons = new HashMap<>();
    private UUID talkId;
    private LocalDate talkOn;
    private String talkWith;
    private String talkRecord;
    private transient List<EscalationView> awaiting;
    private transient List<EscalationQueries.Awaiting> byUnit;
    private transient List<EscalationView> records;
    private transient Map<Step, Map<EscalationState, Long>> counts;

    public void load() {
        try {
            LadderRuleService.Current c = ladder.current();
            version = c.version();
            rungs = new ArrayList<>(c.rules().rungs().stream().map(RungForm::new).toList());
            noticePrefix = c.rules().noticePrefix();
            issuingOffice = c.rules().issuingOffice();
            replyDays = c.rules().replyDays();
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void save() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (RungForm r : rungs)
            list.add(
                    Json.createObjectBuilder()
                            .add("step", r.getStep().name())
                            .add("enabled", r.isEnabled())
                            .add("afterDays", r.getAfterDays())
                            .add("approval", r.getApproval().name()));
        var rules =
                Json.createObjectBuilder()
                        .add("rungs", list)
                        .add("noticePrefix", noticePrefix == null ? "" : noticePrefix)
                        .add("replyDays", replyDays);
        if (issuingOffice != null && !issuingOffice.isBlank())
            rules.add("issuingOffice", issuingOffice);
        try {
            version = ladder.save(rules.build(), version).version();
            Messages.info("escalation.saved");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void run() {
        try {
            EscalationSweep.Run r = sweep.run();
            refresh();
            Messages.info("escalation.ran", r.late(), r.issued(), r.proposed());
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public void issue(EscalationView e) {
        try {
            decisions.issue(e.id(), e.version());
            refresh();
            Messages.info("escalation.issued", Messages.text("escalation.step." + e.step()));
        } catch (DubanException ex) {
            refresh();
            Messages.error(ex);
        }
    }

    public void issueAll(EscalationQueries.Awaiting group) {
        try {
            EscalationDecisions.Batch b = decisions.issueAll(group.unitId(), group.step());
            refresh();
            if (b.skipped() == 0 && b.left() == 0)
                Messages.info("escalation.batchDoneAll", b.issued());
            else Messages.info("escalation.batchDone", b.issued(), b.skipped(), b.left());
        } catch (DubanException ex) {
            refresh();
            Messages.error(ex);
        }
    }

    public void withdraw(EscalationView e) {
        try {
            decisions.withdraw(e.id(), reasons.get(e.id()), e.version());
            reasons.remove(e.id());
            refresh();
            Messages.info("escalation.withdrawn");
        } catch (DubanException ex) {
            Messages.error(ex);
        }
    }

    public void startTalk(EscalationView e) {
        talkId = e.id();
        talkOn = cn.duban.ledger.LedgerClock.today();
        talkWith = null;
        talkRecord = null;
    }

    public void recordTalk() {
        try {
            decisions.recordTalk(talkId, talkOn, talkWith, talkRecord);
            talkId = null;
            refresh();
            Messages.info("escalation.talkRecorded");
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    private void refresh() {
        awaiting = null;
        byUnit = null;
        records = null;
        counts = null;
    }

    public List<EscalationView> getAwaiting() {
        if (awaiting == null) awaiting = queries.awaitingMe();
        return awaiting;
    }

    public List<EscalationQueries.Awaiting> getByUnit() {
        if (byUnit == null) byUnit = queries.awaitingByUnit();
        return byUnit;
    }

    public List<EscalationView> getRecords() {
        if (records == null) records = queries.list(stateFilter, stepFilter, null, 200);
        return records;
    }

    public void filter() {
        records = null;
    }

    public Map<Step, Map<EscalationState, Long>> getCounts() {
        if (counts == null) counts = queries.counts();
        return counts;
    }

    public long count(Step step, String state) {
        Long n = getCounts().get(step).get(EscalationState.valueOf(state));
        return n == null ? 0 : n;
    }

    public boolean isAdmin() {
        return Caller.current().map(c -> c.hasRole(Caller.DISTRICT_ADMIN)).orElse(false);
    }

    public Step[] getSteps() {
        return Step.values();
    }

    public EscalationState[] getStates() {
        return EscalationState.values();
    }

    public Approval[] getApprovals() {
        return Approval.values();
    }

    public int getVersion() {
        return version;
    }

    public List<RungForm> getRungs() {
        return rungs;
    }

    public String getNoticePrefix() {
        return noticePrefix;
    }

    public void setNoticePrefix(String noticePrefix) {
        this.noticePrefix = noticePrefix;
    }

    public String getIssuingOffice() {
        return issuingOffice;
    }

    public void setIssuingOffice(String issuingOffice) {
        this.issuingOffice = issuingOffice;
    }

    public int getReplyDays() {
        return replyDays;
    }

    public void setReplyDays(int replyDays) {
        this.replyDays = replyDays;
    }

    public EscalationState getStateFilter() {
        return stateFilter;
    }

    public void setStateFilter(EscalationState stateFilter) {
        this.stateFilter = stateFilter;
    }

    public Step getStepFilter() {
        return stepFilter;
    }

    public void setStepFilter(Step stepFilter) {
        this.stepFilter = stepFilter;
    }

    public Map<UUID, String> getReasons() {
        return reasons;
    }

    public UUID getTalkId() {
        return talkId;
    }

    public LocalDate getTalkOn() {
        return talkOn;
    }

    public void setTalkOn(LocalDate talkOn) {
        this.talkOn = talkOn;
    }

    public String getTalkWith() {
        return talkWith;
    }

    public void setTalkWith(String talkWith) {
        this.talkWith = talkWith;
    }

    public String getTalkRecord() {
        return talkRecord;
    }

    public void setTalkRecord(String talkRecord) {
        this.talkRecord = talkRecord;
    }
}
