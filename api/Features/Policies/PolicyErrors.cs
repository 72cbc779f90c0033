using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Policies;

public static class PolicyErrors
{
    public static ApiException NotFound(string id) => new(Problems.PolicyNotFound,
        new Text($"政策文件“{id}”不存在。", $"Policy '{id}' does not exist."),
        new Dictionary<string, object?> { ["policyId"] = id });

    public static ApiException VersionNotFound(string id, int version) => new(Problems.PolicyVersionNotFound,
        new Text($"政策文件“{id}”没有第 {version} 版。", $"Policy '{id}' has no version {version}."),
        new Dictionary<string, object?> { ["policyId"] = id, ["version"] = version });

    public static ApiException OrganisationNotFound(string code) => new(Problems.OrganisationNotFound,
        new Text($"机构“{code}”不存在。", $"Organisation '{code}' does not exist."),
        new Dictionary<string, object?> { ["organisationCode"] = code });

    public static ApiException MeasureNotFound(string id, string code) => new(Problems.MeasureNotFound,
        new Text($"政策文件“{id}”中没有措施“{code}”。", $"Policy '{id}' has no measure '{code}'."),
        new Dictionary<string, object?> { ["policyId"] = id, ["measureCode"] = code });

    public static ApiException RelationNotFound(string id, long relationId) => new(Problems.RelationNotFound,
        new Text($"政策文件“{id}”没有编号为 {relationId} 的关系。", $"Policy '{id}' has no relation {relationId}."),
        new Dictionary<string, object?> { ["policyId"] = id, ["relationId"] = relationId });

    public static ApiException IdTaken(string id) => new(Problems.PolicyIdTaken,
        new Text($"标识“{id}”已被其他政策文件使用。", $"Id '{id}' is already used by another policy."),
        new Dictionary<string, object?> { ["policyId"] = id });

    public static ApiException DocumentNumberTaken(string number) => new(Problems.PolicyDocumentNumberTaken,
        new Text($"文号“{number}”已被其他政策文件使用。", $"Document number '{number}' is already used by another policy."),
        new Dictionary<string, object?> { ["documentNumber"] = number });

    public static ApiException HasRelations(string id, IReadOnlyList<string> others) => new(Problems.PolicyHasRelations,
        new Text($"其他文件仍与“{id}”有关系：{string.Join("、", others)}。请先删除这些关系。", $"Other documents still relate to '{id}': {string.Join(", ", others)}. Delete those relations first."),
        new Dictionary<string, object?> { ["policyId"] = id, ["relatedIds"] = others });

    public static ApiException MeasureCodeTaken(string id, string code) => new(Problems.MeasureCodeTaken,
        new Text($"政策文件“{id}”已有措施“{code}”。", $"Policy '{id}' already has a measure '{code}'."),
        new Dictionary<string, object?> { ["policyId"] = id, ["measureCode"] = code });

    public static ApiException RelationExists(string id, string target, string kind) => new(Problems.RelationExists,
        new Text($"“{id}”与“{target}”之间已有该关系。", $"'{id}' already {kind} '{target}'."),
        new Dictionary<string, object?> { ["policyId"] = id, ["targetId"] = target, ["kind"] = kind });

    public static ApiException ImplementsNeedsCore(string id, string target) => new(Problems.PolicyImplementsNonCore,
        new Text($"只有配套政策才能实施核心政策：“{id}”不是配套政策，或“{target}”不是核心政策。",
                 $"Only a supporting document implements, and only a core one: '{id}' is not supporting or '{target}' is not core."),
        new Dictionary<string, object?> { ["rule"] = "supportingImplementsCore", ["policyId"] = id, ["targetId"] = target });
}
