package cn.duban.plan;

import cn.duban.plan.parse.ColumnMeaning;
import cn.duban.plan.parse.TableColumns;
import cn.duban.platform.DubanException;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table readings a tenant remembered, by header key: looked up by a preview, written when a
 * plan is saved with readings the user chose. Not a bean: it runs in {@link PlanImport}'s
 * transaction, after its role check.
 */
final class ColumnReadings {

    private final EntityManager em;

    ColumnReadings(EntityManager em) {
        this.em = em;
    }

    /** The reading this tenant remembered for a header key, or null. */
    List<ColumnMeaning> remembered(String key) {
        return readingOf(key).map(ColumnReading::getMeanings).orElse(null);
    }

    private Optional<ColumnReading> readingOf(String key) {
        return em.createQuery(
                        "select r from ColumnReading r where r.headerKey = :key",
                        ColumnReading.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    /**
     * Remembers the readings the user chose (source CHOSEN) for the next import of the same header;
     * a table read automatically (the user went back to the automatic reading) forgets its
     * header's. Checked like a preview's choices, before anything is written. Returns what changed,
     * by header key, for the plan's audit entry.
     */
    Map<String, String> remember(List<PlanDocument.Columns> tables, String username) {
        if (tables.size() > PlanImport.MAX_TABLES) {
            throw DubanException.badRequest(
                    "plan.import.columns-too-many", "最多为 " + PlanImport.MAX_TABLES + " 个表格记住列含义。");
        }
        Map<String, List<ColumnMeaning>> chosen = new java.util.LinkedHashMap<>();
        Set<String> automatic = new LinkedHashSet<>();
        for (PlanDocument.Columns t : tables) {
            if (t == null || t.key() == null || t.key().length() > TableColumns.MAX_KEY) {
                throw DubanException.badRequest(
                        "plan.import.columns-unknown-table", "表头缺失或过长（key）。");
            }
            if ("AUTOMATIC".equals(t.source())) automatic.add(t.key());
            if (!"CHOSEN".equals(t.source())) continue;
            List<String> names = t.meanings() == null ? List.of() : t.meanings();
            int width = TableColumns.columnCount(t.key());
            if (names.size() != width) {
                throw DubanException.badRequest(
                        "plan.import.columns-index",
                        "表头有 " + width + " 列，列含义有 " + names.size() + " 个。");
            }
            List<TableColumns.Choice> choices = new ArrayList<>();
            for (int i = 0; i < width; i++) choices.add(new TableColumns.Choice(i, names.get(i)));
            chosen.put(
                    t.key(),
                    ImportProblems.checked(() -> TableColumns.check(width, null, choices)));
        }
        Map<String, String> changed = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<ColumnMeaning>> e : chosen.entrySet()) {
            String meanings = ColumnReading.joined(e.getValue());
            // One statement, so that two offices saving the same new header at once both succeed
            // (the later choice wins) instead of the second meeting the unique key.
            em.createNativeQuery(
                            "insert into plan_column_reading (tenant_id, id, header_key, meanings, chosen_by,"
                                    + " chosen_at) values (current_setting('app.tenant_id'), ?1, ?2, ?3, ?4, now())"
                                    + " on conflict (tenant_id, header_key) do update set meanings ="
                                    + " excluded.meanings, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at")
                    .setParameter(1, java.util.UUID.randomUUID())
                    .setParameter(2, e.getKey())
                    .setParameter(3, meanings)
                    .setParameter(4, username)
                    .executeUpdate();
            changed.put(e.getKey(), meanings);
        }
        for (String key : automatic) {
            int forgotten =
                    em.createNativeQuery(
                                    "delete from plan_column_reading where tenant_id ="
                                            + " current_setting('app.tenant_id') and header_key = ?1")
                            .setParameter(1, key)
                            .executeUpdate();
            if (forgotten > 0) changed.put(key, "AUTOMATIC");
        }
        return changed;
    }
}
