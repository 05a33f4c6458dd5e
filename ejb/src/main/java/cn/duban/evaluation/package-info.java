/**
 * Evaluation (考核): turning the task ledger into explainable, ranked scores.
 *
 * <p>Pure logic, unit-tested without a container: {@link cn.duban.evaluation.Scoring} computes a
 * {@link cn.duban.evaluation.Scoreboard} for a {@link cn.duban.evaluation.Period} from {@link
 * cn.duban.evaluation.TaskFacts}, the {@link cn.duban.evaluation.ScoringRules} and {@link
 * cn.duban.evaluation.Indicator}s of a scheme, and bonus/deduction {@link
 * cn.duban.evaluation.Adjustment}s; every point comes with a line saying why.
 *
 * <p>Persistence and transactions: {@link cn.duban.evaluation.EvaluationService} keeps {@link
 * cn.duban.evaluation.Scheme}s as immutable versions, reads a year's facts in one query, and closes
 * ended periods into {@link cn.duban.evaluation.ScoreSnapshot}s that the application's database
 * role can add but never change.
 */
package cn.duban.evaluation;
