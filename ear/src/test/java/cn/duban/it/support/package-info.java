/**
 * Helpers of the integration tests in {@code cn.duban.it}; no test classes here. {@link
 * cn.duban.it.support.TestStack} starts PostgreSQL and Keycloak once per run (a JUnit launcher
 * session listener, META-INF/services) and aims {@link cn.duban.client.Api} at them; {@link
 * cn.duban.it.support.Deployments} gives Arquillian the real EAR. Browsers: {@link
 * cn.duban.it.support.Browsers}, {@link cn.duban.it.support.Browser}, the base class {@link
 * cn.duban.it.support.PageTest} and {@link cn.duban.it.support.LoginPages} (Keycloak's login
 * pages). Data: {@link cn.duban.it.support.Plans}, {@link cn.duban.it.support.ProgressReports},
 * {@link cn.duban.it.support.People}, {@link cn.duban.it.support.Pdfs}; the realm through the admin
 * API: {@link cn.duban.it.support.RealmAdmin}; SQL as the database roles: {@link
 * cn.duban.it.support.Db}. The REST client, plan documents and timings are in {@code
 * cn.duban.client} (module tools), shared with the load run and the benchmarks.
 *
 * <p>A helper that a second test class needs lives here, not on the test class that first had it.
 */
package cn.duban.it.support;
