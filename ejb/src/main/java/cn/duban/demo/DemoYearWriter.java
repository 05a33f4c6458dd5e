package cn.duban.demo;

import cn.duban.circular.Circular;
import cn.duban.circular.CircularService;
import cn.duban.demo.DemoScript.Step;
import cn.duban.demo.DemoScript.TaskSeed;
import cn.duban.evaluation.Period;
import cn.duban.evaluation.PeriodClosing;
import cn.duban.evaluation.SchemeIndicator;
import cn.duban.evaluation.SchemeInput;
import cn.duban.evaluation.SchemeService;
import cn.duban.evaluation.SchemeType;
import cn.duban.ledger.ProgressReport;
import cn.duban.ledger.ProgressReportQueries;
import cn.duban.ledger.ProgressReportService;
import cn.duban.ledger.PublishingService;
import cn.duban.ledger.Rating;
import cn.duban.ledger.ReminderService;
import cn.duban.ledger.ReportState;
import cn.duban.ledger.ReviewService;
import cn.duban.ledger.Task;
import cn.duban.plan.Plan;
import cn.duban.plan.PlanDocument;
import cn.duban.plan.PlanImport;
import cn.duban.plan.PlanService;
import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.PlanLevel;
import cn.duban.platform.AppClock;
import cn.duban.platform.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes the demo year into one tenant through the application's own services, each step as the
 * person who would take it (the district office, a unit's liaison) and at the step's date on {@link
 * AppClock}. The caller runs {@link #prepare} and {@link #steps} in a transaction each (see {@link
 * DemoYear}); a tenant whose demo plan has reports already is left alone.
 */
@Stateless
public class DemoYearWriter {

    /** The source name the demo plan is saved under: how a second run knows the year is there. */
    public static final String SOURCE_NAME = "演示：2025年普陀区政务公开工作要点（按本年度改写）";

    static final String SEED = "putuo-district-2025.txt";

    /** What a run wrote, for the log and the tests. */
    public record Outcome(int year, int tasks, Map<DemoScript.Action, Integer> steps) {}

    @PersistenceContext EntityManager em;

    @EJB PlanService plans;
    @EJB PlanImport imports;
    @EJB PublishingService publishing;
    @EJB ProgressReportService reports;

    @EJB ProgressReportQueries reportQueries;

    @EJB ReviewService reviews;
    @EJB ReminderService reminders;
    @EJB SchemeService schemes;
    @EJB PeriodClosing closing;
    @EJB CircularService circulars;

    /**
     * The first part of the year as of {@code today}: the plan imported and published and the
     * scheme saved. Returns the plan to write the year's steps into, or null when the year is
     * complete. A plan without any report is a year whose steps failed: they are written again.
     */
    public UUID prepare(String tenant, LocalDate today) {
        int year = DemoScript.planYear(today);
        Caller office = office(tenant);
        Plan present =
                as(office, null, () -> plans.list(year, PlanLevel.DISTRICT)).stream()
                        .filter(p -> SOURCE_NAME.equals(p.getSourceName()))
                        .findFirst()
                        .orElse(null);
        if (present != null) {
            long reports =
                    em.createQuery(
                                    "select count(r) from ProgressReport r where r.task.planId = :p",
                                    Long.class)
                            .setParameter("p", present.getId())
                            .getSingleResult();
            return reports > 0 ? null : present.getId();
        }

        String text = seed(year);
        LocalDate imported = DemoScript.importDay(year);
        Plan plan =
                as(
                        office,
                        imported.atTime(9, 30),
                        () ->
                                imports.save(
                                        text,
                                        SOURCE_NAME,
                                        staged(
                                                imports.preview(
                                                        text,
                                                        SOURCE_NAME,
                                                        year,
                                                        PlanLevel.DISTRICT))));
        UUID planId = plan.getId();
        PlanDocument saved = as(office, null, () -> plans.document(planId));
        Set<UUID> keyPoints = new LinkedHashSet<>();
        for (PlanDocument.Section s : saved.sections()) {
            if (!s.points().isEmpty()) keyPoints.add(s.points().get(0).id());
        }
        LocalDate published = DemoScript.publishDay(year);
        as(
                office,
                published.atTime(10, 0),
                () ->
                        publishing.publish(
                                planId, new PublishingService.Request(null, keyPoints, true)));
        as(office, published.atTime(11, 0), () -> schemes.save(scheme(year, saved)));
        return planId;
    }

    /** The year's steps (reports, reviews, reminders, closings, circulars) on the prepared plan. */
    public Outcome steps(String tenant, LocalDate today, UUID planId) {
        int year = DemoScript.planYear(today);
        Caller office = office(tenant);

        List<TaskSeed> seeds = new ArrayList<>();
        Map<UUID, String> unitOf = new HashMap<>();
        List<Object[]> rows =
                em.createQuery(
                                "select t.id, t.deadline, t.unit.code from Task t where t.planId = :p "
                                        + "order by t.point.position, t.title, t.unit.code",
                                Object[].class)
                        .setParameter("p", planId)
                        .getResultList();
        for (Object[] r : rows) {
            seeds.add(new TaskSeed((UUID) r[0], (LocalDate) r[1], seeds.size()));
            unitOf.put((UUID) r[0], (String) r[2]);
        }
        List<Step> script = DemoScript.script(year, seeds, today);
        Map<DemoScript.Action, Integer> counts = new java.util.EnumMap<>(DemoScript.Action.class);
        DemoEvidence evidence = new DemoEvidence();
        int done = 0;
        for (Step step : script) {
            Caller who =
                    step.task() == null
                            ? office
                            : switch (step.action()) {
                                case PROGRESS, FINAL, RESUBMIT ->
                                        new Caller(
                                                "pt-" + unitOf.get(step.task()),
                                                tenant,
                                                unitOf.get(step.task()),
                                                Set.of(Caller.UNIT_REPORTER));
                                default -> office;
                            };
            as(who, step.at(), () -> perform(step, year, evidence));
            counts.merge(step.action(), 1, Integer::sum);
            // One transaction for the year, but a small persistence context: every step reads
            // afresh.
            if (++done % 50 == 0) {
                em.flush();
                em.clear();
            }
        }
        return new Outcome(year, seeds.size(), counts);
    }

    private Object perform(Step step, int year, DemoEvidence evidence) {
        return switch (step.action()) {
            case PROGRESS, FINAL -> {
                boolean last = step.action() == DemoScript.Action.FINAL;
                ProgressReport r =
                        reports.create(
                                step.task(),
                                new ProgressReportService.Draft(
                                        DemoTexts.report(step, last), step.value(), null),
                                false,
                                null);
                if (last || step.value() >= 50) {
                    reports.addEvidence(r.getId(), evidence.name(step, last), evidence.png(step));
                }
                yield reports.submit(r.getId(), null);
            }
            case RESUBMIT -> {
                // The returned report's text and evidence carry over; the unit adds what was asked.
                ProgressReport r =
                        reports.create(
                                step.task(),
                                new ProgressReportService.Draft(
                                        DemoTexts.corrected(step), null, null),
                                false,
                                null);
                reports.addEvidence(r.getId(), "补充材料.png", evidence.png(step));
                yield reports.submit(r.getId(), null);
            }
            case APPROVE, RETURN -> {
                ProgressReport pending = pending(step.task());
                if (pending == null) yield null;
                boolean approve = step.action() == DemoScript.Action.APPROVE;
                yield reviews.review(
                        pending.getId(),
                        new ReviewService.Review(
                                approve ? "APPROVE" : "RETURN",
                                approve ? null : DemoTexts.returnComment(step),
                                approve && pending.isFinal()
                                        ? Rating.values()[step.value()].name()
                                        : null),
                        null);
            }
            case REMIND -> {
                Task t = em.find(Task.class, step.task());
                yield t.getStatus().open()
                        ? reminders.remind(step.task(), DemoTexts.reminder(t))
                        : null;
            }
            case CLOSE_QUARTER -> closing.close(Period.quarter(year, step.value()), null);
            case ISSUE_CIRCULAR -> {
                Circular c = circulars.draft(Period.quarter(year, step.value()));
                yield circulars.issue(c.getId(), c.getVersion());
            }
        };
    }

    private ProgressReport pending(UUID taskId) {
        return reportQueries.reports(taskId).stream()
                .filter(r -> r.getState() == ReportState.SUBMITTED)
                .findFirst()
                .orElse(null);
    }

    /** The seed document as this year's: its year and date of issue moved to the plan year. */
    static String seed(int year) {
        try (InputStream in = DemoYearWriter.class.getResourceAsStream(SEED)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("2025年5月20日", year + "年1月8日").replace("2025", String.valueOf(year));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The import review as the office does it: year-round points get staged quarterly deadlines.
     */
    static PlanDocument staged(PlanDocument doc) {
        int[] n = {0};
        List<PlanDocument.Section> sections = new ArrayList<>();
        for (PlanDocument.Section s : doc.sections()) {
            sections.add(
                    new PlanDocument.Section(
                            s.id(), s.number(), s.title(), staged(s.points(), doc.year(), n)));
        }
        return doc.withSections(sections);
    }

    private static List<PlanDocument.Point> staged(
            List<PlanDocument.Point> points, int year, int[] n) {
        List<PlanDocument.Point> out = new ArrayList<>();
        for (PlanDocument.Point p : points) {
            PlanDocument.Deadline d = p.deadline();
            if (d != null && DeadlineKind.YEAR_END_CONTINUOUS.name().equals(d.kind())) {
                LocalDate date = DemoScript.stagedDeadline(year, n[0]++);
                d =
                        new PlanDocument.Deadline(
                                date.getMonthValue() + "月底前",
                                date,
                                DeadlineKind.BY_DATE.name(),
                                null);
            }
            out.add(
                    new PlanDocument.Point(
                            p.id(),
                            p.number(),
                            p.title(),
                            p.text(),
                            p.units(),
                            d,
                            p.milestones(),
                            staged(p.children() == null ? List.of() : p.children(), year, n),
                            p.leaders()));
        }
        return out;
    }

    /** 5 % of the annual assessment; one indicator per section, 100 points shared out. */
    static SchemeInput scheme(int year, PlanDocument plan) {
        List<PlanDocument.Section> sections =
                plan.sections().stream().filter(s -> !s.points().isEmpty()).toList();
        List<SchemeInput.IndicatorInput> indicators = new ArrayList<>();
        int each = 100 / sections.size();
        for (int i = 0; i < sections.size(); i++) {
            PlanDocument.Section s = sections.get(i);
            int points = each + (i == 0 ? 100 - each * sections.size() : 0);
            indicators.add(
                    new SchemeInput.IndicatorInput(
                            shortTitle(s.title()),
                            BigDecimal.valueOf(points),
                            SchemeIndicator.Target.SECTION,
                            s.id()));
        }
        return new SchemeInput(
                year,
                year + "年政务公开工作考核",
                SchemeType.COMPLETION,
                new BigDecimal(5),
                // The script has co-units report on their own tasks and send no contributions to
                // the lead: score them on those reports, not as contributions never sent.
                Map.of("cooperatingScoring", "OWN_REPORTS"),
                "演示数据：按季度关账发布，年度权重5%。",
                indicators);
    }

    private static String shortTitle(String title) {
        int comma = title.indexOf('，');
        if (comma < 0) comma = title.indexOf(',');
        String t = comma > 0 ? title.substring(comma + 1) : title;
        return t.length() > 30 ? t.substring(0, 30) : t;
    }

    private static Caller office(String tenant) {
        return new Caller("pt-admin", tenant, "qfb", Set.of(Caller.DISTRICT_ADMIN));
    }

    /** Work as a caller at a step's moment (null: now). */
    private static <T> T as(Caller who, java.time.LocalDateTime at, Supplier<T> work) {
        Object[] result = new Object[1];
        Caller.runAs(
                who,
                () ->
                        result[0] =
                                at == null
                                        ? work.get()
                                        : AppClock.at(DemoScript.instant(at), work));
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
