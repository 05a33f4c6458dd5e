/**
 * The evidence pack's web side: {@link cn.duban.ledger.pack.web.EvidencePackResource} ({@code POST
 * /evidence-packs}, a streamed ZIP) and {@link cn.duban.ledger.pack.web.EvidencePackPage}, the
 * download on the ledger page (a plain form post to the API, narrowed by the page's plan and unit).
 */
package cn.duban.ledger.pack.web;
