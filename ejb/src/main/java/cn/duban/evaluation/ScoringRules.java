package cn.duban.evaluation;

import cn.duban.ledger.Rating;
import cn.duban.plan.TaskSource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a scheme, apart from its indicators. Percentages are of a task's points; deductions
 * are in points.
 *
 * <p>This record is the one place a rule is declared: the entity stores it as one jsonb value
 * ({@link ScoringRulesColumn}), the REST input and the page's form carry its {@link #values()} by
 * name, and the page draws one input per {@link #specs() spec}. Adding a rule: a component here
 * with its {@link Rule} (kind, scheme type), its check in {@link #problems}, a migration that gives
 * existing schemes its value, its label {@code eval.rule.<name>} in the message bundles and its
 * description in the API document (web's {@code META-INF/openapi.yaml}, schema {@code
 * SchemeRules}); {@code ScoringRulesCatalogueTest} and {@code RuleLabelsTest} fail until all are
 * there.
 *
 * @param lateDeductionPercent completion mode: per day or week a task is completed (or still open)
 *     after its deadline
 * @param lateCapPercent completion mode: the most lateness can take from a task
 * @param partialCredit completion mode: an unfinished task earns its progress × partialRate
 * @param partialRate at most the lowest quality multiplier, so approving a task never lowers a
 *     score
 * @param quality multipliers by the review's rating (优 1.0, 良 0.9, 中 0.75, 差 0.5)
 * @param perOverdueTask deduction mode: 逾期未办结，每件扣
 * @param perLateTask deduction mode: 逾期办结，每件扣 (at most perOverdueTask)
 * @param perMissedReport deduction mode: 未按期报送，每次扣
 * @param perReturn deduction mode: 报送被退回，每次扣
 * @param bonusCap the most bonus items (加分) can add in a period
 * @param deductionCap the most deduction items (扣分) can take in a period
 * @param sourceWeights a task's weight by its source (工作计划, 领导批示 …, 0 to 5): 0 leaves the source's
 *     tasks out of the score; otherwise a completion-mode task's share of its indicator and a
 *     deduction-mode task's deductions are multiplied by it
 * @param cooperatingScoring how co-operating units' tasks count ({@link CooperatingScoring}); a
 *     scheme saved before the rule existed was given OWN_REPORTS (V24), its behaviour until then
 */
public record ScoringRules(
        SchemeType type,
        @Rule(value = Kind.PERCENT, only = SchemeType.COMPLETION) BigDecimal lateDeductionPercent,
        @Rule(value = Kind.CHOICE, only = SchemeType.COMPLETION) LateUnit lateUnit,
        @Rule(value = Kind.PERCENT, only = SchemeType.COMPLETION) BigDecimal lateCapPercent,
        @Rule(value = Kind.FLAG, only = SchemeType.COMPLETION) boolean partialCredit,
        @Rule(value = Kind.RATE, only = SchemeType.COMPLETION) BigDecimal partialRate,
        @Rule(value = Kind.QUALITY, only = SchemeType.COMPLETION) Map<Rating, BigDecimal> quality,
        @Rule(value = Kind.POINTS, only = SchemeType.DEDUCTION) BigDecimal perOverdueTask,
        @Rule(value = Kind.POINTS, only = SchemeType.DEDUCTION) BigDecimal perLateTask,
        @Rule(value = Kind.POINTS, only = SchemeType.DEDUCTION) BigDecimal perMissedReport,
        @Rule(value = Kind.POINTS, only = SchemeType.DEDUCTION) BigDecimal perReturn,
        @Rule(Kind.POINTS) BigDecimal bonusCap,
        @Rule(Kind.POINTS) BigDecimal deductionCap,
        @Rule(Kind.SOURCES) Map<TaskSource, BigDecimal> sourceWeights,
        @Rule(Kind.CHOICE) CooperatingScoring cooperatingScoring) {

    /** How a rule is entered: a percentage, points, a rate (0–1), a yes/no, a choice, 优良中差. */
    public enum Kind {
        PERCENT,
        POINTS,
        RATE,
        FLAG,
        CHOICE,
        QUALITY,
        SOURCES
    }

    /** The most a source's weight may be. */
    public static final BigDecimal MAX_SOURCE_WEIGHT = new BigDecimal("5");

    /** Marks a component as a rule: its kind, and the scheme types it applies to (none: all). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Rule {
        Kind value();

        SchemeType[] only() default {};
    }

    /** One rule as the form and the API see it. */
    public record Spec(String name, Kind kind, Set<SchemeType> types) {
        public boolean appliesTo(SchemeType type) {
            return types.isEmpty() || types.contains(type);
        }
    }

    private static final RecordComponent[] COMPONENTS = ScoringRules.class.getRecordComponents();

    private static final List<Spec> SPECS =
            Arrays.stream(COMPONENTS)
                    .filter(c -> c.isAnnotationPresent(Rule.class))
                    .map(
                            c ->
                                    new Spec(
                                            c.getName(),
                                            c.getAnnotation(Rule.class).value(),
                                            Set.of(c.getAnnotation(Rule.class).only())))
                    .toList();

    /** Every rule, in declaration order (the scheme's type is not a rule). */
    public static List<Spec> specs() {
        return SPECS;
    }

    public enum LateUnit {
        DAY("日"),
        WEEK("周");

        private final String label;

        LateUnit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ScoringRules {
        quality = quality == null ? Map.of() : Map.copyOf(quality);
        sourceWeights = sourceWeights == null ? Map.of() : Map.copyOf(sourceWeights);
    }

    /** Rules as saved before {@code cooperatingScoring} existed: co-units on their own reports. */
    public ScoringRules(
            SchemeType type,
            BigDecimal lateDeductionPercent,
            LateUnit lateUnit,
            BigDecimal lateCapPercent,
            boolean partialCredit,
            BigDecimal partialRate,
            Map<Rating, BigDecimal> quality,
            BigDecimal perOverdueTask,
            BigDecimal perLateTask,
            BigDecimal perMissedReport,
            BigDecimal perReturn,
            BigDecimal bonusCap,
            BigDecimal deductionCap,
            Map<TaskSource, BigDecimal> sourceWeights) {
        this(
                type,
                lateDeductionPercent,
                lateUnit,
                lateCapPercent,
                partialCredit,
                partialRate,
                quality,
                perOverdueTask,
                perLateTask,
                perMissedReport,
                perReturn,
                bonusCap,
                deductionCap,
                sourceWeights,
                CooperatingScoring.OWN_REPORTS);
    }

    /** The customary rules: 5% a week late up to half; 优1.0 良0.9 中0.75 差0.5; 每件扣10分、每次扣5分. */
    public static ScoringRules defaults(SchemeType type) {
        Map<Rating, BigDecimal> q = new EnumMap<>(Rating.class);
        q.put(Rating.EXCELLENT, new BigDecimal("1.00"));
        q.put(Rating.GOOD, new BigDecimal("0.90"));
        q.put(Rating.FAIR, new BigDecimal("0.75"));
        q.put(Rating.POOR, new BigDecimal("0.50"));
        return new ScoringRules(
                type,
                new BigDecimal("5"),
                LateUnit.WEEK,
                new BigDecimal("50"),
                false,
                new BigDecimal("0.50"),
                q,
                new BigDecimal("10"),
                new BigDecimal("5"),
                new BigDecimal("5"),
                new BigDecimal("2"),
                new BigDecimal("5"),
                new BigDecimal("10"),
                defaultSourceWeights(),
                CooperatingScoring.LEAD_CARRIES);
    }

    /** Every source counts with weight 1, as before sources existed. */
    static Map<TaskSource, BigDecimal> defaultSourceWeights() {
        Map<TaskSource, BigDecimal> w = new EnumMap<>(TaskSource.class);
        for (TaskSource s : TaskSource.values()) w.put(s, new BigDecimal("1.00"));
        return w;
    }

    /** A source's weight: 0 leaves its tasks out; a rule saved before sources existed gives 1. */
    public BigDecimal weight(TaskSource source) {
        return sourceWeights.getOrDefault(
                source == null ? TaskSource.PLAN : source, BigDecimal.ONE);
    }

    /**
     * The rules by name as plain values: numbers, yes/no, a choice by its name, the quality
     * multipliers by rating name (EXCELLENT …). Mutable and serializable, for forms.
     */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Spec s : SPECS) {
            Object v = get(s.name());
            if (v instanceof Enum<?> e) v = e.name();
            if (v instanceof Map<?, ?> m && s.kind() == Kind.SOURCES) {
                Map<String, BigDecimal> w = new LinkedHashMap<>();
                for (TaskSource t : TaskSource.values())
                    if (m.get(t) != null) w.put(t.name(), sourceWeights.get(t));
                v = w;
            } else if (v instanceof Map<?, ?> m) {
                Map<String, BigDecimal> q = new LinkedHashMap<>();
                for (Rating r : Rating.values())
                    if (m.get(r) != null) q.put(r.name(), quality.get(r));
                v = q;
            }
            out.put(s.name(), v);
        }
        return out;
    }

    private Object get(String name) {
        for (RecordComponent c : COMPONENTS) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(this);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    /**
     * Rules of a type from values by name, as {@link #values()} gives them or as a form or JSON
     * sends them (numbers as text, a choice by name, quality keyed by rating name or label).
     * Missing rules (and an empty quality) take {@code fallback}'s value, or none without one;
     * quality entries of unknown ratings are left out, which validation reports.
     *
     * @throws IllegalArgumentException naming the rule whose value has the wrong form
     */
    public static ScoringRules of(SchemeType type, Map<String, ?> values, ScoringRules fallback) {
        Object[] args = new Object[COMPONENTS.length];
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            RecordComponent c = COMPONENTS[i];
            types[i] = c.getType();
            if (c.getName().equals("type")) {
                args[i] = type;
                continue;
            }
            Object raw = values == null ? null : values.get(c.getName());
            if (raw instanceof String t && t.isBlank()) raw = null;
            if (raw instanceof Map<?, ?> m && m.isEmpty()) raw = null;
            if (raw == null) {
                args[i] = fallback != null ? fallback.get(c.getName()) : null;
            } else {
                try {
                    args[i] =
                            c.getName().equals("sourceWeights")
                                    ? sources(raw)
                                    : coerce(c.getType(), raw);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(c.getName(), e);
                }
            }
            if (args[i] == null && c.getType() == boolean.class) args[i] = false;
        }
        try {
            return ScoringRules.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object coerce(Class<?> type, Object raw) {
        if (type == BigDecimal.class) return decimal(raw);
        if (type == boolean.class) {
            if (raw instanceof Boolean b) return b;
            String t = raw.toString().strip();
            if (t.equals("true") || t.equals("false")) return Boolean.valueOf(t);
            throw new IllegalArgumentException("not true or false: " + t);
        }
        if (type == CooperatingScoring.class) {
            if (raw instanceof CooperatingScoring c) return c;
            CooperatingScoring c = CooperatingScoring.parse(raw.toString());
            if (c == null) throw new IllegalArgumentException("unknown: " + raw);
            return c;
        }
        if (type == LateUnit.class) {
            return raw instanceof LateUnit u ? u : LateUnit.valueOf(raw.toString().strip());
        }
        if (type == Map.class && raw instanceof Map<?, ?> m) {
            Map<Rating, BigDecimal> out = new EnumMap<>(Rating.class);
            m.forEach(
                    (k, v) -> {
                        for (Rating r : Rating.values()) {
                            String key = k.toString().strip();
                            if ((k == r || r.name().equalsIgnoreCase(key) || r.label().equals(key))
                                    && v != null) out.put(r, decimal(v));
                        }
                    });
            return out;
        }
        throw new IllegalArgumentException("unexpected " + raw.getClass().getSimpleName());
    }

    /** Weights keyed by source name or label; entries of unknown sources are left out. */
    private static Map<TaskSource, BigDecimal> sources(Object raw) {
        if (!(raw instanceof Map<?, ?> m))
            throw new IllegalArgumentException("not a map: " + raw.getClass().getSimpleName());
        Map<TaskSource, BigDecimal> out = new EnumMap<>(TaskSource.class);
        m.forEach(
                (k, v) -> {
                    TaskSource s = k instanceof TaskSource t ? t : TaskSource.parse(k.toString());
                    if (s != null && v != null) out.put(s, decimal(v));
                });
        return out;
    }

    private static BigDecimal decimal(Object raw) {
        if (raw instanceof BigDecimal d) return d;
        if (raw instanceof Number || raw instanceof String)
            return new BigDecimal(raw.toString().strip());
        throw new IllegalArgumentException("not a number: " + raw);
    }

    /**
     * How co-units' tasks count; a rule saved before it existed scores them on their own reports.
     */
    public CooperatingScoring cooperating() {
        return cooperatingScoring == null ? CooperatingScoring.OWN_REPORTS : cooperatingScoring;
    }

    /** The choices of a CHOICE rule, by name. */
    public static List<String> choices(String rule) {
        Class<?> type =
                Arrays.stream(COMPONENTS)
                        .filter(c -> c.getName().equals(rule))
                        .findFirst()
                        .map(RecordComponent::getType)
                        .orElse(Object.class);
        if (!type.isEnum()) return List.of();
        return Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
    }

    public BigDecimal multiplier(Rating rating) {
        return rating == null ? BigDecimal.ONE : quality.getOrDefault(rating, BigDecimal.ONE);
    }

    /** A problem with one field of a scheme, in words the office understands. */
    public record Problem(String field, String message) {}

    /** Everything wrong with these rules and indicators; empty when the scheme can be saved. */
    public List<Problem> problems(List<Indicator> indicators) {
        List<Problem> p = new ArrayList<>();
        if (type == null) p.add(new Problem("type", "请选择计分方式。"));
        if (indicators.isEmpty()) p.add(new Problem("indicators", "至少需要一项考核指标。"));
        BigDecimal sum = BigDecimal.ZERO;
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            String field = "indicators[" + i + "]";
            if (ind.name() == null || ind.name().isBlank())
                p.add(new Problem(field + ".name", "第" + (i + 1) + "项指标缺少名称。"));
            if (ind.points() == null || ind.points().signum() <= 0) {
                p.add(new Problem(field + ".points", "第" + (i + 1) + "项指标的分值须大于0。"));
            } else {
                sum = sum.add(ind.points());
            }
            if (ind.pointIds().isEmpty())
                p.add(new Problem(field + ".target", "第" + (i + 1) + "项指标未对应任何工作要点。"));
            for (java.util.UUID id : ind.pointIds()) {
                if (!seen.add(id)) {
                    p.add(
                            new Problem(
                                    field + ".target",
                                    "第" + (i + 1) + "项指标与前面的指标范围重叠，同一任务只能计入一项指标。"));
                    break;
                }
            }
        }
        if (!indicators.isEmpty() && sum.compareTo(new BigDecimal(100)) != 0) {
            p.add(
                    new Problem(
                            "indicators",
                            "各项指标分值合计应为100分，当前为"
                                    + sum.stripTrailingZeros().toPlainString()
                                    + "分。"));
        }
        if (type == SchemeType.COMPLETION) {
            percent(p, "lateDeductionPercent", lateDeductionPercent, "逾期扣减比例");
            percent(p, "lateCapPercent", lateCapPercent, "逾期扣减上限");
            if (lateUnit == null) p.add(new Problem("lateUnit", "请选择逾期按日还是按周扣减。"));
            if (quality.size() != Rating.values().length)
                p.add(new Problem("quality", "请为优、良、中、差分别设定质量系数。"));
            BigDecimal lowest = BigDecimal.ONE;
            for (Map.Entry<Rating, BigDecimal> e : quality.entrySet()) {
                BigDecimal m = e.getValue();
                if (m == null || m.signum() <= 0 || m.compareTo(BigDecimal.ONE) > 0) {
                    p.add(
                            new Problem(
                                    "quality." + e.getKey(),
                                    "质量系数（" + e.getKey().label() + "）应大于0且不超过1。"));
                } else if (m.compareTo(lowest) < 0) {
                    lowest = m;
                }
            }
            if (partialCredit
                    && (partialRate == null
                            || partialRate.signum() < 0
                            || partialRate.compareTo(lowest) > 0)) {
                p.add(
                        new Problem(
                                "partialRate",
                                "未办结任务按进度计分的系数应在0到最低质量系数（"
                                        + lowest.toPlainString()
                                        + "）之间，"
                                        + "否则审核通过反而可能降低得分。"));
            }
        } else if (type == SchemeType.DEDUCTION) {
            points(p, "perOverdueTask", perOverdueTask, "逾期未办结每件扣分");
            points(p, "perLateTask", perLateTask, "逾期办结每件扣分");
            points(p, "perMissedReport", perMissedReport, "未按期报送每次扣分");
            points(p, "perReturn", perReturn, "报送被退回每次扣分");
            if (perLateTask != null
                    && perOverdueTask != null
                    && perLateTask.compareTo(perOverdueTask) > 0) {
                p.add(new Problem("perLateTask", "逾期办结的扣分不应多于逾期未办结，否则办结反而扣分更多。"));
            }
        }
        if (sourceWeights.size() != TaskSource.values().length)
            p.add(new Problem("sourceWeights", "请为每种任务来源设定计分权重（0为不计分）。"));
        for (Map.Entry<TaskSource, BigDecimal> e : sourceWeights.entrySet()) {
            BigDecimal w = e.getValue();
            if (w == null || w.signum() < 0 || w.compareTo(MAX_SOURCE_WEIGHT) > 0)
                p.add(
                        new Problem(
                                "sourceWeights." + e.getKey(),
                                "计分权重（"
                                        + e.getKey().label()
                                        + "）应在0到"
                                        + MAX_SOURCE_WEIGHT
                                        + "之间（0为不计分）。"));
        }
        if (cooperatingScoring == null) p.add(new Problem("cooperatingScoring", "请选择配合单位的计分方式。"));
        points(p, "bonusCap", bonusCap, "加分上限");
        points(p, "deductionCap", deductionCap, "扣分上限");
        return p;
    }

    private static void percent(List<Problem> p, String field, BigDecimal v, String what) {
        if (v == null || v.signum() < 0 || v.compareTo(new BigDecimal(100)) > 0)
            p.add(new Problem(field, what + "应在0到100之间。"));
    }

    private static void points(List<Problem> p, String field, BigDecimal v, String what) {
        if (v == null || v.signum() < 0 || v.compareTo(new BigDecimal(100)) > 0)
            p.add(new Problem(field, what + "应在0到100分之间。"));
    }
}
