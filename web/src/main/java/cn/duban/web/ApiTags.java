package cn.duban.web;

/**
 * The capability tags of the API document, one per capability; each resource class carries one
 * ({@code @Tag(name = ApiTags.LEDGER)}). Their Chinese descriptions are under {@code tags:} in
 * META-INF/openapi.yaml, which OperationDocsTest keeps in step with these names.
 */
public final class ApiTags {

    private ApiTags() {}

    public static final String TENANTS = "Tenants";
    public static final String UNITS = "Units";
    public static final String ACCOUNTS = "Accounts";
    public static final String INTEGRATORS = "Integrators";
    public static final String OPERATORS = "Operators";
    public static final String WORK_CALENDAR = "Work calendar";
    public static final String PLANS = "Plans";
    public static final String PUBLICATION = "Publication";
    public static final String LEDGER = "Ledger";
    public static final String REPORTS = "Reports";
    public static final String INBOX = "Inbox";
    public static final String EVALUATION = "Evaluation";
    public static final String CIRCULARS = "Circulars";
    public static final String AUDIT = "Audit";
    public static final String OPERATOR_AUDIT = "Operator audit";
    public static final String CHANNELS = "Channels";
    public static final String CITY = "City";

    /** The If-Match header: optional optimistic locking, as the API implements it. */
    public static final String IF_MATCH =
            "可选。资源的版本号（取自响应中的 version 字段，可写作 3、\"3\" 或 W/\"3\"；本接口不返回 ETag 头）。"
                    + "带上时，若资源已被他人修改则返回 409（code 为 *.stale），不会覆盖他人的修改；"
                    + "不带时不做版本检查（不返回 428/412）。不是版本号时返回 400 request.if-match。";

    /** The Idempotency-Key header of requests that create something (reports, matters). */
    public static final String IDEMPOTENCY_KEY =
            "可选。1 到 100 个字符的客户端生成的唯一键（如 UUID）。同一用户以同一键重复请求时返回首次的结果而不重复提交或创建"
                    + "（可在超时或 503 后安全重试）；同一键用于另一份报送、另一类请求或由另一用户使用时返回 409 idempotency.key-reused，"
                    + "长度不符返回 400 idempotency.key-invalid。";
}
