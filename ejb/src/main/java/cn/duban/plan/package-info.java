/**
 * Plans (工作要点): a year's work-point document of the city, the district or a town, imported as a
 * template that the ledger turns into tasks.
 *
 * <p>Import: {@link cn.duban.plan.DocumentReader} turns an upload (text in any Chinese encoding,
 * Word, PDF, WPS) into text; the pure parser ({@link cn.duban.plan.parse}) finds sections, points,
 * units and deadline rules; {@link cn.duban.plan.UnitDirectory} resolves the unit names to the
 * tenant's units; {@link cn.duban.plan.PlanImport} previews (nothing saved) and saves all or
 * nothing as {@link cn.duban.plan.Plan}, {@link cn.duban.plan.PlanSection}, {@link
 * cn.duban.plan.PlanPoint} and {@link cn.duban.plan.PointUnit}, written by the package-private
 * {@link cn.duban.plan.PlanWriter}. {@link cn.duban.plan.PlanService} lists, reads, deletes and
 * copies saved plans into the next year. {@link cn.duban.plan.PlanDocument} is the plan as the API
 * and the pages exchange it; {@link cn.duban.plan.ImportProblems} turns an unreadable document into
 * a client error with a stable code.
 *
 * <p>Table columns (issue 17 item 5): the preview reports how each table header was read ({@link
 * cn.duban.plan.parse.TableColumns}); the user may change a column's meaning and parse again, and a
 * plan saved with a changed reading keeps it as a {@link cn.duban.plan.ColumnReading} (tenant-
 * owned, V16, kept through the package-private {@link cn.duban.plan.ColumnReadings}) that the next
 * import of the same header (same key: cells without spaces and punctuation) applies, unless the
 * user goes back to the automatic reading (which forgets it).
 *
 * <p>Sources: a plan's {@link cn.duban.plan.TaskSource} is {@code PLAN} for an imported document;
 * {@link cn.duban.plan.MatterPlans} keeps one plan per year and other source whose points are the
 * matters (交办事项) the ledger's {@code MatterService} enters, each with its {@link
 * cn.duban.plan.SourceReference} (文号 / 批示人 / 会议名称 / 工单号) on the point (V22).
 *
 * <p>Levels: {@link cn.duban.plan.PlanLinkService} suggests which district point a town point
 * answers ({@link cn.duban.plan.TextSimilarity}, bigram Dice) and keeps the confirmed {@link
 * cn.duban.plan.PointLink}s.
 */
package cn.duban.plan;
