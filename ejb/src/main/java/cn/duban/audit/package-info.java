/**
 * The audit trail (全程留痕、可追溯): every state change, edit, upload, review and reminder of a
 * tenant is appended to {@code audit_log}, chained by SHA-256 per tenant. The application's
 * database role may only read and insert; a trigger refuses updates and deletes as well.
 */
package cn.duban.audit;
