/**
 * Appeals (申诉): a unit contests a score line of its published result, a deduction item against it,
 * or a task's overdue mark, with a reason and evidence, within the district's window ({@link
 * AppealRules}); the district office accepts (the effect is recorded and the published period is
 * republished as its next version) or rejects with a reason. Open appeals hold back closing their
 * period ({@code PeriodClosing.close}) unless overridden; scoring reads an accepted overdue appeal
 * as "not counted late" ({@code TaskFacts.lateExcused}).
 */
package cn.duban.evaluation.appeal;
