package cn.duban.scale;

import cn.duban.ledger.Rating;
import cn.duban.ledger.ReportState;
import cn.duban.ledger.TaskStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A task's life up to asOf, as the application would have recorded it: progress reports reviewed
 * one after another (each approval ticking off the next open checkpoint), then the status's tail (a
 * pending or returned submission, a draft, or the final approval at 100%), and the task fields that
 * follow from them (progress, completion, next due date).
 *
 * <p>The window runs from publication to the completion day (approved tasks) or the eve of asOf;
 * progress reports share its first part evenly, the tail sits at its end, and every report is
 * reviewed before the next one is written, as the ledger requires.
 */
final class TaskHistory {

    record Report(
            int seq,
            ReportState state,
            int percent,
            int checkpoint,
            long created,
            long submitted,
            long reviewed,
            Rating rating) {
        boolean isFinal() {
            return percent == 100;
        }
    }

    final List<Report> reports;
    final LocalDate[] checkpointDone;
    final int progress;
    final LocalDate completedOn;
    final Boolean onTime;
    final Rating rating;
    final long lastReportAt;
    final LocalDate nextDue;
    final int version;

    private static final int HOUR = 3600, DAY = 86_400;

    private TaskHistory(
            List<Report> reports,
            LocalDate[] checkpointDone,
            int progress,
            LocalDate completedOn,
            Boolean onTime,
            Rating rating,
            long lastReportAt,
            LocalDate nextDue,
            int version) {
        this.reports = reports;
        this.checkpointDone = checkpointDone;
        this.progress = progress;
        this.completedOn = completedOn;
        this.onTime = onTime;
        this.rating = rating;
        this.lastReportAt = lastReportAt;
        this.nextDue = nextDue;
        this.version = version;
    }

    static TaskHistory of(TenantModel m, TenantModel.Task task) {
        TenantModel.Point point = m.point(task);
        SplittableRandom r = Seeds.rng(m.seed, Seeds.Stream.HISTORY, m.tenant, task.index);
        LocalDate asOf = m.sizes.asOf();
        long asOfStart = TenantModel.epoch(asOf, 0);
        long lastEvening = asOfStart - 6 * HOUR;
        long published = m.plan(point).publishedAt();
        long start = Math.min(published + HOUR + r.nextInt(3 * DAY), lastEvening - 2 * HOUR);
        if (start <= published) start = published + 60;
        long end = lastEvening;
        if (task.status == TaskStatus.APPROVED) {
            LocalDate target =
                    point.deadline.isBefore(asOf)
                            ? point.deadline.plusDays(
                                    r.nextInt(100) < 78 ? -r.nextInt(31) : 1 + r.nextInt(30))
                            : TenantModel.dateOf(start)
                                    .plusDays(
                                            r.nextInt(
                                                    (int)
                                                            Math.max(
                                                                    1,
                                                                    (lastEvening - start) / DAY)));
            end =
                    Math.max(
                            start + 2 * HOUR,
                            Math.min(lastEvening, TenantModel.epoch(target, 17 * HOUR)));
        }
        int tailCount = task.tail();
        double total = end - start;
        // The tail takes the last part of the window (all of it when there are no progress
        // reports).
        double tailSlot =
                tailCount == 0
                        ? 0
                        : task.k == 0
                                ? total / tailCount
                                : Math.min(20.0 * DAY, total * 0.4 / tailCount);
        double progressEnd = end - tailSlot * tailCount;
        double slot = task.k == 0 ? 0 : (progressEnd - start) / task.k;

        int checkpoints = point.checkpoints.size();
        LocalDate[] done = new LocalDate[checkpoints];
        int nextOpen = 0;
        int approvedPercent = 0;
        List<Report> out = new ArrayList<>(task.reports());
        for (int j = 0; j < task.k; j++) {
            double a = start + j * slot;
            long created = (long) (a + slot * (0.05 + 0.15 * r.nextDouble()));
            long submitted = (long) (created + slot * (0.05 + 0.15 * r.nextDouble()));
            long reviewed = (long) (submitted + slot * (0.1 + 0.4 * r.nextDouble()));
            int percent =
                    Math.max(
                            approvedPercent,
                            Math.min(
                                    95,
                                    Math.max(
                                            1,
                                            (int) Math.round(90.0 * (j + 1) / (task.k + 1))
                                                    + r.nextInt(7)
                                                    - 3)));
            // The last progress report stands approved: a task is in progress again only after an
            // approval.
            boolean returned = j < task.k - 1 && r.nextInt(100) < 10;
            int cp = nextOpen < checkpoints ? nextOpen : -1;
            if (returned) {
                add(out, ReportState.RETURNED, percent, cp, created, submitted, reviewed, null);
            } else {
                add(out, ReportState.APPROVED, percent, cp, created, submitted, reviewed, null);
                approvedPercent = percent;
                if (cp >= 0) {
                    done[cp] = TenantModel.dateOf(submitted);
                    nextOpen++;
                }
            }
        }
        int cp = nextOpen < checkpoints ? nextOpen : -1;
        LocalDate completedOn = null;
        Rating rating = null;
        double a = progressEnd;
        switch (task.status) {
            case IN_PROGRESS -> {
                if (task.draft) {
                    double w = Math.max(a, end - 20.0 * DAY), len = end - w;
                    long created = (long) (w + len * (0.2 + 0.7 * r.nextDouble()));
                    add(
                            out,
                            ReportState.DRAFT,
                            nextPercent(r, approvedPercent),
                            cp,
                            created,
                            -1,
                            -1,
                            null);
                }
            }
            case SUBMITTED, RETURNED -> {
                // Pending reviews are recent; a returned report was sent back within the last
                // weeks.
                boolean pending = task.status == TaskStatus.SUBMITTED;
                double w = Math.max(a, end - (pending ? 10.0 : 30.0) * DAY), len = end - w;
                int percent = r.nextInt(100) < 40 ? 100 : nextPercent(r, approvedPercent);
                long created = (long) (w + len * (0.05 + 0.25 * r.nextDouble()));
                long submitted = (long) (created + len * (0.05 + 0.2 * r.nextDouble()));
                long reviewed =
                        pending ? -1 : (long) (submitted + len * (0.05 + 0.4 * r.nextDouble()));
                add(
                        out,
                        task.status == TaskStatus.SUBMITTED
                                ? ReportState.SUBMITTED
                                : ReportState.RETURNED,
                        percent,
                        percent == 100 ? -1 : cp,
                        created,
                        submitted,
                        reviewed,
                        null);
            }
            case APPROVED -> {
                if (task.finalReturned) {
                    long created = (long) (a + tailSlot * (0.05 + 0.2 * r.nextDouble()));
                    long submitted = (long) (created + tailSlot * (0.05 + 0.2 * r.nextDouble()));
                    long reviewed = (long) (submitted + tailSlot * (0.05 + 0.4 * r.nextDouble()));
                    add(out, ReportState.RETURNED, 100, -1, created, submitted, reviewed, null);
                    a += tailSlot;
                }
                // Completion counts from the final submission, which lands on the completion day.
                long submitted =
                        end - (long) (Math.min(6.0 * HOUR, tailSlot * 0.3) * r.nextDouble());
                long created =
                        submitted
                                - 60
                                - (long)
                                        (Math.min(2.0 * DAY, (submitted - a) * 0.5)
                                                * r.nextDouble());
                long reviewed =
                        submitted
                                + 60
                                + (long)
                                        (Math.min(3.0 * DAY, asOfStart - 1800 - submitted - 60)
                                                * r.nextDouble());
                rating = rating(r);
                add(out, ReportState.APPROVED, 100, -1, created, submitted, reviewed, rating);
                completedOn = TenantModel.dateOf(submitted);
                for (int c = 0; c < checkpoints; c++) if (done[c] == null) done[c] = completedOn;
                approvedPercent = 100;
            }
            default -> {}
        }

        long lastReportAt = -1;
        int version = 0;
        for (Report rep : out) {
            if (rep.submitted() >= 0) lastReportAt = Math.max(lastReportAt, rep.submitted());
            version += rep.state() == ReportState.DRAFT ? 1 : rep.reviewed() >= 0 ? 2 : 1;
        }
        LocalDate nextDue = point.deadline;
        for (int c = 0; c < checkpoints; c++) {
            if (done[c] == null) {
                nextDue = point.checkpoints.get(c).due();
                break;
            }
        }
        Boolean onTime = completedOn == null ? null : !completedOn.isAfter(point.deadline);
        return new TaskHistory(
                out,
                done,
                approvedPercent,
                completedOn,
                onTime,
                rating,
                lastReportAt,
                nextDue,
                version);
    }

    /** Records a report with its moments moved into office hours (order and dates kept). */
    private static void add(
            List<Report> out,
            ReportState state,
            int percent,
            int checkpoint,
            long created,
            long submitted,
            long reviewed,
            Rating rating) {
        out.add(
                new Report(
                        out.size(),
                        state,
                        percent,
                        checkpoint,
                        TenantModel.officeHours(created),
                        submitted < 0 ? -1 : TenantModel.officeHours(submitted),
                        reviewed < 0 ? -1 : TenantModel.officeHours(reviewed),
                        rating));
    }

    private static int nextPercent(SplittableRandom r, int after) {
        return Math.min(99, Math.max(1, after + 5 + r.nextInt(16)));
    }

    /** Quality ratings as a district office gives them: mostly 良, some 优, few 中 or 差. */
    private static Rating rating(SplittableRandom r) {
        int roll = r.nextInt(100);
        return roll < 30
                ? Rating.EXCELLENT
                : roll < 80 ? Rating.GOOD : roll < 95 ? Rating.FAIR : Rating.POOR;
    }
}
