using Gaoxin.Api.Infrastructure.Database;
using System.Text;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Policies;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;
using MediatR;
using Microsoft.AspNetCore.WebUtilities;

namespace Gaoxin.Api.Features.Enterprises.ListEligibleEnterprises;

/// <param name="Statuses">As spelled in JSON (met, unknown, partial, notMet); empty: met, unknown and partial.</param>
public sealed record ListEligibleEnterprisesQuery(string PolicyId, string MeasureCode, DateOnly? On, IReadOnlyList<string> Statuses, string? Cursor, int Limit)
    : IQuery<EligibleEnterprisePage>
{
    public const int DefaultLimit = 50;

    public static readonly IReadOnlyDictionary<string, MatchStatus> StatusNames =
        Enum.GetValues<MatchStatus>().ToDictionary(s => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString()));
}

public sealed class ListEligibleEnterprisesValidator : AbstractValidator<ListEligibleEnterprisesQuery>
{
    public ListEligibleEnterprisesValidator()
    {
        RuleForEach(q => q.Statuses).Must(s => ListEligibleEnterprisesQuery.StatusNames.ContainsKey(s))
            .WithMessage(_ => Lang.Pick("状态只能是 met、unknown、partial、notMet。", "A status is one of met, unknown, partial, notMet.")).OverridePropertyName("status");
        RuleFor(q => q.Cursor).MustBeCursor(cursor => RankCursor.TryDecode(cursor, out _));
        RuleFor(q => q.Limit).MustBePageSize();
    }
}

/// <summary>The page cursor of a ranked list: how many items came before. "r:{offset}", opaque to clients.</summary>
public static class RankCursor
{
    public static string Encode(int offset) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"r:{offset}"));

    public static bool TryDecode(string? cursor, out int offset)
    {
        offset = 0;
        if (cursor is null)
        {
            return true;
        }
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            return text.StartsWith("r:", StringComparison.Ordinal) && int.TryParse(text[2..], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// The reverse match: every enterprise the key may see judged against one measure on a day (in force or not, so a
/// measure can be tried before it is published), ranked met, unknown, partial, then by conditions met, then code.
/// </summary>
public sealed class ListEligibleEnterprisesHandler(ReadDatabase db, ICaller caller, TimeProvider clock, MatchCache cache)
    : IRequestHandler<ListEligibleEnterprisesQuery, EligibleEnterprisePage>
{
    private static readonly MatchStatus[] DefaultStatuses = [MatchStatus.Met, MatchStatus.Unknown, MatchStatus.Partial];
    private static readonly string Policy = PolicyRow.Query("p.code = @PolicyId");
    private const string Measure = MeasureRow.Select + "\nwhere p.code = @PolicyId and m.code = @MeasureCode";

    public async Task<EligibleEnterprisePage> Handle(ListEligibleEnterprisesQuery query, CancellationToken cancellationToken)
    {
        RankCursor.TryDecode(query.Cursor, out var offset);
        var day = query.On ?? clock.Today();
        var statuses = query.Statuses.Count > 0 ? query.Statuses.Select(s => ListEligibleEnterprisesQuery.StatusNames[s]).ToHashSet() : DefaultStatuses.ToHashSet();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var policy = await connection.QuerySingleOrDefaultAsync<PolicyRow>(new CommandDefinition(Policy, new { query.PolicyId, Day = day }, cancellationToken: cancellationToken))
            ?? throw PolicyErrors.NotFound(query.PolicyId);
        var measure = await connection.QuerySingleOrDefaultAsync<MeasureRow>(new CommandDefinition(Measure, new { query.PolicyId, query.MeasureCode }, cancellationToken: cancellationToken))
            ?? throw PolicyErrors.MeasureNotFound(query.PolicyId, query.MeasureCode);
        var conditions = EffectiveConditions.Of(measure.Conditions, policy);

        var catalogue = await cache.CatalogueAsync(connection, day, cancellationToken);
        var visible = await EnterpriseAccess.VisibleParksAsync(connection, caller, cancellationToken);
        var judged = (await cache.FactsAsync(connection, catalogue, day, cancellationToken))
            .Where(e => visible is null || (e.Enterprise.ParkId is { } park && visible.Contains(park)))
            .Select(e => (e.Enterprise, e.Facts, Status: MatchRules.Status(conditions, e.Facts, day))).ToList();
        var counts = ListEligibleEnterprisesQuery.StatusNames.ToDictionary(s => s.Key, s => judged.Count(j => j.Status == s.Value));

        var parkNames = catalogue.Parks.InRequestLanguage();
        // Judging in words costs more than the status alone: rank on the status and count, then explain the page only.
        var page = judged.Where(j => statuses.Contains(j.Status))
            .Select(j => (j.Enterprise, j.Facts, j.Status, Met: MatchRules.Tally(conditions, j.Facts, day).Met))
            .OrderBy(j => j.Status).ThenByDescending(j => j.Met).ThenBy(j => j.Enterprise.Code, StringComparer.Ordinal)
            .Skip(offset).Take(query.Limit + 1).ToList();
        var items = page.Take(query.Limit).Select(j =>
        {
            var (_, results) = new ConditionJudge(j.Facts, day, parkNames, fromRecord: true).Judge(conditions);
            var content = j.Enterprise.Content;
            return new EligibleEnterprise
            {
                EnterpriseCode = j.Enterprise.Code,
                EnterpriseName = Lang.Pick(content.Names.Zh, content.Names.En),
                ParkCode = content.ParkCode,
                ParkName = content.ParkCode is { } code ? catalogue.Parks.Name(code) : null,
                Status = j.Status,
                MetConditions = j.Met,
                Conditions = results,
                Missing = results.Where(r => r.Outcome == ConditionOutcome.Unknown).Select(r => r.Kind).Distinct().ToList(),
                Complete = j.Status == MatchStatus.Met,
                Illustrative = content.Illustrative,
            };
        }).ToList();

        return new EligibleEnterprisePage
        {
            Policy = policy.ToRef(),
            Measure = measure.ToDto(),
            On = day,
            Items = items,
            Counts = counts,
            NextCursor = page.Count > query.Limit ? RankCursor.Encode(offset + query.Limit) : null,
        };
    }
}
