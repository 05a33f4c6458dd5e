package cn.duban.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A bonus (加分) or deduction (扣分) item entered by the district office, counted in the period of its
 * date.
 */
public record Adjustment(
        UUID id, UUID unitId, Kind kind, BigDecimal points, String reason, LocalDate occurredOn) {

    public enum Kind {
        BONUS("加分"),
        DEDUCTION("扣分");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
