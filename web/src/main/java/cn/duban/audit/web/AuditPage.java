package cn.duban.audit.web;

import cn.duban.audit.AuditChain;
import cn.duban.audit.AuditJournal;
import cn.duban.audit.AuditService;
import cn.duban.ledger.ReminderService;
import cn.duban.ledger.ReminderSettings;
import cn.duban.platform.DubanException;
import cn.duban.tenant.UnitService;
import cn.duban.tenant.web.UnitView;
import cn.duban.web.FormatBean;
import cn.duban.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit trail for people: sentences with links, filters by date, actor, unit and action, paged
 * on the server, export of what is filtered, the raw JSON one click away; with the chain check,
 * head and anchor check, and the tenant's reminder settings.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Action families for the filter, in the order people think of them. */
    public static final List<String> FAMILIES =
            List.of(
                    "plan.",
                    "task.",
                    "report.",
                    "evidence.",
                    "extension.",
                    "reminder.",
                    "scheme.",
                    "evaluation.",
                    "adjustment.",
                    "circular.",
                    "account.",
                    "settings.",
                    "audit.");

    @Inject AuditService audit;

    @Inject AuditJournal journal;

    @Inject ReminderService reminders;

    @Inject cn.duban.ledger.HeadApprovalService heads;

    @Inject UnitService unitService;

    @Inject FormatBean fmt;

    private AuditChain.Verification verification;
    private AuditChain.Head head;
    private String anchorSeq;
    private String anchorHash;
    private String dueSoonDays;
    private int escalateAfterDays;
    private int receiptHours;
    private boolean emailEnabled;
    private boolean headApproval;
    private int settingsVersion;

    // filters
    private LocalDate from;
    private LocalDate to;
    private String actor;
    private UUID unit;
    private String action;
    private ZoneId zone;
    private List<String> actors;
    private List<UnitView> units;
    private final Entries entries = new Entries();

    public void load() {
        head = audit.head();
        zone = fmt.zone();
        actors = journal.actors();
        units = unitService.list().stream().map(UnitView::of).toList();
        ReminderSettings s = reminders.settings();
        dueSoonDays = String.join(",", s.getDueSoonDays().stream().map(String::valueOf).toList());
        escalateAfterDays = s.getEscalateAfterDays();
        receiptHours = s.getReceiptHours();
        emailEnabled = s.isEmailEnabled();
        headApproval = s.isHeadApprovesReports();
        settingsVersion = s.getVersion();
    }

    /** Pages through the filtered entries as the table asks for them. */
    public final class Entries extends LazyDataModel<AuditSentences.Row> {
        private static final long serialVersionUID = 1L;
        private long total;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                total = journal.search(filter(), 0, 1).total();
            } catch (DubanException e) {
                Messages.error(e);
                total = 0;
            }
            return (int) Math.min(total, Integer.MAX_VALUE);
        }

        @Override
        public List<AuditSentences.Row> load(
                int first,
                int pageSize,
                Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            try {
                AuditJournal.Slice slice = journal.search(filter(), first, pageSize);
                total = slice.total();
                setRowCount((int) Math.min(total, Integer.MAX_VALUE));
                return rows(slice.entries());
            } catch (DubanException e) {
                Messages.error(e);
                return List.of();
            }
        }

        @Override
        public String getRowKey(AuditSentences.Row row) {
            return String.valueOf(row.seq());
        }

        public long getTotal() {
            return total;
        }
    }

    private List<AuditSentences.Row> rows(List<cn.duban.audit.AuditEntry> page) {
        AuditSentences.Ids ids = AuditSentences.ids(page);
        AuditJournal.Subjects names =
                journal.subjects(ids.tasks(), ids.plans(), ids.units(), ids.circulars());
        Locale locale = cn.duban.web.FormatBean.localeOfPage();
        var bundle = AuditSentences.bundle(locale);
        return page.stream().map(e -> AuditSentences.row(e, names, bundle, locale)).toList();
    }

    AuditJournal.Filter filter() {
        ZoneId z = zone == null ? fmt.zone() : zone;
        return new AuditJournal.Filter(
                from == null ? null : from.atStartOfDay(z).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(z).toInstant(),
                actor == null || actor.isBlank() ? null : actor,
                unit,
                action == null || action.isBlank() ? null : action);
    }

    /** The table reads the filters on its next load. */
    public void search() {}

    public void clear() {
        from = null;
        to = null;
        actor = null;
        unit = null;
        action = null;
    }

    /** The export of what the filters show, in the page's language. */
    public String getExportUrl() {
        StringBuilder q = new StringBuilder("/api/v1/audit/export.csv?lang=");
        Locale locale = cn.duban.web.FormatBean.localeOfPage();
        q.append("en".equals(locale.getLanguage()) ? "en" : "zh");
        if (from != null) q.append("&from=").append(from);
        if (to != null) q.append("&to=").append(to);
        if (actor != null && !actor.isBlank())
            q.append("&actor=").append(URLEncoder.encode(actor, StandardCharsets.UTF_8));
        if (unit != null) q.append("&unit=").append(unit);
        if (action != null && !action.isBlank())
            q.append("&action=").append(URLEncoder.encode(action, StandardCharsets.UTF_8));
        return q.toString();
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
            reminders.updateSettings(
                    days, escalateAfterDays, emailEnabled, receiptHours, settingsVersion);
            heads.setHeadApproval(headApproval);
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

    public boolean isBroken(AuditSentences.Row row) {
        return verification != null
                && verification.brokenAt() != null
                && verification.brokenAt() == row.seq();
    }

    public List<String> getFamilies() {
        return FAMILIES;
    }

    public AuditChain.Verification getVerification() {
        return verification;
    }

    public Entries getEntries() {
        return entries;
    }

    public AuditChain.Head getHead() {
        return head;
    }

    public List<String> getActors() {
        return actors;
    }

    public List<UnitView> getUnits() {
        return units;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public UUID getUnit() {
        return unit;
    }

    public void setUnit(UUID unit) {
        this.unit = unit;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
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

    public int getReceiptHours() {
        return receiptHours;
    }

    public boolean isHeadApproval() {
        return headApproval;
    }

    public void setHeadApproval(boolean headApproval) {
        this.headApproval = headApproval;
    }

    public void setReceiptHours(int receiptHours) {
        this.receiptHours = receiptHours;
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
