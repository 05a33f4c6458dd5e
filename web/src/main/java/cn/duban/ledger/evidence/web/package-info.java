/**
 * The web side of evidence content: {@link cn.duban.ledger.evidence.web.EvidenceDownload}, the
 * download every evidence store's resource answers with.
 */
package cn.duban.ledger.evidence.web;
