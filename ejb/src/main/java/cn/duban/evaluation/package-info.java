/**
 * Evaluation (考核): turning the task ledger into explainable, ranked scores.
 *
 * <p>Pure logic, unit-tested without a container: {@link cn.duban.evaluation.Scoring} computes a
 * {@link cn.duban.evaluation.Scoreboard} for a {@link cn.duban.evaluation.Period} from {@link
 * cn.duban.evaluation.TaskFacts}, the {@link cn.duban.evaluation.ScoringRules} and {@link
 * cn.duban.evaluation.Indicator}s of a scheme, and bonus/deduction {@link
 * cn.duban.evaluation.Adjustment}s; every point comes with a line saying why.
 *
 * <p>Persistence and transactions, one service per task: {@link cn.duban.evaluation.SchemeService}
 * keeps {@link cn.duban.evaluation.Scheme}s as immutable versions; {@link
 * cn.duban.evaluation.StandingsService} ranks the units, explains one unit's score (also as a PDF)
 * and draws the year's trend; {@link cn.duban.evaluation.PeriodClosing} closes ended periods into
 * {@link cn.duban.evaluation.ScoreSnapshot}s that the application's database role can add but never
 * change; {@link cn.duban.evaluation.AdjustmentService} keeps the bonus/deduction items. What they
 * read for scoring (an indicator's coverage, a year's facts in one query, the published snapshot)
 * is in one package-private helper, {@link cn.duban.evaluation.ScoringInputs}.
 *
 * <p>A scheme belongs to a supervisor (issue 21): the district office's ranks district-level units
 * on the district's own tasks, a town's ranks its 下级单位 on the tasks the town supervises; which
 * units and tasks is decided in {@code ScoringInputs} from the scheme alone, so every service
 * scores either the same way. A town's standings are always live (towns close no periods).
 */
package cn.duban.evaluation;
