package cn.duban.circular.web;

import cn.duban.circular.Circular;
import cn.duban.circular.CircularEdit;
import cn.duban.circular.CircularService;
import cn.duban.evaluation.Period;
import cn.duban.ledger.LedgerClock;
import cn.duban.web.Messages;
import cn.duban.web.Requests;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The circulars of a year (units see the issued ones), and one circular: edit, preview, issue. */
@Named
@ViewScoped
public class CircularsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject CircularService circulars;

    @Inject cn.duban.web.WorkPeriod workPeriod;

    @Inject cn.duban.tenant.UnitScopes scopes;

    /** The year listed: from the URL, else the year that has work. */
    private Integer year;

    private String newPeriod;
    private List<Circular> list;

    private UUID id;
    private Circular circular;
    private String issuingOffice, docPrefix, title, recipients, praiseReason, nextSteps;

    public List<Circular> getList() {
        if (list == null) list = circulars.list(getYear());
        return list;
    }

    /** Years to choose from: next year back to three years ago, and the one asked for. */
    public List<Integer> getYears() {
        int now = LedgerClock.today().getYear();
        java.util.TreeSet<Integer> years =
                new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (int y = now + 1; y >= now - 3; y--) years.add(y);
        years.add(getYear());
        return List.copyOf(years);
    }

    public String create() {
        Circular c = circulars.draft(Requests.period(newPeriod));
        return "/app/circular?faces-redirect=true&id=" + c.getId();
    }

    /**
     * Periods a circular can report on: the year so far, and ended years, quarters and months of
     * this year, last year and the year listed.
     */
    public Map<String, String> getPeriods() {
        return Requests.periodChoices(Period.reportable(getYear(), LedgerClock.today()).stream());
    }

    // ---- one circular

    public void load() {
        if (circular != null || id == null) return;
        circular = circulars.get(id);
        issuingOffice = circular.getIssuingOffice();
        docPrefix = circular.getDocPrefix();
        title = circular.getTitle();
        recipients = circular.getRecipients();
        praiseReason = circular.getPraiseReason();
        nextSteps = circular.getNextSteps();
    }

    public void save() {
        circular = circulars.update(id, edit(), circular.getVersion());
        Messages.info("circular.saved");
    }

    public String issue() {
        circular = circulars.update(id, edit(), circular.getVersion());
        circular = circulars.issue(id, circular.getVersion());
        Messages.flash("circular.issuedMessage", circular.getDocNumber());
        return "/app/circular?faces-redirect=true&id=" + id;
    }

    public String delete() {
        boolean town = circular.getSupervisorUnitId() != null;
        circulars.delete(id);
        return town
                ? "/app/unit/town-evaluation?faces-redirect=true"
                : "/app/circulars?faces-redirect=true";
    }

    /**
     * Whether the caller edits and issues this draft: its issuer's own (the district office's or
     * the town's 单位管理员); others only read it.
     */
    public boolean isEditable() {
        return circular != null
                && circular.getState() == Circular.State.DRAFT
                && scopes.supervises(circular.getSupervisorUnitId());
    }

    private CircularEdit edit() {
        return new CircularEdit(
                issuingOffice, docPrefix, title, recipients, praiseReason, nextSteps);
    }

    public String periodLabel(String key) {
        return cn.duban.web.Formats.period(
                Period.parse(key), cn.duban.web.FormatBean.localeOfPage());
    }

    // Integer like the setter: with int here and Integer there, EL sees no writable "year" property
    // and
    // ?year= failed the page (PropertyNotWritableException).
    public Integer getYear() {
        if (year == null) year = workPeriod.year();
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getNewPeriod() {
        return newPeriod;
    }

    public void setNewPeriod(String newPeriod) {
        this.newPeriod = newPeriod;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public Circular getCircular() {
        return circular;
    }

    public String getIssuingOffice() {
        return issuingOffice;
    }

    public void setIssuingOffice(String v) {
        this.issuingOffice = v;
    }

    public String getDocPrefix() {
        return docPrefix;
    }

    public void setDocPrefix(String v) {
        this.docPrefix = v;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String v) {
        this.title = v;
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String v) {
        this.recipients = v;
    }

    public String getPraiseReason() {
        return praiseReason;
    }

    public void setPraiseReason(String v) {
        this.praiseReason = v;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    public void setNextSteps(String v) {
        this.nextSteps = v;
    }
}
