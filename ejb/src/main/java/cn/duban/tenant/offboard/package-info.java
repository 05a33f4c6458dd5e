/**
 * Offboarding a district (退出): the operator's export of a tenant's data as a zip ({@link
 * cn.duban.tenant.offboard.TenantExporter}, recorded in {@code tenant_export}) and the deletion
 * tool ({@link cn.duban.tenant.offboard.TenantDeletion}, plain JDBC as the maintenance role, run by
 * {@code bin/duban-tenant-delete}, never from the web) with its rules ({@link
 * cn.duban.tenant.offboard.DeletionRules}: suspended, exported after the last change, retention
 * hold of at least six months) and its tombstone. Suspension itself lives with the accounts ({@code
 * cn.duban.account.TenantSuspensionService}), which it switches off in Keycloak.
 */
package cn.duban.tenant.offboard;
