/**
 * The task ledger (任务台账): publishing a plan's points as tasks for their units ({@link
 * cn.duban.ledger.PublishingService}), reading tasks ({@link cn.duban.ledger.TaskQueries}), the
 * district office's assignment edits ({@link cn.duban.ledger.AssignmentService}), extension
 * requests ({@link cn.duban.ledger.ExtensionService}), progress reports (进展报送) with evidence
 * ({@link cn.duban.ledger.ProgressReportService}, read through {@link
 * cn.duban.ledger.ProgressReportQueries}) and their review ({@link cn.duban.ledger.ReviewService}),
 * reminders and the inbox ({@link cn.duban.ledger.ReminderService}, {@link
 * cn.duban.ledger.InboxService}), receipt and wrong assignment (签收, 退回错派: {@link
 * cn.duban.ledger.ReceiptService}, {@link cn.duban.ledger.DisputeService}), and the Excel ledger
 * ({@link cn.duban.ledger.LedgerSheetService}).
 *
 * <p>Tasks from every source (issue 19 items 5–6): {@link cn.duban.ledger.MatterService} enters
 * matters (交办事项) of a {@link cn.duban.plan.TaskSource} as points of a per-year, per-source matters
 * plan ({@link cn.duban.plan.MatterPlans}), singly or from a table ({@link
 * cn.duban.ledger.MatterSheet}); {@link cn.duban.ledger.LeaderService} keeps a leader's
 * instructions ({@link cn.duban.ledger.TaskInstruction}, 批示) and the sign-off of key tasks ({@link
 * cn.duban.ledger.SignOff}, 审结) after the district's approval.
 *
 * <p>Pure rules live beside them without container types: {@link cn.duban.ledger.Publishing} (which
 * units a point's names mean), {@link cn.duban.ledger.Checkpoints} (milestones and frequencies as
 * dated steps), {@link cn.duban.ledger.colour.ColourRules} (colours by the tenant's rules), {@link
 * cn.duban.ledger.Receipts} (receipt deadlines in working hours, the reassigned deadline).
 */
package cn.duban.ledger;
