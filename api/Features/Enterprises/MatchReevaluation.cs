using Gaoxin.Api.Features.Policies;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Enterprises;
using Npgsql;

namespace Gaoxin.Api.Features.Enterprises;

/// <summary>
/// The match feed's source: just before a transaction that changed enterprises, policies, measures or parks commits,
/// judges what it changed on today's date before and after, and records every change of outcome as a match event in
/// the same transaction. "Before" is read on a second connection, which sees exactly what is committed; this runs
/// under the change feed's lock, which writers hold until they commit, so nothing commits in between and each
/// change of outcome is recorded once, by the transaction that caused it.
/// </summary>
public sealed class MatchReevaluation(NpgsqlDataSource db, MatchCache cache, TimeProvider clock) : IBeforeCommit
{
    private const string Changed = """
        select distinct resource_type, resource_key from changes
        where txid = pg_current_xact_id() and resource_type in ('enterprise', 'policy', 'measure', 'park')
        """;

    public async Task RunAsync(DbSession session, CancellationToken cancellationToken)
    {
        var changed = (await session.QueryAsync<(string Type, string Key)>(Changed, null, cancellationToken)).ToList();
        if (changed.Count == 0)
        {
            return;
        }
        await session.ExecuteAsync("select pg_advisory_xact_lock(7147483647)", null, cancellationToken);
        var day = clock.Today();

        var enterpriseCodes = changed.Where(c => c.Type == "enterprise").Select(c => c.Key).ToArray();
        var parksChanged = changed.Any(c => c.Type == "park");
        var policies = changed.Where(c => c.Type == "policy").Select(c => c.Key).ToHashSet();
        var measures = changed.Where(c => c.Type == "measure").Select(c => c.Key).ToHashSet();
        var catalogueChanged = parksChanged || policies.Count > 0 || measures.Count > 0;

        await using var committed = await db.OpenConnectionAsync(cancellationToken);
        var catalogueBefore = await cache.CatalogueAsync(committed, day, cancellationToken);
        var catalogueAfter = catalogueChanged ? await MatchCatalogue.LoadAsync(session.Connection, session.Transaction, day, cancellationToken) : catalogueBefore;

        // The measures whose outcomes may have moved for every enterprise: all of them when the park tree changed.
        bool Affected(CatalogueMeasure m) => parksChanged || policies.Contains(m.Policy.Code) || measures.Contains(m.Policy.Code + "/" + m.Measure.Code);
        var affectedBefore = catalogueBefore.Measures.Where(Affected).ToList();
        var affectedAfter = catalogueAfter.Measures.Where(Affected).ToList();

        var before = new Dictionary<(string, string, string), MatchStatus>();
        var after = new Dictionary<(string, string, string), MatchStatus>();
        var grants = new Dictionary<(string, string), bool>();
        var parkOf = new Dictionary<string, long?>();

        if (affectedBefore.Count > 0 || affectedAfter.Count > 0)
        {
            var everyoneBefore = await cache.EnterprisesAsync(committed, cancellationToken);
            var everyoneAfter = enterpriseCodes.Length > 0
                ? await EnterpriseRecord.LoadAsync(session.Connection, session.Transaction, null, cancellationToken)
                : everyoneBefore;
            Judge(everyoneBefore, affectedBefore, catalogueBefore, day, before, grants, parkOf);
            Judge(everyoneAfter, affectedAfter, catalogueAfter, day, after, grants, parkOf);
        }
        if (enterpriseCodes.Length > 0)
        {
            // The changed enterprises against every other measure (the affected ones are judged above).
            var changedBefore = await EnterpriseRecord.LoadAsync(committed, null, enterpriseCodes, cancellationToken);
            var changedAfter = await EnterpriseRecord.LoadAsync(session.Connection, session.Transaction, enterpriseCodes, cancellationToken);
            Judge(changedBefore, catalogueBefore.Measures.Where(m => !Affected(m)).ToList(), catalogueBefore, day, before, grants, parkOf);
            Judge(changedAfter, catalogueAfter.Measures.Where(m => !Affected(m)).ToList(), catalogueAfter, day, after, grants, parkOf);
            foreach (var gone in enterpriseCodes.Except(changedAfter.Select(e => e.Code)))
            {
                parkOf.TryAdd(gone, null);
            }
        }

        var events = new List<MatchEventRow>();
        foreach (var key in before.Keys.Union(after.Keys))
        {
            MatchStatus? from = before.TryGetValue(key, out var b) ? b : null;
            MatchStatus? to = after.TryGetValue(key, out var a) ? a : null;
            if (MatchEvents.KindOf(from, to) is not { } kind)
            {
                continue;
            }
            var (enterprise, policy, measure) = key;
            events.Add(new MatchEventRow(kind.ToDb(), enterprise, parkOf.GetValueOrDefault(enterprise), policy, measure, from.ToDb(), to.ToDb(),
                to == MatchStatus.Met && grants.GetValueOrDefault((policy, measure))));
        }
        if (events.Count == 0)
        {
            return;
        }
        // In a stable order, so a follower of the feed reads a transaction's events the same way every time.
        events.Sort((x, y) => string.CompareOrdinal($"{x.EnterpriseCode}\u0001{x.PolicyCode}\u0001{x.MeasureCode}", $"{y.EnterpriseCode}\u0001{y.PolicyCode}\u0001{y.MeasureCode}"));
        await session.ExecuteAsync("""
            insert into match_events (kind, enterprise_code, park_id, policy_code, measure_code, from_status, to_status, grant_without_application, judged_on)
            select * from unnest(@Kinds, @Enterprises, @Parks, @Policies, @Measures, @Froms, @Tos, @Grants, array_fill(@Day::date, array[@Count]))
            """, new
        {
            Kinds = events.Select(e => e.Kind).ToArray(),
            Enterprises = events.Select(e => e.EnterpriseCode).ToArray(),
            Parks = events.Select(e => e.ParkId).ToArray(),
            Policies = events.Select(e => e.PolicyCode).ToArray(),
            Measures = events.Select(e => e.MeasureCode).ToArray(),
            Froms = events.Select(e => e.From).ToArray(),
            Tos = events.Select(e => e.To).ToArray(),
            Grants = events.Select(e => e.Grant).ToArray(),
            Day = day,
            Count = events.Count,
        }, cancellationToken);
    }

    private static void Judge(IReadOnlyList<EnterpriseRecord> enterprises, IReadOnlyList<CatalogueMeasure> measures, MatchCatalogue catalogue, DateOnly day,
        Dictionary<(string, string, string), MatchStatus> into, Dictionary<(string, string), bool> grants, Dictionary<string, long?> parkOf)
    {
        if (measures.Count == 0)
        {
            return;
        }
        foreach (var measure in measures)
        {
            grants[measure.Key] = measure.Measure.GrantWithoutApplication;
        }
        foreach (var enterprise in enterprises)
        {
            parkOf[enterprise.Code] = enterprise.ParkId;
            var facts = enterprise.FactsOn(day, catalogue);
            foreach (var measure in measures)
            {
                into[(enterprise.Code, measure.Policy.Code, measure.Measure.Code)] = MatchRules.Status(measure.Conditions, facts, day);
            }
        }
    }

    private sealed record MatchEventRow(string Kind, string EnterpriseCode, long? ParkId, string PolicyCode, string MeasureCode, string? From, string? To, bool Grant);
}

/// <summary>Which changes of outcome the match feed reports, written once.</summary>
public static class MatchEvents
{
    /// <summary>
    /// Newly eligible: now meets every condition and did not. No longer eligible: did and does not (or the measure or
    /// the enterprise is gone). Newly decidable: was undecided and its data now decides it, not eligible. Anything else
    /// (a new enterprise that qualifies for nothing, a partial match becoming unmet) is not news.
    /// </summary>
    public static MatchEventKind? KindOf(MatchStatus? from, MatchStatus? to) => (from, to) switch
    {
        (not MatchStatus.Met, MatchStatus.Met) => MatchEventKind.NewlyEligible,
        (MatchStatus.Met, not MatchStatus.Met) => MatchEventKind.NoLongerEligible,
        (MatchStatus.Unknown, MatchStatus.Partial or MatchStatus.NotMet) => MatchEventKind.NewlyDecidable,
        _ => null,
    };
}
