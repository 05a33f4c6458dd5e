package cn.duban.scale;

import static cn.duban.scale.Seeds.Stream;

import cn.duban.ledger.Checkpoints;
import cn.duban.ledger.TaskStatus;
import cn.duban.plan.parse.DeadlineKind;
import cn.duban.plan.parse.Milestone;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One tenant's data as a skeleton: units, plans with sections and points, and tasks with their
 * status and number of reports. Built deterministically from (seed, tenant), so each table's loader
 * can rebuild it instead of keeping 300 tenants in memory; texts and report histories are derived
 * on demand from their own random streams.
 *
 * <p>Tasks are what the sizes ask for: points are drawn until the tenant's task quota is met, and
 * each point publishes one task per responsible unit (collectives such as 各街镇 expanded), as {@code
 * PublishingService} would.
 */
final class TenantModel {

    static final String OFFICE = "DISTRICT_OFFICE", DEPARTMENT = "DEPARTMENT", TOWN = "TOWN";

    /**
     * Report ids are keyed by (task index << 12 | report number): well under 4096 reports a task.
     */
    static final int MAX_REPORTS_PER_TASK = 400;

    record Unit(
            int index,
            UUID id,
            String code,
            String name,
            List<String> aliases,
            String kind,
            String rankingGroup) {}

    /**
     * createdAt and publishedAt are raw moments: written through {@link #officeHours}, like the
     * reports.
     */
    record Plan(
            int index,
            UUID id,
            int year,
            String title,
            String docNumber,
            LocalDate issuedOn,
            long createdAt,
            long publishedAt,
            int firstSection,
            int sectionCount,
            int firstPoint,
            int pointCount) {}

    record Section(int index, UUID id, int plan, int position, String number, String title) {}

    /** A responsible unit as the plan names it (plan_point_unit): a unit or a collective. */
    record Named(String name, boolean collective, int unit, boolean lead) {}

    record Assignee(int unit, boolean lead) {}

    static final class Point {
        int index;
        UUID id;
        int plan;
        int section;
        int parent = -1;
        int position;
        int depth;
        String number;
        String title;
        DeadlineKind kind;
        String deadlineText;
        LocalDate deadline;
        String frequency;
        List<Milestone> milestones = List.of();
        List<Checkpoints.Planned> checkpoints = List.of();
        boolean key;
        boolean leaf = true;
        List<Named> named = List.of();
    }

    static final class Task {
        int index;
        UUID id;
        int point;
        int unit;
        boolean lead;
        TaskStatus status;

        /** Non-final submitted reports (approved, some returned) before the tail. */
        int k;

        int minK;
        boolean draft;
        boolean finalReturned;

        /** Reports after the k progress reports, fixed by the status. */
        int tail() {
            return switch (status) {
                case ASSIGNED, CANCELLED -> 0;
                case IN_PROGRESS -> draft ? 1 : 0;
                case SUBMITTED, RETURNED -> 1;
                case APPROVED -> finalReturned ? 2 : 1;
            };
        }

        int reports() {
            return k + tail();
        }
    }

    final long seed;
    final int tenant;
    final Vocabulary.District district;
    final Sizes sizes;
    final long createdAt;
    final String admin;
    final List<Unit> units = new ArrayList<>();
    final List<Plan> plans = new ArrayList<>();
    final List<Section> sections = new ArrayList<>();
    final List<Point> points = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();
    private int[] towns;
    private int[] departments;

    private TenantModel(long seed, int tenant, Vocabulary.District district, Sizes sizes) {
        this.seed = seed;
        this.tenant = tenant;
        this.district = district;
        this.sizes = sizes;
        this.createdAt = createdAt(sizes, tenant);
        this.admin = district.id() + "-admin";
    }

    enum Depth {
        UNITS,
        PLANS,
        STATUSES
    }

    /**
     * Builds as much as a loader needs: units; plus plans, points and tasks; plus statuses and
     * report counts.
     */
    static TenantModel build(
            long seed, int tenant, Vocabulary.District district, Sizes sizes, Depth depth) {
        TenantModel m = new TenantModel(seed, tenant, district, sizes);
        m.buildUnits();
        if (depth == Depth.UNITS) return m;
        m.buildPlans();
        if (depth == Depth.PLANS) return m;
        m.drawStatuses();
        return m;
    }

    /** When the tenant was set up: before its first plan year. */
    static long createdAt(Sizes sizes, int tenant) {
        return epoch(LocalDate.of(firstYear(sizes) - 1, 12, 1), 10 * 3600) + tenant * 60L;
    }

    static int firstYear(Sizes sizes) {
        return sizes.asOf().getYear() - sizes.years() + 1;
    }

    /** Epoch seconds of a local time of day in the district (UTC+8). */
    static long epoch(LocalDate day, int secondOfDay) {
        return day.toEpochDay() * 86_400 + secondOfDay - CopyWriter.OFFSET_SECONDS;
    }

    /**
     * Moves a moment into the same day's office hours (09:00–18:00 in the district) by squeezing
     * the whole day into them: increasing, so the order of events is kept.
     */
    static long officeHours(long epochSecond) {
        long dayStart = epoch(dateOf(epochSecond), 0);
        return dayStart + 9 * 3600 + (epochSecond - dayStart) * 9 / 24;
    }

    static LocalDate dateOf(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + CopyWriter.OFFSET_SECONDS, 86_400));
    }

    String reporter(int unit) {
        return district.id() + "-" + units.get(unit).code();
    }

    Point point(Task t) {
        return points.get(t.point);
    }

    Plan plan(Point p) {
        return plans.get(p.plan);
    }

    long checkpointRows() {
        long n = 0;
        for (Task t : tasks) n += points.get(t.point).checkpoints.size();
        return n;
    }

    long reportRows() {
        long n = 0;
        for (Task t : tasks) n += t.reports();
        return n;
    }

    long pointUnitRows() {
        long n = 0;
        for (Point p : points) n += p.named.size();
        return n;
    }

    // ---- units: the district office, towns (街镇组) and departments (部门组), all under the office

    private void buildUnits() {
        SplittableRandom r = Seeds.rng(seed, Stream.UNIT, tenant, 0);
        int n = (int) Sizes.share(sizes.units(), sizes.tenants(), tenant);
        int townCount = (int) Math.round((n - 1) * (0.25 + 0.15 * r.nextDouble()));
        townCount = Math.max(Math.min(townCount, 20), Math.min(10, (n - 1) / 2));
        townCount = Math.max(1, Math.min(townCount, n - 2));
        int deptCount = n - 1 - townCount;

        addUnit("qfb", "区府办", List.of("区政府办公室", "区政府办", district.name() + "人民政府办公室"), OFFICE, null);
        departments = new int[deptCount];
        List<Vocabulary.Department> depts = Vocabulary.departments(deptCount);
        for (int i = 0; i < deptCount; i++) {
            Vocabulary.Department d = depts.get(i);
            departments[i] = addUnit(d.code(), d.name(), d.aliases(), DEPARTMENT, "部门组");
        }
        towns = new int[townCount];
        List<Vocabulary.Town> townNames = Vocabulary.towns(r, townCount);
        for (int i = 0; i < townCount; i++) {
            towns[i] =
                    addUnit(
                            townNames.get(i).code(),
                            townNames.get(i).name(),
                            List.of(),
                            TOWN,
                            "街镇组");
        }
    }

    private int addUnit(String code, String name, List<String> aliases, String kind, String group) {
        int index = units.size();
        units.add(
                new Unit(
                        index,
                        Seeds.uuid(seed, Stream.UNIT, tenant, index),
                        code,
                        name,
                        aliases,
                        kind,
                        group));
        return index;
    }

    // ---- plans: a few district plans a year, their points drawn until the year's task quota is
    // met

    private void buildPlans() {
        SplittableRandom r = Seeds.rng(seed, Stream.PLAN, tenant, 0);
        long quota = Sizes.share(sizes.tasks(), sizes.tenants(), tenant);
        int first = firstYear(sizes), last = sizes.asOf().getYear();
        // Earlier years weigh a quarter of the current one: most open work is this year's.
        double weights = 1 + 0.25 * (last - first);
        long left = quota;
        for (int year = first; year <= last; year++) {
            long yearQuota = year == last ? left : Math.round(quota * 0.25 / weights);
            left -= yearQuota;
            if (yearQuota > 0) buildYear(r, year, yearQuota);
        }
    }

    private void buildYear(SplittableRandom r, int year, long quota) {
        int count = (int) Math.min(6 + r.nextInt(5), quota);
        List<String> topics = new ArrayList<>(List.of(Vocabulary.PLAN_TOPICS));
        Vocabulary.shuffle(r, topics);
        double[] weight = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) sum += weight[i] = 0.6 + 0.8 * r.nextDouble();
        long left = quota;
        int docNumber = 1 + r.nextInt(20);
        LocalDate latestIssue = sizes.asOf().minusDays(20);
        // Document numbers count up with the issue date.
        LocalDate[] issuedOn = new LocalDate[count];
        for (int i = 0; i < count; i++) {
            issuedOn[i] = LocalDate.of(year, 1, 10).plusDays(r.nextInt(110));
            if (issuedOn[i].isAfter(latestIssue)) issuedOn[i] = latestIssue;
        }
        java.util.Arrays.sort(issuedOn);
        for (int i = 0; i < count; i++) {
            long target =
                    i == count - 1
                            ? left
                            : Math.max(
                                    1,
                                    Math.min(
                                            left - (count - 1 - i),
                                            Math.round(quota * weight[i] / sum)));
            left -= target;
            LocalDate issued = issuedOn[i];
            long created =
                    epoch(issued.plusDays(1 + r.nextInt(4)), 10 * 3600 + r.nextInt(6 * 3600));
            long published = created + 86_400L * (1 + r.nextInt(10)) + r.nextInt(4 * 3600);
            long latestPublish = epoch(sizes.asOf().minusDays(2), 15 * 3600);
            if (published > latestPublish) published = latestPublish;
            if (created >= published) created = published - 3600;
            String title =
                    year
                            + "年"
                            + district.name()
                            + topics.get(i % topics.size())
                            + "工作要点"
                            + (i < topics.size()
                                    ? ""
                                    : "（" + Vocabulary.chineseNumber(i / topics.size() + 1) + "）");
            String doc =
                    district.abbreviation()
                            + "府办〔"
                            + year
                            + "〕"
                            + (docNumber += 1 + r.nextInt(6))
                            + "号";
            int index = plans.size();
            int firstPoint = points.size(), firstSection = sections.size();
            buildPoints(index, year, issued, target);
            int sectionCount = buildSections(index, firstPoint);
            plans.add(
                    new Plan(
                            index,
                            Seeds.uuid(seed, Stream.PLAN, tenant, index),
                            year,
                            title,
                            doc,
                            issued,
                            created,
                            published,
                            firstSection,
                            sectionCount,
                            firstPoint,
                            points.size() - firstPoint));
        }
    }

    /** Splits the plan's top-level points into 4–7 contiguous sections (一、二、…). */
    private int buildSections(int plan, int firstPoint) {
        SplittableRandom r = Seeds.rng(seed, Stream.SECTION, tenant, plan);
        List<Point> top = new ArrayList<>();
        for (int i = firstPoint; i < points.size(); i++)
            if (points.get(i).depth == 0) top.add(points.get(i));
        int count = Math.max(1, Math.min(4 + r.nextInt(4), top.size()));
        List<String> titles = Vocabulary.sectionTitles(r, count);
        int base = sections.size();
        for (int s = 0; s < count; s++) {
            sections.add(
                    new Section(
                            base + s,
                            Seeds.uuid(seed, Stream.SECTION, tenant, base + s),
                            plan,
                            s,
                            Vocabulary.chineseNumber(s + 1),
                            titles.get(s)));
        }
        for (int i = 0; i < top.size(); i++) {
            int s = base + (int) ((long) i * count / top.size());
            Point p = top.get(i);
            p.section = s;
            for (int j = p.index + 1; j < points.size() && points.get(j).parent == p.index; j++)
                points.get(j).section = s;
        }
        return count;
    }

    private void buildPoints(int plan, int year, LocalDate issued, long target) {
        long remaining = target;
        int number = 0, position = 0;
        while (remaining > 0) {
            SplittableRandom r = Seeds.rng(seed, Stream.POINT, tenant, points.size());
            Map<Integer, Boolean> assignees = new LinkedHashMap<>();
            List<Named> named = assign(r, assignees);
            // Some points are headings with sub-points (（1）（2）…) that inherit the heading's units.
            if (r.nextInt(100) < 12) {
                int children = 2 + r.nextInt(2);
                if ((long) assignees.size() * children <= remaining) {
                    Point parent =
                            newPoint(
                                    r,
                                    plan,
                                    year,
                                    issued,
                                    position++,
                                    0,
                                    String.valueOf(++number),
                                    -1);
                    parent.leaf = false;
                    parent.named = named;
                    for (int c = 0; c < children; c++) {
                        Point child =
                                newPoint(
                                        r,
                                        plan,
                                        year,
                                        issued,
                                        position++,
                                        1,
                                        "(" + (c + 1) + ")",
                                        parent.index);
                        addTasks(child, assignees);
                    }
                    remaining -= (long) assignees.size() * children;
                    continue;
                }
            }
            if (assignees.size() > remaining) {
                assignees.clear();
                named = assignExactly(r, (int) remaining, assignees);
            }
            Point p = newPoint(r, plan, year, issued, position++, 0, String.valueOf(++number), -1);
            p.named = named;
            addTasks(p, assignees);
            remaining -= assignees.size();
        }
    }

    /** Who a point names: a lead, a few co-operating departments, sometimes 各街镇 or 各部门. */
    private List<Named> assign(SplittableRandom r, Map<Integer, Boolean> assignees) {
        List<Named> named = new ArrayList<>();
        int lead = pickLead(r);
        named.add(new Named(units.get(lead).name(), false, lead, true));
        assignees.put(lead, true);
        int roll = r.nextInt(100);
        int cooperating =
                Math.min(roll < 30 ? 0 : roll < 65 ? 1 : roll < 90 ? 2 : 3, departments.length - 1);
        for (int i = 0, tries = 0; i < cooperating && tries < 20; tries++) {
            int u = departments[r.nextInt(departments.length)];
            if (assignees.containsKey(u)) continue;
            named.add(new Named(units.get(u).name(), false, u, false));
            assignees.put(u, false);
            i++;
        }
        if (towns.length >= 2 && r.nextInt(100) < 15) {
            named.add(new Named("各街镇", true, -1, false));
            for (int u : towns) assignees.putIfAbsent(u, false);
        }
        if (departments.length >= 2 && r.nextInt(100) < 3) {
            named.add(new Named("各部门", true, -1, false));
            for (int u : departments) assignees.putIfAbsent(u, false);
        }
        return named;
    }

    /** Exactly n units, each named (the plan's last point, cut to the quota). */
    private List<Named> assignExactly(SplittableRandom r, int n, Map<Integer, Boolean> assignees) {
        List<Named> named = new ArrayList<>();
        int lead = pickLead(r);
        named.add(new Named(units.get(lead).name(), false, lead, true));
        assignees.put(lead, true);
        while (assignees.size() < n) {
            int u = r.nextInt(units.size());
            if (assignees.containsKey(u)) continue;
            named.add(new Named(units.get(u).name(), false, u, false));
            assignees.put(u, false);
        }
        return named;
    }

    private int pickLead(SplittableRandom r) {
        int roll = r.nextInt(100);
        if (roll < 8) return 0;
        if (roll < 33) return towns[r.nextInt(towns.length)];
        return departments[r.nextInt(departments.length)];
    }

    private void addTasks(Point p, Map<Integer, Boolean> assignees) {
        for (Map.Entry<Integer, Boolean> a : assignees.entrySet()) {
            Task t = new Task();
            t.index = tasks.size();
            t.id = Seeds.uuid(seed, Stream.TASK, tenant, t.index);
            t.point = p.index;
            t.unit = a.getKey();
            t.lead = a.getValue();
            tasks.add(t);
        }
    }

    private Point newPoint(
            SplittableRandom r,
            int plan,
            int year,
            LocalDate issued,
            int position,
            int depth,
            String number,
            int parent) {
        Point p = new Point();
        p.index = points.size();
        p.id = Seeds.uuid(seed, Stream.POINT, tenant, p.index);
        p.plan = plan;
        p.position = position;
        p.depth = depth;
        p.number = number;
        p.parent = parent;
        p.title = Vocabulary.pointTitle(r);
        p.key = r.nextInt(100) < 10;
        deadline(r, p, year, issued);
        p.checkpoints = Checkpoints.of(p.kind, p.frequency, p.deadline, p.milestones);
        points.add(p);
        return p;
    }

    /** A deadline phrase (完成时限) and its reading, in the mix of real work-point documents. */
    private static void deadline(SplittableRandom r, Point p, int year, LocalDate issued) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        int roll = r.nextInt(100);
        p.deadline = yearEnd;
        if (roll < 30) {
            p.kind = DeadlineKind.YEAR_END_CONTINUOUS;
            p.deadlineText = Vocabulary.pick(r, new String[] {"全年", "年底前", "持续推进", "全年持续推进"});
        } else if (roll < 65) {
            p.kind = DeadlineKind.BY_DATE;
            int month = 2 + r.nextInt(11);
            if (r.nextInt(10) < 7) {
                p.deadline = YearMonth.of(year, month).atEndOfMonth();
                p.deadlineText = month + "月底前";
            } else {
                int day = 10 + 5 * r.nextInt(4);
                p.deadline = LocalDate.of(year, month, day);
                p.deadlineText = month + "月" + day + "日前";
            }
        } else if (roll < 75) {
            p.kind = DeadlineKind.PERIOD;
            int q = r.nextInt(5);
            p.deadlineText =
                    q == 0 ? "上半年" : q == 4 ? "下半年" : "第" + Vocabulary.chineseNumber(q) + "季度";
            p.deadline =
                    q == 0
                            ? LocalDate.of(year, 6, 30)
                            : q == 4 ? yearEnd : YearMonth.of(year, q * 3).atEndOfMonth();
        } else if (roll < 87) {
            p.kind = DeadlineKind.RECURRING;
            int f = r.nextInt(10);
            p.deadlineText = f < 7 ? "每季度" : f < 9 ? "每半年" : "每月";
            p.frequency = f < 7 ? "QUARTERLY" : f < 9 ? "HALF_YEARLY" : "MONTHLY";
        } else if (roll < 92) {
            p.kind = DeadlineKind.FREQUENCY;
            int n = 2 + r.nextInt(3);
            p.deadlineText = "年内至少" + n + "次";
            p.frequency = "AT_LEAST_" + n + "_PER_YEAR";
        } else if (roll < 95) {
            p.kind = DeadlineKind.RELATIVE;
            p.deadlineText = r.nextBoolean() ? "决策出台后10个工作日内" : "项目立项后3个月内";
        } else {
            p.kind = DeadlineKind.DEFAULT;
        }
        // A document does not set dates that have passed by the time it is issued.
        if (p.deadline.isBefore(issued.plusDays(30))) {
            p.kind = DeadlineKind.YEAR_END_CONTINUOUS;
            p.deadlineText = "年底前";
            p.deadline = yearEnd;
        }
        // Dated steps in the text (6月底前完成方案制定) become the tasks' checkpoints.
        boolean canHaveSteps =
                p.kind == DeadlineKind.YEAR_END_CONTINUOUS
                        || (p.kind == DeadlineKind.BY_DATE && p.deadline.getMonthValue() >= 6);
        int from = issued.getYear() == year ? issued.getMonthValue() + 1 : 1,
                to = p.deadline.getMonthValue() - 1;
        if (canHaveSteps && to >= from && r.nextInt(100) < 20) {
            int steps = 1 + r.nextInt(2);
            List<Milestone> ms = new ArrayList<>();
            Set<Integer> months = new HashSet<>();
            for (int i = 0; i < steps; i++) {
                int month = from + r.nextInt(to - from + 1);
                if (!months.add(month)) continue;
                ms.add(
                        new Milestone(
                                month + "月底前" + Vocabulary.milestoneAction(r),
                                YearMonth.of(year, month).atEndOfMonth()));
            }
            ms.sort(java.util.Comparator.comparing(Milestone::date));
            p.milestones = List.copyOf(ms);
        }
    }

    // ---- statuses and how many reports each task has

    /**
     * Status by deadline against asOf (past deadlines mostly approved, later ones mostly open),
     * then report counts drawn to the tenant's report quota: a geometric number of progress reports
     * per task, nudged one at a time until the total is exact.
     */
    private void drawStatuses() {
        LocalDate asOf = sizes.asOf();
        long fixed = 0;
        int eligible = 0;
        for (Task t : tasks) {
            SplittableRandom r = Seeds.rng(seed, Stream.TASK, tenant, t.index);
            boolean past = points.get(t.point).deadline.isBefore(asOf);
            double u = r.nextDouble();
            t.status =
                    past
                            ? pick(u, 0.88, 0.03, 0.03, 0.04, 0.01)
                            : pick(u, 0.12, 0.06, 0.04, 0.53, 0.24);
            t.draft = t.status == TaskStatus.IN_PROGRESS && r.nextInt(100) < 30;
            t.finalReturned = t.status == TaskStatus.APPROVED && r.nextInt(100) < 12;
            // A cancelled task had reported; an in-progress one without a draft has an approved
            // report.
            t.minK =
                    t.status == TaskStatus.CANCELLED
                                    || (t.status == TaskStatus.IN_PROGRESS && !t.draft)
                            ? 1
                            : 0;
            t.k = t.minK;
            fixed += t.reports();
            if (t.status != TaskStatus.ASSIGNED) eligible++;
        }
        long quota = Sizes.share(sizes.reports(), sizes.tenants(), tenant);
        double mean = eligible == 0 ? 0 : Math.max(0, quota - fixed) / (double) eligible;
        long total = fixed;
        int[] open = new int[eligible];
        int n = 0;
        for (Task t : tasks) {
            if (t.status == TaskStatus.ASSIGNED) continue;
            open[n++] = t.index;
            if (mean > 0) {
                SplittableRandom r = Seeds.rng(seed, Stream.TASK_ADJUST, tenant, t.index);
                double u = r.nextDouble();
                int extra =
                        (int)
                                Math.min(
                                        MAX_REPORTS_PER_TASK - t.k,
                                        Math.floor(Math.log1p(-u) / Math.log(mean / (1 + mean))));
                t.k += extra;
                total += extra;
            }
        }
        SplittableRandom r = Seeds.rng(seed, Stream.TASK_ADJUST, tenant, -1);
        for (int tries = 0; total < quota && n > 0 && tries < 100 * (quota - total + n); tries++) {
            Task t = tasks.get(open[r.nextInt(n)]);
            if (t.k < MAX_REPORTS_PER_TASK) {
                t.k++;
                total++;
            }
        }
        for (boolean progress = true; total > quota && progress; ) {
            progress = false;
            int start = n == 0 ? 0 : r.nextInt(n);
            for (int i = 0; i < n && total > quota; i++) {
                Task t = tasks.get(open[(start + i) % n]);
                if (t.k > t.minK) {
                    t.k--;
                    total--;
                    progress = true;
                }
            }
        }
    }

    /**
     * Approved, submitted, returned, in progress, assigned by the given shares; the rest cancelled.
     */
    private static TaskStatus pick(
            double u,
            double approved,
            double submitted,
            double returned,
            double inProgress,
            double assigned) {
        if ((u -= approved) < 0) return TaskStatus.APPROVED;
        if ((u -= submitted) < 0) return TaskStatus.SUBMITTED;
        if ((u -= returned) < 0) return TaskStatus.RETURNED;
        if ((u -= inProgress) < 0) return TaskStatus.IN_PROGRESS;
        if ((u -= assigned) < 0) return TaskStatus.ASSIGNED;
        return TaskStatus.CANCELLED;
    }

    // ---- texts, derived on demand

    /** The point's whole text as the document has it (without its number). */
    String pointText(Point p) {
        SplittableRandom r = Seeds.rng(seed, Stream.POINT_TEXT, tenant, p.index);
        StringBuilder sb = new StringBuilder(p.title).append(Vocabulary.pointDetails(r));
        for (Milestone m : p.milestones) sb.append('，').append(m.text());
        sb.append('。');
        List<String> names = new ArrayList<>();
        for (Named n : p.named)
            names.add(n.name() + (n.lead() && p.named.size() > 1 ? "（牵头）" : ""));
        if (!names.isEmpty() || p.deadlineText != null) {
            sb.append('（');
            if (!names.isEmpty()) sb.append("责任单位：").append(String.join("、", names));
            if (!names.isEmpty() && p.deadlineText != null) sb.append('；');
            if (p.deadlineText != null) sb.append("完成时限：").append(p.deadlineText);
            sb.append('）');
        }
        return sb.toString();
    }

    /** The document as imported: cover note, title, preamble, then sections and points. */
    String sourceText(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(district.name())
                .append("人民政府办公室关于印发")
                .append(plan.title())
                .append("的通知\n")
                .append("区政府各委、办、局，各街道办事处、镇政府：\n")
                .append("经区政府同意，现将《")
                .append(plan.title())
                .append("》印发给你们，请认真贯彻落实。\n")
                .append(district.name())
                .append("人民政府办公室\n")
                .append(plan.issuedOn().getYear())
                .append('年')
                .append(plan.issuedOn().getMonthValue())
                .append('月')
                .append(plan.issuedOn().getDayOfMonth())
                .append("日\n")
                .append(plan.title())
                .append('\n')
                .append("为深入贯彻落实区委、区政府决策部署，推动各项工作落地见效，制定本工作要点。\n");
        int section = -1;
        for (int i = plan.firstPoint(); i < plan.firstPoint() + plan.pointCount(); i++) {
            Point p = points.get(i);
            if (p.section != section) {
                section = p.section;
                Section s = sections.get(section);
                sb.append(s.number()).append('、').append(s.title()).append('\n');
            }
            sb.append(p.number).append(p.depth == 0 ? "." : "").append(pointText(p)).append('\n');
        }
        return sb.toString();
    }
}
