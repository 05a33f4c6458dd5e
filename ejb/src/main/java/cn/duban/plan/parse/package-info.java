/**
 * The plan parser: plain Java over text, no container types (ArchitectureTest), linear time on any
 * input, unit-tested and property-tested directly. {@link cn.duban.plan.parse.PlanParser#parse} is
 * the entry point; it never throws on any input but {@link cn.duban.plan.parse.PlanParseException}
 * for text without a single numbered point.
 *
 * <p>The pipeline, in order:
 *
 * <ol>
 *   <li><b>Decode</b> ({@link cn.duban.plan.parse.TextDecoder}, for uploaded text files): UTF-8,
 *       UTF-16 with BOM, else GB18030; binary refused.
 *   <li><b>Normalise</b> ({@code TextNormalizer}): line ends, page breaks, full-width digits and
 *       letters, the kinds of spaces; Chinese punctuation kept.
 *   <li><b>Rebuild tables</b> ({@code Tables}): task tables that lost their tabs (one cell per line
 *       as a web page copies, markdown pipes) become tab-separated rows.
 *   <li><b>Classify lines</b>: web-page chrome and document furniture ({@code Noise}) are dropped
 *       (labelled metadata such as 文号 kept aside); table rows go to {@code TableReader} (a header
 *       naming 序号, 工作任务, 牵头单位, 完成时限 … then one point per row; each distinct header's reading is
 *       reported as a {@link cn.duban.plan.parse.TableColumns}, and a reading chosen by the user or
 *       remembered for the header ({@link cn.duban.plan.parse.ParseOptions}) replaces the header
 *       words' own); numbered lines are matched by {@code Numbering} (一、 (一) 1. (1) ①), whose depth
 *       is learnt per document, not fixed.
 *   <li><b>Build the outline</b>: {@code OutlineNode}s on a stack by learnt depth; Chinese-numbered
 *       items become {@link cn.duban.plan.parse.Section}s, the rest nested {@link
 *       cn.duban.plan.parse.Point}s.
 *   <li><b>Read each point</b>: its title ({@code Titles}, the lead phrase), the responsible units
 *       and the deadline phrase it names ({@code UnitAnnotations}: 责任单位:…, A牵头 B配合, A负责落实 …;
 *       collectives like 各街镇 marked), the deadline rule ({@link
 *       cn.duban.plan.parse.DeadlineParser}: 全年, 10月底前, 每季度, 年内至少1次 …, falling back to the year
 *       end) and dated {@link cn.duban.plan.parse.Milestone}s in the text.
 *   <li><b>Metadata</b> ({@code Metadata}): title, issuer, level, year, 文号 and issue date from the
 *       lines around the numbered body, overridden by what the user already said ({@link
 *       cn.duban.plan.parse.ParseOptions}).
 * </ol>
 *
 * <p>The result is a {@link cn.duban.plan.parse.ParsedPlan} with warnings for the person checking
 * it. Regexes that could backtrack quadratically were replaced by one-pass scans ({@code Scan}),
 * each checked against the regex it stands for.
 */
package cn.duban.plan.parse;
