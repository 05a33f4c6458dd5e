/**
 * The city above districts on the web: {@link cn.duban.city.web.CityReportResource} (a district's
 * office: preview, send, what was sent), {@link cn.duban.city.web.CityResource} (the city's
 * viewers: received snapshots, districts side by side), {@link
 * cn.duban.city.web.CityMembershipResource} (the operator: memberships); pages {@link
 * cn.duban.city.web.CityReportsPage} ({@code admin/city-reports.xhtml}) and {@link
 * cn.duban.city.web.CityPage} ({@code city/index.xhtml}).
 */
package cn.duban.city.web;
