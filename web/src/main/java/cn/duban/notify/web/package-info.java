/**
 * The notification channels' REST API ({@code /api/v1/channels}, {@code /api/v1/platform/outbound})
 * and pages (通知渠道 for the district office, the allow-list on the operator's page).
 */
package cn.duban.notify.web;
