package cn.duban.ledger.escalation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's escalation ladder (督办升级规则): for each rung, whether it is used, how many days overdue a
 * task must be before it comes, and who lets it go out; with the 督办单's 文号 prefix, issuing office
 * and the working days a unit has to answer one. Plain Java: the daily run and the pages read the
 * same rules.
 *
 * <p>A task climbs one rung at a time: a rung comes only once every lower rung in use has been
 * decided for the task's current deadline (sent, or withdrawn by its approver), so a unit always
 * gets the 提醒 before the 督办单, even when it is first found 40 days late.
 */
public record LadderRules(
        List<Rung> rungs, String noticePrefix, String issuingOffice, int replyDays) {

    public static final int MAX_DAYS = 365;

    /** One rung: used or not, the days overdue from which it comes, who approves it. */
    public record Rung(Step step, boolean enabled, int afterDays, Approval approval) {}

    /** A rung a task has had: where it is, and until when the unit may answer it (null: none). */
    public record Had(EscalationState state, LocalDate answerBy) {}

    public static final LadderRules DEFAULT =
            new LadderRules(
                    List.of(
                            new Rung(Step.REMINDER, true, 1, Approval.AUTO),
                            new Rung(Step.NOTICE, true, 7, Approval.DISTRICT_ADMIN),
                            new Rung(Step.NAMED, true, 15, Approval.LEADER),
                            new Rung(Step.TALK, true, 30, Approval.LEADER)),
                    "督办",
                    null,
                    5);

    /** One rung per step, in ladder order; a step missing takes the default's rung. */
    public LadderRules {
        Map<Step, Rung> byStep = new EnumMap<>(Step.class);
        if (rungs != null)
            for (Rung r : rungs) if (r != null && r.step() != null) byStep.put(r.step(), r);
        List<Rung> ordered = new ArrayList<>();
        for (Step s : Step.values()) {
            Rung r = byStep.get(s);
            if (r == null) r = DEFAULT == null ? null : DEFAULT.rung(s);
            if (r != null)
                ordered.add(
                        new Rung(
                                s,
                                r.enabled(),
                                r.afterDays(),
                                r.approval() == null ? Approval.AUTO : r.approval()));
        }
        rungs = List.copyOf(ordered);
        noticePrefix = noticePrefix == null ? null : noticePrefix.strip();
        issuingOffice =
                issuingOffice == null || issuingOffice.isBlank() ? null : issuingOffice.strip();
    }

    /** The rules as a district starts with them: its own office and 文号 prefix (普府办督). */
    public LadderRules forDistrict(String districtName) {
        return new LadderRules(
                rungs, districtName.charAt(0) + "府办督", districtName + "人民政府办公室", replyDays);
    }

    public Rung rung(Step step) {
        return rungs.stream().filter(r -> r.step() == step).findFirst().orElseThrow();
    }

    /**
     * What is wrong with these rules, as bundle keys with the step: empty when they can be saved.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        int last = 0;
        for (Rung r : rungs) {
            if (!r.enabled()) continue;
            if (r.afterDays() < 1 || r.afterDays() > MAX_DAYS)
                problems.add("ladder.problem.days:" + r.step());
            else if (r.afterDays() <= last) problems.add("ladder.problem.order:" + r.step());
            last = Math.max(last, r.afterDays());
        }
        if (noticePrefix == null || noticePrefix.isEmpty() || noticePrefix.length() > 20)
            problems.add("ladder.problem.prefix");
        if (issuingOffice != null && issuingOffice.length() > 60)
            problems.add("ladder.problem.office");
        if (replyDays < 1 || replyDays > 30) problems.add("ladder.problem.reply");
        return problems;
    }

    /**
     * The rung a task reaches today, if any: the lowest rung in use that it has not had for its
     * current deadline, once it is {@code afterDays} overdue, every lower rung is decided and the
     * time to answer the ones sent has passed.
     *
     * @param overdueDays days past the task's deadline today
     * @param had the rungs it has had for that deadline
     */
    public Optional<Rung> next(int overdueDays, Map<Step, Had> had, LocalDate today) {
        for (Rung r : rungs) {
            if (!r.enabled()) continue;
            Had h = had.get(r.step());
            if (h == null) return overdueDays >= r.afterDays() ? Optional.of(r) : Optional.empty();
            if (!h.state().decided()) return Optional.empty();
            if (h.state() != EscalationState.WITHDRAWN
                    && h.answerBy() != null
                    && !today.isAfter(h.answerBy())) return Optional.empty();
        }
        return Optional.empty();
    }

    /** The fewest days overdue at which any rung comes: tasks less late are not read. */
    public int firstAfterDays() {
        return rungs.stream()
                .filter(Rung::enabled)
                .mapToInt(Rung::afterDays)
                .min()
                .orElse(Integer.MAX_VALUE);
    }
}
