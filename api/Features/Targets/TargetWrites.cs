using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Security;

namespace Gaoxin.Api.Features.Targets;

public static class TargetErrors
{
    public static ApiException NotFound(string code) => new(Problems.TargetNotFound,
        new($"目标“{code}”不存在。", $"There is no target '{code}'."), new Dictionary<string, object?> { ["targetCode"] = code });
}

/// <summary>What put and delete share: the key's parts resolved to rows, and the revision each change appends.</summary>
public static class TargetWrites
{
    public sealed record Key(IndicatorRow Indicator, long ParkId, Period Period, string Code);

    /// <summary>Resolves a target's key; unknown codes are 404s naming them, a park outside the caller's subtree a 403.</summary>
    public static async Task<Key> ResolveAsync(DbSession session, ICaller caller, string indicatorCode, string parkCode, string periodText,
        string? member, CancellationToken cancellationToken)
    {
        Period.TryParse(periodText, out var period);
        var indicator = await IndicatorWrites.FindForFigureAsync(session, indicatorCode, cancellationToken);
        var parkId = await session.ExecuteScalarAsync<long?>("select id from parks where code = @parkCode", new { parkCode }, cancellationToken)
            ?? throw ParkErrors.NotFound(parkCode);
        await caller.EnsureWithinAsync(session, parkId, parkCode, cancellationToken);
        return new Key(indicator, parkId, period, TargetRow.CodeOf(indicator.Code, parkCode, period.Canonical, member));
    }

    /// <summary>Every change appends the target as it now is (or, for a deletion, its key): the history and asOf read these.</summary>
    public const string InsertRevision = """
        insert into target_revisions (code, indicator_id, park_id, period, period_start, period_end, member, action, version,
                                      direction, value, due_on, baseline_value, baseline_on, source_id, note, illustrative, recorded_at, recorded_by)
        select code, indicator_id, park_id, period, period_start, period_end, member, @Action, version + case when @Action = 'deleted' then 1 else 0 end,
               case when @Action = 'deleted' then null else direction end, case when @Action = 'deleted' then null else value end,
               case when @Action = 'deleted' then null else due_on end, case when @Action = 'deleted' then null else baseline_value end,
               case when @Action = 'deleted' then null else baseline_on end, case when @Action = 'deleted' then null else source_id end,
               case when @Action = 'deleted' then @Note else note end, case when @Action = 'deleted' then null else illustrative end,
               @RecordedAt, @RecordedBy
        from targets where code = @Code
        """;
}
