package cn.duban.plan;

import cn.duban.plan.parse.ColumnMeaning;
import cn.duban.platform.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A table header's column meanings as the district office chose them when it saved a plan: the next
 * import of the same header (same {@code headerKey}) reads its columns this way.
 */
@Entity
@Table(name = "plan_column_reading")
public class ColumnReading extends TenantOwned {

    @Column(name = "header_key", nullable = false, updatable = false)
    private String headerKey;

    @Column(nullable = false)
    private String meanings;

    @Column(name = "chosen_by", nullable = false)
    private String chosenBy;

    @Column(name = "chosen_at", nullable = false)
    private Instant chosenAt;

    protected ColumnReading() {}

    /** How the meanings are stored: their names, comma-separated. */
    static String joined(List<ColumnMeaning> meanings) {
        return String.join(",", meanings.stream().map(Enum::name).toList());
    }

    public String getHeaderKey() {
        return headerKey;
    }

    /** The meanings, one per column; null if a stored name is no longer a meaning. */
    public List<ColumnMeaning> getMeanings() {
        List<ColumnMeaning> out = new ArrayList<>();
        for (String name : meanings.split(",", -1)) {
            ColumnMeaning m = ColumnMeaning.named(name);
            if (m == null) return null;
            out.add(m);
        }
        return out;
    }

    public String getChosenBy() {
        return chosenBy;
    }

    public Instant getChosenAt() {
        return chosenAt;
    }
}
