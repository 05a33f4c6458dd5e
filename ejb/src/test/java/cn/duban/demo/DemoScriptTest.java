package cn.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.demo.DemoScript.Action;
import cn.duban.demo.DemoScript.Step;
import cn.duban.demo.DemoScript.TaskSeed;
import cn.duban.evaluation.SchemeInput;
import cn.duban.plan.PlanDocument;
import cn.duban.platform.AppClock;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoScriptTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    /** 716 tasks like the published seed plan: deadlines at the quarters' ends and a few dated. */
    static List<TaskSeed> tasks(int year) {
        List<TaskSeed> out = new ArrayList<>();
        for (int i = 0; i < 716; i++) {
            LocalDate d =
                    i % 10 == 9
                            ? LocalDate.of(year, 8, 31)
                            : DemoScript.stagedDeadline(year, i / 33);
            out.add(new TaskSeed(new UUID(0, i), d, i));
        }
        return out;
    }

    @Test
    void thePlanYearIsThisYearOnceItsFirstQuarterIsCirculatedElseLastYear() {
        assertThat(DemoScript.planYear(TODAY)).isEqualTo(2026);
        assertThat(DemoScript.planYear(LocalDate.of(2026, 1, 5))).isEqualTo(2025);
        // Q1 2026 closes on Friday 3 April; its circular follows on Monday 6 April.
        assertThat(DemoScript.closeDay(2026, 1)).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(DemoScript.issueDay(2026, 1)).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(DemoScript.planYear(LocalDate.of(2026, 4, 6))).isEqualTo(2025);
        assertThat(DemoScript.planYear(LocalDate.of(2026, 4, 7))).isEqualTo(2026);
        assertThat(DemoScript.planYear(LocalDate.of(2026, 12, 31))).isEqualTo(2026);
    }

    @Test
    void stagedDeadlinesTakeTheQuartersInTurn() {
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(i -> DemoScript.stagedDeadline(2026, i)))
                .containsExactly(
                        LocalDate.of(2026, 3, 31),
                        LocalDate.of(2026, 6, 30),
                        LocalDate.of(2026, 9, 30),
                        LocalDate.of(2026, 12, 31),
                        LocalDate.of(2026, 3, 31));
        assertThat(DemoScript.importDay(2026)).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(DemoScript.publishDay(2026)).isEqualTo(LocalDate.of(2026, 1, 13));
    }

    @Test
    void aYearInProgressHasEveryKindOfWorkAndNothingAfterYesterday() {
        List<Step> script = DemoScript.script(2026, tasks(2026), TODAY);

        assertThat(script).isSortedAccordingTo(java.util.Comparator.comparing(Step::at));
        assertThat(script)
                .allSatisfy(
                        s -> {
                            assertThat(s.at().toLocalDate()).isBefore(TODAY);
                            assertThat(s.at().toLocalDate()).isAfter(DemoScript.publishDay(2026));
                            assertThat(s.at().getDayOfWeek())
                                    .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                        });
        Map<Action, Long> counts =
                script.stream()
                        .collect(
                                Collectors.groupingBy(
                                        Step::action,
                                        () -> new EnumMap<>(Action.class),
                                        Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Action.values());
        // Q1–Q3 are over and closed by 30 November; Q4 is running.
        assertThat(script.stream().filter(s -> s.action() == Action.CLOSE_QUARTER).map(Step::value))
                .containsExactly(1, 2, 3);
        assertThat(
                        script.stream()
                                .filter(s -> s.action() == Action.ISSUE_CIRCULAR)
                                .map(Step::value))
                .containsExactly(1, 2, 3);

        Map<UUID, List<Step>> byTask =
                script.stream()
                        .filter(s -> s.task() != null)
                        .collect(Collectors.groupingBy(Step::task));
        int late = 0, overdue = 0, pending = 0, returnedOpen = 0;
        for (TaskSeed t : tasks(2026)) {
            List<Step> steps = byTask.getOrDefault(t.id(), List.of());
            // Well-formed: a review follows a submission, a resubmission follows a return.
            Action last = null;
            for (Step s : steps) {
                switch (s.action()) {
                    case APPROVE, RETURN ->
                            assertThat(last).isIn(Action.PROGRESS, Action.FINAL, Action.RESUBMIT);
                    case RESUBMIT -> assertThat(last).isEqualTo(Action.RETURN);
                    case PROGRESS, FINAL -> assertThat(last).isIn(null, Action.APPROVE);
                    default -> {}
                }
                if (s.action() != Action.REMIND) last = s.action();
            }
            boolean finished =
                    steps.stream().anyMatch(s -> s.action() == Action.FINAL)
                            && last == Action.APPROVE;
            if (steps.stream()
                    .anyMatch(
                            s ->
                                    s.action() == Action.FINAL
                                            && s.at().toLocalDate().isAfter(t.deadline()))) late++;
            if (t.deadline().isBefore(TODAY) && !finished) overdue++;
            if (last == Action.PROGRESS || last == Action.FINAL || last == Action.RESUBMIT)
                pending++;
            if (last == Action.RETURN) returnedOpen++;
        }
        assertThat(late).as("late").isGreaterThan(20);
        assertThat(overdue).as("overdue").isGreaterThan(10);
        assertThat(pending).as("awaiting review").isGreaterThan(5);
        assertThat(returnedOpen).as("returned, awaiting correction").isGreaterThan(5);
    }

    @Test
    void theSameDayGivesTheSameScript() {
        assertThat(DemoScript.script(2026, tasks(2026), TODAY))
                .isEqualTo(DemoScript.script(2026, tasks(2026), TODAY));
    }

    @Test
    void inJanuaryLastYearIsShownComplete() {
        LocalDate today = LocalDate.of(2027, 1, 20);
        int year = DemoScript.planYear(today);
        assertThat(year).isEqualTo(2026);
        List<Step> script = DemoScript.script(year, tasks(year), today);
        assertThat(script.stream().filter(s -> s.action() == Action.CLOSE_QUARTER).map(Step::value))
                .containsExactly(1, 2, 3, 4);
        assertThat(script).allSatisfy(s -> assertThat(s.at().toLocalDate()).isBefore(today));
    }

    @Test
    void theSeedIsTheTestsSeedMovedToThePlanYear() throws Exception {
        String original;
        try (InputStream in = getClass().getResourceAsStream("/plans/putuo-district-2025.txt")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (InputStream in = DemoYearWriter.class.getResourceAsStream(DemoYearWriter.SEED)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(original);
        }
        String seed = DemoYearWriter.seed(2026);
        assertThat(seed).contains("2026年上海市普陀区政务公开工作要点").contains("2026年1月8日");
        assertThat(seed).doesNotContain("2025");
    }

    @Test
    void theSchemeWeighsFivePercentAndSharesOneHundredPointsAmongTheSections() {
        List<PlanDocument.Section> sections = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PlanDocument.Point p =
                    new PlanDocument.Point(
                            UUID.randomUUID(),
                            "1",
                            "t",
                            "t",
                            List.of(),
                            null,
                            List.of(),
                            List.of(),
                            List.of());
            sections.add(
                    new PlanDocument.Section(UUID.randomUUID(), "一", "一、夯实根基，依法履职", List.of(p)));
        }
        PlanDocument doc =
                new PlanDocument(
                        null, "t", null, null, 2026, null, null, null, null, null, sections,
                        List.of(), List.of(), null, null, null, List.of());
        SchemeInput in = DemoYearWriter.scheme(2026, doc);
        assertThat(in.planWeight()).isEqualByComparingTo(new BigDecimal(5));
        assertThat(in.indicators()).hasSize(3);
        assertThat(
                        in.indicators().stream()
                                .map(SchemeInput.IndicatorInput::points)
                                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(new BigDecimal(100));
        assertThat(in.indicators().get(0).name()).isEqualTo("依法履职");
    }

    @Test
    void theClockGoesBackOnlyForTheDemoYearAndNeverAhead() {
        Instant then = Instant.parse("2026-03-02T02:00:00Z");
        System.clearProperty(AppClock.DEMO_YEAR_PROPERTY);
        if (System.getenv(AppClock.DEMO_YEAR_ENV) == null) {
            assertThatThrownBy(() -> AppClock.at(then, AppClock::now))
                    .isInstanceOf(IllegalStateException.class);
        }
        System.setProperty(AppClock.DEMO_YEAR_PROPERTY, "putuo");
        try {
            assertThat(AppClock.at(then, AppClock::now)).isEqualTo(then);
            assertThat(AppClock.now()).isAfter(then);
            assertThatThrownBy(() -> AppClock.at(Instant.now().plusSeconds(3600), AppClock::now))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            System.clearProperty(AppClock.DEMO_YEAR_PROPERTY);
        }
    }
}
