/**
 * The evidence pack for the annual review (佐证材料包, issue 20 item 5): {@link
 * cn.duban.ledger.pack.EvidencePackService} checks who may have which tasks (the ledger's rule),
 * audits the download and streams a ZIP with one folder per task (named by {@link
 * cn.duban.ledger.pack.PackNames}: point number, short title, unit; safe on every file system),
 * holding its reports and reviews as text ({@link cn.duban.ledger.pack.PackText}) and every
 * evidence file of its reports and of its contribution, and the index 目录.pdf rendered by the
 * reports module ({@link cn.duban.printing.EvidencePackIndex}). {@link
 * cn.duban.ledger.pack.PackReader} reads a few tasks' rows, then one file, per short transaction,
 * so memory and database connections stay flat however large the pack; {@link
 * cn.duban.ledger.pack.PackGate} caps how many packs a server and a tenant stream at once.
 */
package cn.duban.ledger.pack;
