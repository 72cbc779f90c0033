using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Enterprises;

namespace Gaoxin.Api.Features.Enterprises;

/// <summary>What create and update both do before they write: check every fact, then give the columns to write.</summary>
public static class EnterpriseWrites
{
    /// <summary>
    /// Checks the fields against the database and each other (parks and sources exist, the key may write there, no
    /// contradiction, the credit code is not another's) and returns the content to store with its columns.
    /// </summary>
    public static async Task<EnterpriseColumns> ColumnsAsync(DbSession session, ICaller caller, string code, EnterpriseFields fields,
        IReadOnlyList<StoredStay> previousStays, CancellationToken cancellationToken)
    {
        long? parkId = null;
        if (fields.ParkCode is { } parkCode)
        {
            parkId = await session.ExecuteScalarAsync<long?>("select id from parks where code = @parkCode", new { parkCode }, cancellationToken)
                ?? throw ParkErrors.NotFound(parkCode);
            await caller.EnsureWithinAsync(session, parkId.Value, parkCode, cancellationToken);
        }
        else if (caller.ParkScopeId is not null && previousStays.Count == 0)
        {
            // A park-limited key records enterprises of its parks only: one with no park would be beyond its sight at once.
            throw new ApiException(Problems.AuthOutsideParkScope, new Text(
                "此 API 密钥仅限于部分园区：请在 parkCode 中给出其中之一。", "This API key is limited to some parks: give one of them as parkCode."));
        }

        var sources = new[] { fields.SourceCode }
            .Concat(fields.Qualifications.Select(q => q.SourceCode))
            .Concat(fields.Figures.Select(f => f.SourceCode))
            .OfType<string>().Distinct().ToArray();
        foreach (var source in sources)
        {
            _ = await session.ExecuteScalarAsync<long?>("select id from sources where code = @source", new { source }, cancellationToken)
                ?? throw ParkErrors.SourceNotFound(source);
        }

        var contradictions = EnterpriseRules.Contradictions(fields, previousStays);
        if (contradictions.Count > 0)
        {
            throw EnterpriseErrors.ConflictingFacts(contradictions);
        }
        if (fields.CreditCode is { } creditCode
            && await session.ExecuteScalarAsync<string?>("select code from enterprises where credit_code = @creditCode and code <> @code",
                new { creditCode, code }, cancellationToken) is { } holder)
        {
            throw EnterpriseErrors.CreditCodeTaken(holder);
        }

        var content = StoredEnterprise.Of(fields, EnterpriseRules.NextStays(previousStays, fields.ParkCode, fields.InParkSince));
        return new EnterpriseColumns(code, content.CreditCode, content.Names.Zh, content.Names.En, parkId,
            content.Industries.Select(i => i.ToDb()).ToArray(), content.Qualifications.Select(q => q.Kind.ToDb()).Distinct().ToArray(),
            content.ToJson(), content.Illustrative, caller.DisplayName);
    }
}

/// <summary>The columns an enterprise's insert and update bind.</summary>
public sealed record EnterpriseColumns(string Code, string? CreditCode, string NameZh, string NameEn, long? ParkId, string[] Industries,
    string[] Qualifications, string Content, bool Illustrative, string RecordedBy)
{
    public DateTimeOffset RecordedAt { get; init; }
}
