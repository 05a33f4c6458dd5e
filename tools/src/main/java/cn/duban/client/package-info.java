/**
 * A client of a running Duban, shared by the integration tests (ear/src/test), the benchmarks and
 * the tools of this module: {@link cn.duban.client.Api} (REST calls with one token per user, aimed
 * by {@link cn.duban.client.Api#target}), {@link cn.duban.client.Multipart} (upload bodies), {@link
 * cn.duban.client.PlanDocuments} (the example plan documents of {@code duban.seeds}), {@link
 * cn.duban.client.Timings} (samples and percentiles) and {@link cn.duban.client.RankingAggregate}
 * (the rankings benchmarks' hand-written SQL baseline). Plain Java: no test framework, so the load
 * run and the scale benchmark can use it from {@code src/main}.
 */
package cn.duban.client;
