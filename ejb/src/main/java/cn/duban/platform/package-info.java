/**
 * Cross-cutting platform services: who is calling ({@link cn.duban.platform.Caller}), which tenant
 * a transaction belongs to, schema migrations and the error model.
 *
 * <p>A request's tenant is fixed once, from the verified token, by the web layer (see {@code
 * cn.duban.web.CallerFilter}) and never from anything the client sends. Two walls keep tenants
 * apart: Hibernate's {@code @TenantId} filter on every tenant-owned entity, and PostgreSQL
 * row-level security fed by the transaction-local setting {@code app.tenant_id} that {@link
 * cn.duban.platform.TenantTransactionInterceptor} writes at the start of every transaction.
 */
package cn.duban.platform;
