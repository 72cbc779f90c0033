using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Infrastructure.Errors;

/// <summary>A kind of problem: its stable code (what clients switch on), its HTTP status and its title in both languages.</summary>
public sealed record ProblemKind(string Code, int Status, Text Title);

/// <summary>
/// Every problem code the API answers with, in one place. Handlers throw them by name (<c>Problems.ParkNotFound</c>);
/// the contract declares <c>Problem.code</c> as exactly this list, and a test holds the README's table to it.
/// Row reasons are what an import gives for a single rejected row, beside the problem codes a row can share.
/// </summary>
public static class Problems
{
    public static readonly ProblemKind RequestValidationFailed = new("request.validation-failed", 400, new("请求参数无效", "Invalid request"));
    public static readonly ProblemKind RequestMalformedBody = new("request.malformed-body", 400, new("请求体无效", "Malformed request body"));
    /// <summary>Any other failure the HTTP server itself answers (its own status stands).</summary>
    public static readonly ProblemKind RequestReadOnlyChanged = new("request.read-only-changed", 400, new("只读字段不可修改", "Read-only member changed"));
    public static readonly ProblemKind RequestFailed = new("request.failed", 400, new("请求失败", "Request failed"));
    public static readonly ProblemKind RequestInvalidParameter = new("request.invalid-parameter", 400, new("请求参数无效", "Invalid request"));
    public static readonly ProblemKind RequestInvalidConsistencyToken = new("request.invalid-consistency-token", 400, new("请求参数无效", "Invalid request"));
    public static readonly ProblemKind UnitIncompatible = new("unit.incompatible", 400, new("单位无法换算", "Incompatible unit"));
    public static readonly ProblemKind ImportUnknownColumn = new("import.unknown-column", 400, new("导入文件无效", "Invalid import file"));
    public static readonly ProblemKind ImportMalformed = new("import.malformed", 400, new("导入文件无效", "Invalid import file"));
    public static readonly ProblemKind ImportInvalidEncoding = new("import.invalid-encoding", 400, new("导入文件无效", "Invalid import file"));
    public static readonly ProblemKind ImportRecordTooLarge = new("import.record-too-large", 400, new("导入文件无效", "Invalid import file"));
    public static readonly ProblemKind AuthMissingKey = new("auth.missing-key", 401, new("未认证", "Unauthorized"));
    public static readonly ProblemKind AuthInvalidKey = new("auth.invalid-key", 401, new("未认证", "Unauthorized"));
    public static readonly ProblemKind AuthInsufficientScope = new("auth.insufficient-scope", 403, new("无权限", "Forbidden"));
    public static readonly ProblemKind AuthOutsideParkScope = new("auth.outside-park-scope", 403, new("无权限", "Forbidden"));
    public static readonly ProblemKind AuthParkScopedKey = new("auth.park-scoped-key", 403, new("无权限", "Forbidden"));
    public static readonly ProblemKind ApiKeyExceedsCaller = new("api-key.exceeds-caller", 403, new("无权限", "Forbidden"));
    public static readonly ProblemKind RoundNotReviewer = new("round.not-reviewer", 403, new("无权限", "Forbidden"));
    public static readonly ProblemKind RouteNotFound = new("route.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind ParkNotFound = new("park.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind SourceNotFound = new("source.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind IndicatorNotFound = new("indicator.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind ObservationNotFound = new("observation.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind PolicyNotFound = new("policy.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind PolicyVersionNotFound = new("policy.version-not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind OrganisationNotFound = new("organisation.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind MeasureNotFound = new("measure.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind RelationNotFound = new("relation.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind ImportNotFound = new("import.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind TargetNotFound = new("target.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind SchemeNotFound = new("scheme.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind SchemeVersionNotFound = new("scheme.version-not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind EnterpriseNotFound = new("enterprise.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind ProjectNotFound = new("project.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind CaseNotFound = new("case.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind CalendarYearNotFound = new("calendar.year-not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind ApiKeyNotFound = new("api-key.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind WebhookNotFound = new("webhook.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind WebhookEventNotFound = new("webhook.event-not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind DataSetNotFound = new("data-set.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind RoundNotFound = new("round.not-found", 404, new("资源不存在", "Not found"));
    public static readonly ProblemKind RouteMethodNotAllowed = new("route.method-not-allowed", 405, new("方法不被允许", "Method not allowed"));
    public static readonly ProblemKind ParkCodeTaken = new("park.code-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ParkZoneExists = new("park.zone-exists", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ParkParentCycle = new("park.parent-cycle", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ParkHasChildren = new("park.has-children", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ParkHasObservations = new("park.has-observations", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ParkHasHistory = new("park.has-history", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ParkTreeTooDeep = new("park.tree-too-deep", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind IndicatorCodeTaken = new("indicator.code-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind IndicatorHasObservations = new("indicator.has-observations", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind IndicatorHasHistory = new("indicator.has-history", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind IndicatorUnitLocked = new("indicator.unit-locked", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind IndicatorMemberInUse = new("indicator.member-in-use", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind IndicatorRuleBrokenByExisting = new("indicator.rule-broken-by-existing", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind PolicyIdTaken = new("policy.id-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind PolicyDocumentNumberTaken = new("policy.document-number-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind PolicyHasRelations = new("policy.has-relations", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind MeasureCodeTaken = new("measure.code-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind RelationExists = new("relation.exists", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind SchemeCodeTaken = new("scheme.code-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind EnterpriseCodeTaken = new("enterprise.code-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind EnterpriseCreditCodeTaken = new("enterprise.credit-code-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ParkHasEnterprises = new("park.has-enterprises", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ParkHasProjects = new("park.has-projects", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ProjectCodeTaken = new("project.code-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ProjectHasDependents = new("project.has-dependents", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind CaseCodeTaken = new("case.code-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind DataSetHasRounds = new("data-set.has-rounds", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind RoundTransitionNotAllowed = new("round.transition-not-allowed", 409, new("当前状态不允许此操作", "Not allowed in this state"));
    public static readonly ProblemKind RoundSubParksPending = new("round.sub-parks-pending", 409, new("下级园区尚未审核", "Sub-parks not approved"));
    public static readonly ProblemKind RoundParentApproved = new("round.parent-approved", 409, new("上级园区已审核", "Parent park approved"));
    public static readonly ProblemKind ApiKeyNameTaken = new("api-key.name-taken", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ConflictDuplicate = new("conflict.duplicate", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind ConflictInUse = new("conflict.in-use", 409, new("与当前状态冲突", "Conflict"));
    public static readonly ProblemKind IdempotencyInProgress = new("idempotency.in-progress", 409, new("请求正在处理", "Request in progress"));
    public static readonly ProblemKind PreconditionFailed = new("precondition.failed", 412, new("前提条件不成立", "Precondition failed"));
    public static readonly ProblemKind RequestBodyTooLarge = new("request.body-too-large", 413, new("请求体过大", "Request body too large"));
    public static readonly ProblemKind ImportTooManyRows = new("import.too-many-rows", 413, new("行数过多", "Too many rows"));
    public static readonly ProblemKind RequestUnsupportedMediaType = new("request.unsupported-media-type", 415, new("不支持的媒体类型", "Unsupported media type"));
    public static readonly ProblemKind ObservationTotalMismatch = new("observation.total-mismatch", 422, new("违反业务规则", "Rule violated"));
    public static readonly ProblemKind ObservationCorrectionNeedsNote = new("observation.correction-needs-note", 422, new("违反业务规则", "Rule violated"));
    public static readonly ProblemKind PolicyImplementsNonCore = new("policy.implements-non-core", 422, new("违反业务规则", "Rule violated"));
    public static readonly ProblemKind SchemeMalformed = new("scheme.malformed", 422, new("评价体系无效", "Invalid scheme"));
    public static readonly ProblemKind SchemeWeightsDoNotAddUp = new("scheme.weights-do-not-add-up", 422, new("评价体系无效", "Invalid scheme"));
    public static readonly ProblemKind SchemeUnknownIndicator = new("scheme.unknown-indicator", 422, new("评价体系无效", "Invalid scheme"));
    public static readonly ProblemKind SchemeIncompatibleRatio = new("scheme.incompatible-ratio", 422, new("评价体系无效", "Invalid scheme"));
    public static readonly ProblemKind EnterpriseConflictingFacts = new("enterprise.conflicting-facts", 422, new("企业信息相互矛盾", "Conflicting enterprise facts"));
    public static readonly ProblemKind ProjectUnknownReference = new("project.unknown-reference", 422, new("引用的对象不存在", "Unknown reference"));
    public static readonly ProblemKind ProjectDependencyCycle = new("project.dependency-cycle", 422, new("依赖关系成环", "Dependency cycle"));
    public static readonly ProblemKind ProjectConflictingFacts = new("project.conflicting-facts", 422, new("项目信息相互矛盾", "Conflicting project facts"));
    public static readonly ProblemKind CaseUnknownReference = new("case.unknown-reference", 422, new("引用的对象不存在", "Unknown reference"));
    public static readonly ProblemKind CaseConflictingFacts = new("case.conflicting-facts", 422, new("代办信息相互矛盾", "Conflicting case facts"));
    public static readonly ProblemKind DataSetUnknownReference = new("data-set.unknown-reference", 422, new("引用的对象不存在", "Unknown reference"));
    public static readonly ProblemKind DataSetInvalidRule = new("data-set.invalid-rule", 422, new("校验规则无效", "Invalid rule"));
    public static readonly ProblemKind RoundRulesFailed = new("round.rules-failed", 422, new("未通过校验", "Checks failed"));
    public static readonly ProblemKind WebhookTargetNotAllowed = new("webhook.target-not-allowed", 422, new("目标地址不允许", "Target not allowed"));
    public static readonly ProblemKind WebhookTargetUnresolvable = new("webhook.target-unresolvable", 422, new("目标地址无法解析", "Target unresolvable"));
    public static readonly ProblemKind ImportRejected = new("import.rejected", 422, new("导入被拒绝", "Import rejected"));
    public static readonly ProblemKind IdempotencyKeyReused = new("idempotency.key-reused", 422, new("Idempotency-Key 已用于其他请求", "Idempotency-Key reused"));
    public static readonly ProblemKind PreconditionRequired = new("precondition.required", 428, new("需要前提条件", "Precondition required"));
    public static readonly ProblemKind RoundLocked = new("round.locked", 423, new("数据已锁定", "Locked"));
    public static readonly ProblemKind RequestRateLimited = new("request.rate-limited", 429, new("请求过多", "Too many requests"));
    public static readonly ProblemKind ServerError = new("server.error", 500, new("服务器内部错误", "Internal server error"));
    public static readonly ProblemKind ServerDatabaseUnavailable = new("server.database-unavailable", 503, new("服务暂不可用", "Service unavailable"));
    public static readonly ProblemKind ImportBusy = new("import.busy", 503, new("导入繁忙", "Imports busy"));

    // Reasons for one rejected import row (inside an import report; never the answer to a request of their own).
    public static readonly ProblemKind ImportUnknownField = new("import.unknown-field", 422, new("字段未知", "Unknown field"));
    public static readonly ProblemKind ImportMissingValue = new("import.missing-value", 422, new("缺少值", "Missing value"));
    public static readonly ProblemKind ImportInvalidValue = new("import.invalid-value", 422, new("值无效", "Invalid value"));
    public static readonly ProblemKind ImportDuplicateRow = new("import.duplicate-row", 422, new("重复的行", "Duplicate row"));
    public static readonly ProblemKind ImportInconsistentRows = new("import.inconsistent-rows", 422, new("同一数值的各行不一致", "Inconsistent rows"));
    public static readonly ProblemKind ImportObservationRejected = new("import.observation-rejected", 422, new("所属数值被拒绝", "Figure rejected"));

    /// <summary>The row reasons above: they appear only inside import reports.</summary>
    private static readonly ProblemKind[] RowReasons =
        [ImportUnknownField, ImportMissingValue, ImportInvalidValue, ImportDuplicateRow, ImportInconsistentRows, ImportObservationRejected];

    /// <summary>Every problem kind, in the order above.</summary>
    public static IReadOnlyList<ProblemKind> All { get; } = typeof(Problems).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ProblemKind)).Select(f => (ProblemKind)f.GetValue(null)!).ToList();

    /// <summary>The codes a request's answer can carry (row codes appear only inside import reports).</summary>
    public static IReadOnlyList<ProblemKind> Answers { get; } = All.Except(RowReasons).ToList();
}
