/**
 * A city above districts (市级, issue 21 item 4). A city is a tenant of kind {@code CITY}; the
 * platform operator makes districts its members ({@link cn.duban.city.CityMemberships}, on the
 * operators' trail). A district's office reports up (报送) by hand or by the daily timer ({@link
 * cn.duban.city.CityReportScheduler}): {@link cn.duban.city.CityReports} freezes the district's
 * published standing, issued circulars, coverage of the city's points and per-point progress as one
 * JSON snapshot (快照), hashes it (SHA-256), records the hash in the district's audit chain and hands
 * it to the database function {@code city_snapshot_send} (V33, SECURITY DEFINER): the one path into
 * the city's rows, allowed only for an existing membership of the transaction's tenant. The city's
 * people ({@code city-viewer}) read only what was received ({@link cn.duban.city.CitySnapshots});
 * no city query reads a district's live rows. Pure: {@link cn.duban.city.CityReport} (the
 * snapshot's content, read back for the side-by-side view).
 */
package cn.duban.city;
