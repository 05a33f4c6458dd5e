/**
 * Plans (工作要点): a year's work-point document of the city, the district or a town, imported as a
 * template that the ledger turns into tasks.
 *
 * <p>Import: {@link cn.duban.plan.DocumentReader} turns an upload (text in any Chinese encoding,
 * Word, PDF, WPS) into text; the pure parser ({@link cn.duban.plan.parse}) finds sections, points,
 * units and deadline rules; {@link cn.duban.plan.UnitDirectory} resolves the unit names to the
 * tenant's units; {@link cn.duban.plan.PlanService} previews (nothing saved) and saves all or
 * nothing as {@link cn.duban.plan.Plan}, {@link cn.duban.plan.PlanSection}, {@link
 * cn.duban.plan.PlanPoint} and {@link cn.duban.plan.PointUnit}. {@link cn.duban.plan.PlanDocument}
 * is the plan as the API and the pages exchange it; {@link cn.duban.plan.ImportProblems} turns an
 * unreadable document into a client error with a stable code.
 *
 * <p>Levels: {@link cn.duban.plan.PlanLinkService} suggests which district point a town point
 * answers ({@link cn.duban.plan.TextSimilarity}, bigram Dice) and keeps the confirmed {@link
 * cn.duban.plan.PointLink}s.
 */
package cn.duban.plan;
