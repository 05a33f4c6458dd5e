package cn.duban.audit.web;

import cn.duban.audit.AuditChain;
import cn.duban.audit.AuditEntry;
import cn.duban.audit.AuditService;
import cn.duban.ledger.ReminderService;
import cn.duban.ledger.ReminderSettings;
import cn.duban.platform.DubanException;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The audit trail with its chain check, head and anchor check, and the tenant's reminder settings.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject AuditService audit;

    @Inject ReminderService reminders;

    private AuditChain.Verification verification;
    private AuditChain.Head head;
    private String anchorSeq;
    private String anchorHash;
    private List<AuditEntry> entries;
    private String dueSoonDays;
    private int escalateAfterDays;
    private boolean emailEnabled;
    private int settingsVersion;

    public void load() {
        entries = audit.list(null, null, 200);
        head = audit.head();
        ReminderSettings s = reminders.settings();
        dueSoonDays = String.join(",", s.getDueSoonDays().stream().map(String::valueOf).toList());
        escalateAfterDays = s.getEscalateAfterDays();
        emailEnabled = s.isEmailEnabled();
        settingsVersion = s.getVersion();
    }

    public void verify() {
        verification = audit.verify();
    }

    /** The chain checked against an anchor someone kept (a circular's footer, an exported head). */
    public void verifyAnchor() {
        try {
            verification = audit.verify(AuditChain.Anchor.parse(anchorSeq, anchorHash));
        } catch (DubanException e) {
            verification = null;
            Messages.error(e);
        }
    }

    public void saveSettings() {
        try {
            List<Integer> days =
                    Arrays.stream(dueSoonDays.split("[,，、\\s]+"))
                            .filter(d -> !d.isBlank())
                            .map(d -> Integer.valueOf(d.strip()))
                            .toList();
            reminders.updateSettings(days, escalateAfterDays, emailEnabled, settingsVersion);
            Messages.info("audit.settingsSaved");
            load();
        } catch (NumberFormatException e) {
            Messages.error(
                    DubanException.badRequest(
                            "settings.due-soon-invalid", "到期提醒天数应为用逗号分隔的整数，如 7,3。"));
        } catch (DubanException e) {
            Messages.error(e);
        }
    }

    public boolean isBroken(AuditEntry e) {
        return verification != null
                && verification.brokenAt() != null
                && verification.brokenAt() == e.getSeq();
    }

    public AuditChain.Verification getVerification() {
        return verification;
    }

    public List<AuditEntry> getEntries() {
        return entries;
    }

    public AuditChain.Head getHead() {
        return head;
    }

    public String getAnchorSeq() {
        return anchorSeq;
    }

    public void setAnchorSeq(String anchorSeq) {
        this.anchorSeq = anchorSeq;
    }

    public String getAnchorHash() {
        return anchorHash;
    }

    public void setAnchorHash(String anchorHash) {
        this.anchorHash = anchorHash;
    }

    public String getDueSoonDays() {
        return dueSoonDays;
    }

    public void setDueSoonDays(String dueSoonDays) {
        this.dueSoonDays = dueSoonDays;
    }

    public int getEscalateAfterDays() {
        return escalateAfterDays;
    }

    public void setEscalateAfterDays(int escalateAfterDays) {
        this.escalateAfterDays = escalateAfterDays;
    }

    public boolean isEmailEnabled() {
        return emailEnabled;
    }

    public void setEmailEnabled(boolean emailEnabled) {
        this.emailEnabled = emailEnabled;
    }
}
