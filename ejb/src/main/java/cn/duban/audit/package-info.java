/**
 * The audit trail (全程留痕、可追溯): every state change, edit, upload, review and reminder of a tenant is
 * appended to {@code audit_log}, chained per tenant by an HMAC (HMAC-SHA256 or HMAC-SM3) under a
 * key from the server's configuration that the database never holds ({@link
 * cn.duban.audit.AuditKeys}), so rewriting history through the database is found by {@code verify}.
 * The chain's head is exported and printed into every issued circular as an anchor that also
 * catches a rewrite by someone holding the key. The application's database role may only read and
 * insert; triggers refuse updates, deletes and truncation as well. Threat model:
 * docs/RELIABILITY.md.
 */
package cn.duban.audit;
