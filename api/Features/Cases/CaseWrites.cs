using Gaoxin.Api.Features.Enterprises;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Cases;

namespace Gaoxin.Api.Features.Cases;

/// <summary>What create and update both do before they write: check every fact, then give the columns to write.</summary>
public static class CaseWrites
{
    public static async Task<CaseColumns> ColumnsAsync(DbSession session, ICaller caller, string code, CaseFields fields, CancellationToken cancellationToken)
    {
        var @case = StoredCase.Normalise(fields);
        var parkId = await session.ExecuteScalarAsync<long?>("select id from parks where code = @ParkCode", new { @case.ParkCode }, cancellationToken)
            ?? throw ParkErrors.NotFound(@case.ParkCode);
        await caller.EnsureWithinAsync(session, parkId, @case.ParkCode, cancellationToken);

        var contradictions = CaseRules.Contradictions(@case);
        if (contradictions.Count > 0)
        {
            throw CaseErrors.ConflictingFacts(contradictions);
        }

        var errors = new Dictionary<string, string[]>();
        void Add(string member, string name) => errors[member] = [.. errors.GetValueOrDefault(member, []), Lang.Pick($"“{name}”不存在。", $"'{name}' does not exist.")];
        if (@case.EnterpriseCode is { } enterprise)
        {
            // Only a key that may see the enterprise links to it: to any other, every code is unknown alike.
            var enterprisePark = await session.QuerySingleOrDefaultAsync<(long Id, long? ParkId)?>("select id, park_id from enterprises where code = @enterprise", new { enterprise }, cancellationToken);
            if (enterprisePark is not { } found || !EnterpriseAccess.MayRead(caller)
                || !await EnterpriseAccess.MaySeeAsync(session.Connection, session.Transaction, caller, found.ParkId, cancellationToken))
            {
                Add("enterpriseCode", enterprise);
            }
        }
        if (@case.ProjectCode is { } project
            && await session.ExecuteScalarAsync<long?>("select id from projects where code = @project", new { project }, cancellationToken) is null)
        {
            Add("projectCode", project);
        }
        var departments = @case.Steps.Select(s => s.DepartmentCode).Distinct().ToArray();
        var known = (await session.QueryAsync<string>("select code from organisations where code = any(@departments)", new { departments }, cancellationToken)).ToHashSet();
        foreach (var department in departments.Where(d => !known.Contains(d)))
        {
            Add("steps.departmentCode", department);
        }
        if (errors.Count > 0)
        {
            throw CaseErrors.UnknownReferences(errors);
        }
        return new CaseColumns(code, parkId, @case.State.ToDb(), departments, StoredCase.ToJson(@case), @case.Illustrative, caller.DisplayName);
    }
}

/// <summary>The columns a case's insert and update bind.</summary>
public sealed record CaseColumns(string Code, long ParkId, string State, string[] Departments, string Content, bool Illustrative, string RecordedBy)
{
    public DateTimeOffset RecordedAt { get; init; }
}
