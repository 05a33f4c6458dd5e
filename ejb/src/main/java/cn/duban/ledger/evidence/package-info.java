/**
 * Evidence content (佐证材料的内容, issue 20 item 5): {@link cn.duban.ledger.evidence.EvidenceContents}
 * stores a file's bytes once per tenant and SHA-256 and streams them back; every store of evidence
 * (a report's {@code Evidence}, a contribution's {@code ContributionEvidence}, an appeal's {@code
 * AppealEvidence}, a bonus or deduction item's {@code ScoreAdjustment}) embeds a {@link
 * cn.duban.ledger.evidence.StoredFile} (name, type, size, SHA-256) and refers to the bytes by the
 * hash (foreign key {@code (tenant_id, sha256)}). A file given again or reused by reference adds a
 * row of metadata, never the bytes twice; content is never shared across tenants (the key starts
 * with the tenant; row-level security).
 */
package cn.duban.ledger.evidence;
