/**
 * The demo year (演示数据): with {@code DUBAN_DEMO_YEAR=<tenant>} (the run command sets {@code putuo}),
 * a year in progress is written into that tenant at deployment through the application's own
 * services — the district seed plan imported (year-round points staged to quarter ends at the
 * import review) and published, reports with evidence from the units, returns and corrections,
 * reviews, late and overdue work with reminders, a scheme weighted 5 %, closed quarters with
 * published rankings, issued circulars and the inbox notices all of these send. {@link
 * cn.duban.demo.DemoScript} decides what happens when, relative to today; {@link
 * cn.duban.platform.AppClock} dates each step; the audit trail keeps the real time of writing.
 * Nothing here is reachable from the web.
 */
package cn.duban.demo;
