package cn.duban.evaluation.web;

import cn.duban.evaluation.Adjustment;
import cn.duban.evaluation.AdjustmentService;
import cn.duban.evaluation.Period;
import cn.duban.evaluation.PeriodClosing;
import cn.duban.evaluation.Scheme;
import cn.duban.evaluation.SchemeIndicator;
import cn.duban.evaluation.SchemeInput;
import cn.duban.evaluation.SchemeService;
import cn.duban.evaluation.SchemeType;
import cn.duban.evaluation.ScoreAdjustment;
import cn.duban.evaluation.ScoreSnapshot;
import cn.duban.evaluation.ScoringRules;
import cn.duban.ledger.EvidenceFile;
import cn.duban.ledger.LedgerClock;
import cn.duban.ledger.Rating;
import cn.duban.platform.DubanException;
import cn.duban.tenant.Unit;
import cn.duban.tenant.UnitKind;
import cn.duban.tenant.UnitService;
import cn.duban.web.FormatBean;
import cn.duban.web.Messages;
import cn.duban.web.ProblemTexts;
import cn.duban.web.Requests;
import cn.duban.web.Uploads;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.primefaces.model.file.UploadedFile;

/**
 * The district office's evaluation page: the year's scheme (saved as a new version), closing ended
 * periods, and bonus/deduction items with evidence.
 */
@Named
@ViewScoped
public class EvaluationAdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject SchemeService schemes;

    @Inject PeriodClosing closing;

    @Inject AdjustmentService adjustments;

    @Inject UnitService units;

    /** One indicator row of the form: its name, points and target ("PLAN:id", "SECTION:id"). */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private BigDecimal points;
        private String target;

        Row(String name, BigDecimal points, String target) {
            this.name = name;
            this.points = points;
            this.target = target;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public BigDecimal getPoints() {
            return points;
        }

        public void setPoints(BigDecimal points) {
            this.points = points;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }
    }

    @Inject cn.duban.web.WorkPeriod workPeriod;

    /** The scheme's year: the year that has work until the admin picks another. */
    private int year;

    private UUID planId;
    private String name;
    private SchemeType type = SchemeType.COMPLETION;
    private BigDecimal planWeight = new BigDecimal("5");
    private RulesForm rules = RulesForm.of(null, ScoringRules.defaults(type));
    private String note;
    private List<Row> rows = new ArrayList<>();

    private String closePeriod;
    private String closeReason;

    /** The reason to close while the period has open appeals (强制关账). */
    private String closeOverride;

    private UUID adjUnit;
    private Adjustment.Kind adjKind = Adjustment.Kind.BONUS;
    private BigDecimal adjPoints;
    private String adjReason;
    private LocalDate adjDate = LedgerClock.today();
    private transient UploadedFile adjFile;

    private Scheme current;
    private boolean loaded;
    private List<SchemeService.PlanOutline> plans;
    private List<Unit> unitList;

    /** Fills the form from the year's current scheme, or the customary defaults. */
    public void load() {
        if (loaded) return;
        loaded = true;
        year = workPeriod.year();
        fill();
    }

    private void fill() {
        current = schemes.hasScheme(year) ? schemes.current(year) : null;
        ScoringRules r = current != null ? current.rules() : ScoringRules.defaults(type);
        ScoringRules d = ScoringRules.defaults(r.type());
        type = r.type();
        name = current != null ? current.getName() : year + "年度考核方案";
        planWeight = current != null ? current.getPlanWeight() : new BigDecimal("5");
        rules = RulesForm.of(r, d);
        note = current != null ? current.getNote() : null;
        rows = new ArrayList<>();
        if (current != null) {
            for (SchemeIndicator i : current.getIndicators()) {
                rows.add(
                        new Row(
                                i.getName(),
                                i.getPoints(),
                                i.getTargetKind() + ":" + i.getTargetId()));
            }
        }
    }

    public void changeYear() {
        fill();
    }

    /**
     * One indicator per section of the chosen plan, the 100 points shared evenly (the office then
     * adjusts them).
     */
    public void useSections() {
        if (planId == null) return;
        List<SchemeService.PlanOutline.Section> sections =
                getPlans().stream()
                        .filter(p -> p.id().equals(planId))
                        .findFirst()
                        .map(SchemeService.PlanOutline::sections)
                        .orElse(List.of());
        rows = new ArrayList<>();
        if (sections.isEmpty()) return;
        BigDecimal each =
                new BigDecimal(100)
                        .divide(BigDecimal.valueOf(sections.size()), 0, RoundingMode.DOWN);
        BigDecimal rest =
                new BigDecimal(100).subtract(each.multiply(BigDecimal.valueOf(sections.size())));
        for (int i = 0; i < sections.size(); i++) {
            SchemeService.PlanOutline.Section s = sections.get(i);
            rows.add(new Row(s.title(), i == 0 ? each.add(rest) : each, "SECTION:" + s.id()));
        }
    }

    public void addRow() {
        rows.add(new Row("", BigDecimal.ZERO, null));
    }

    public void removeRow(Row row) {
        rows.remove(row);
    }

    public void save() {
        List<SchemeInput.IndicatorInput> indicators = new ArrayList<>();
        for (Row r : rows) {
            SchemeIndicator.Target target = null;
            UUID targetId = null;
            if (r.target != null && r.target.contains(":")) {
                target =
                        SchemeIndicator.Target.valueOf(
                                r.target.substring(0, r.target.indexOf(':')));
                targetId = UUID.fromString(r.target.substring(r.target.indexOf(':') + 1));
            }
            indicators.add(new SchemeInput.IndicatorInput(r.name, r.points, target, targetId));
        }
        try {
            Scheme s =
                    schemes.save(
                            new SchemeInput(
                                    year,
                                    name,
                                    type,
                                    planWeight,
                                    rules.getValues(),
                                    note,
                                    indicators));
            Messages.info("eval.saved", s.getYear(), s.getVersion());
            fill();
        } catch (DubanException e) {
            errors(e);
        }
    }

    public void close() {
        ScoreSnapshot s = closing.close(Requests.period(closePeriod), closeReason, closeOverride);
        Messages.info(
                "eval.closed",
                cn.duban.web.Formats.period(
                        Period.parse(s.getPeriodKey()), cn.duban.web.FormatBean.localeOfPage()),
                s.getVersion());
        closeReason = null;
        closeOverride = null;
    }

    public void addAdjustment() {
        byte[] content =
                adjFile == null || adjFile.getSize() == 0
                        ? null
                        : Uploads.content(
                                adjFile,
                                EvidenceFile.MAX_BYTES,
                                EvidenceFile.EXTENSIONS.toArray(String[]::new));
        adjustments.addAdjustment(
                new AdjustmentService.AdjustmentInput(
                        adjUnit, adjKind, adjPoints, adjReason, adjDate),
                content == null ? null : adjFile.getFileName(),
                content);
        Messages.info("eval.adjustmentAdded");
        adjPoints = null;
        adjReason = null;
        adjFile = null;
    }

    public void removeAdjustment(UUID id) {
        adjustments.removeAdjustment(id);
    }

    /** Every problem of a rejected scheme, each as its own message. */
    private static void errors(DubanException e) {
        if (e.errors() == null || e.errors().isEmpty()) {
            Messages.error(e);
            return;
        }
        if (!ProblemTexts.isChinese(FormatBean.localeOfPage())) {
            // The problems are Chinese sentences of the scoring rules: name the fields instead.
            Messages.error(e);
            for (Object o : e.errors()) {
                if (o instanceof ScoringRules.Problem p) {
                    FacesContext.getCurrentInstance()
                            .addMessage(
                                    null,
                                    new FacesMessage(
                                            FacesMessage.SEVERITY_ERROR,
                                            Messages.text("eval.checkField", fieldLabel(p.field())),
                                            null));
                }
            }
            return;
        }
        for (Object o : e.errors()) {
            String text = o instanceof ScoringRules.Problem p ? p.message() : String.valueOf(o);
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
    }

    /** A scheme field in the page's words: "Indicator 2", a rule's label, or its name. */
    static String fieldLabel(String field) {
        if (field.startsWith("indicators[")) {
            int end = field.indexOf(']');
            try {
                int n = Integer.parseInt(field.substring("indicators[".length(), end)) + 1;
                return Messages.text("eval.indicatorName") + " " + n;
            } catch (RuntimeException notAnIndex) {
                return Messages.text("eval.indicatorName");
            }
        }
        if (field.equals("type")) return Messages.text("eval.type");
        return Messages.textOr("eval.rule." + field, field);
    }

    // ---- choices

    public List<SchemeService.PlanOutline> getPlans() {
        if (plans == null) plans = schemes.targets();
        return plans;
    }

    /** Targets for indicator rows: each plan as a whole, and each of its sections. */
    public List<SelectItem> getTargets() {
        List<SelectItem> out = new ArrayList<>();
        for (SchemeService.PlanOutline p : getPlans()) {
            out.add(new SelectItem("PLAN:" + p.id(), p.year() + " " + p.title() + "（全部）"));
            for (var s : p.sections())
                out.add(
                        new SelectItem(
                                "SECTION:" + s.id(),
                                "　" + s.number() + "、" + s.title() + "（" + p.title() + "）"));
        }
        return out;
    }

    public List<Unit> getUnits() {
        if (unitList == null)
            unitList =
                    units.list().stream()
                            .filter(u -> u.getKind().districtLevel())
                            .filter(u -> u.getKind() != UnitKind.DISTRICT_OFFICE)
                            .toList();
        return unitList;
    }

    public Map<String, String> getEndedPeriods() {
        LocalDate today = LedgerClock.today();
        return Requests.periodChoices(
                java.util.stream.Stream.of(year, year - 1)
                        .flatMap(y -> Period.allOf(y).stream())
                        .filter(p -> p.endedBy(today)));
    }

    public List<ScoreSnapshot> getSnapshots() {
        return closing.snapshots(year);
    }

    public List<ScoreAdjustment> getAdjustments() {
        return adjustments.adjustments(year);
    }

    public String unitName(UUID id) {
        return getUnits().stream()
                .filter(u -> u.getId().equals(id))
                .map(Unit::getName)
                .findFirst()
                .orElse("");
    }

    public BigDecimal getTotal() {
        return rows.stream()
                .map(r -> r.points == null ? BigDecimal.ZERO : r.points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public SchemeType[] getTypes() {
        return SchemeType.values();
    }

    /** The choices of a CHOICE rule by name (lateUnit, cooperatingScoring). */
    public java.util.List<String> choices(String rule) {
        return ScoringRules.choices(rule);
    }

    public ScoringRules.LateUnit[] getLateUnits() {
        return ScoringRules.LateUnit.values();
    }

    public Adjustment.Kind[] getKinds() {
        return Adjustment.Kind.values();
    }

    // ---- form fields

    public Scheme getCurrent() {
        return current;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public UUID getPlanId() {
        return planId;
    }

    public void setPlanId(UUID planId) {
        this.planId = planId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public SchemeType getType() {
        return type;
    }

    public void setType(SchemeType type) {
        this.type = type;
    }

    public BigDecimal getPlanWeight() {
        return planWeight;
    }

    public void setPlanWeight(BigDecimal planWeight) {
        this.planWeight = planWeight;
    }

    /** The rules' values by name, bound in the page as {@code rules.values['name']}. */
    public RulesForm getRules() {
        return rules;
    }

    /** The rules of the chosen type, one input each. */
    public List<ScoringRules.Spec> getRuleSpecs() {
        return ScoringRules.specs().stream().filter(x -> x.appliesTo(type)).toList();
    }

    /** sources: one weight per task source (0: not counted). */
    public cn.duban.plan.TaskSource[] getTaskSources() {
        return cn.duban.plan.TaskSource.values();
    }

    public Rating[] getRatings() {
        return Rating.values();
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getClosePeriod() {
        return closePeriod;
    }

    public void setClosePeriod(String closePeriod) {
        this.closePeriod = closePeriod;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public String getCloseOverride() {
        return closeOverride;
    }

    public void setCloseOverride(String closeOverride) {
        this.closeOverride = closeOverride;
    }

    public void setCloseReason(String closeReason) {
        this.closeReason = closeReason;
    }

    public UUID getAdjUnit() {
        return adjUnit;
    }

    public void setAdjUnit(UUID adjUnit) {
        this.adjUnit = adjUnit;
    }

    public Adjustment.Kind getAdjKind() {
        return adjKind;
    }

    public void setAdjKind(Adjustment.Kind adjKind) {
        this.adjKind = adjKind;
    }

    public BigDecimal getAdjPoints() {
        return adjPoints;
    }

    public void setAdjPoints(BigDecimal adjPoints) {
        this.adjPoints = adjPoints;
    }

    public String getAdjReason() {
        return adjReason;
    }

    public void setAdjReason(String adjReason) {
        this.adjReason = adjReason;
    }

    public LocalDate getAdjDate() {
        return adjDate;
    }

    public void setAdjDate(LocalDate adjDate) {
        this.adjDate = adjDate;
    }

    public UploadedFile getAdjFile() {
        return adjFile;
    }

    public void setAdjFile(UploadedFile adjFile) {
        this.adjFile = adjFile;
    }
}
