/**
 * Circulars (工作通报): the office's monthly and quarterly bulletin of a period's standings and overdue
 * tasks.
 *
 * <p>{@link cn.duban.circular.CircularScheduler} drafts one per tenant and period (one transaction
 * per tenant, one node elected through the database); {@link cn.duban.circular.CircularService}
 * lets the office edit the wording ({@link cn.duban.circular.CircularEdit}), previews with live
 * figures ({@link cn.duban.circular.CircularContent}, plain Java over the evaluation's standings),
 * and issues: numbers it (文号 per issuer and year), freezes data and PDF (the database refuses any
 * change to an issued {@link cn.duban.circular.Circular}) and notifies the units' inboxes. A town's
 * 单位管理员 drafts and issues its own circulars on its 下级单位 by hand (issue 21; the timer drafts the
 * district office's only), which go to the town's 下级单位 and are read by the district office.
 */
package cn.duban.circular;
