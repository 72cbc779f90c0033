using Dapper;
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
        await using var committed = await db.OpenConnectionAsync(cancellationToken);
        // What the date alone changed comes first, so this transaction's events start from the outcomes of today.
        await SweepIfDueAsync(session, committed, day, cancellationToken);

        var enterpriseCodes = changed.Where(c => c.Type == "enterprise").Select(c => c.Key).ToHashSet();
        // A park's name or description changes no outcome; its place in the tree (or a new or deleted park) may.
        var parksChanged = changed.Any(c => c.Type == "park")
            && await TreeAsync(committed, null, cancellationToken) != await TreeAsync(session.Connection, session.Transaction, cancellationToken);
        var policies = changed.Where(c => c.Type == "policy").Select(c => c.Key).ToHashSet();
        var measures = changed.Where(c => c.Type == "measure").Select(c => c.Key).ToHashSet();
        var catalogueChanged = parksChanged || policies.Count > 0 || measures.Count > 0;

        var catalogueBefore = await cache.CatalogueAsync(committed, day, cancellationToken);
        // A changed park tree can move any condition: read it all again. Changed documents: read just those again.
        var catalogueAfter = parksChanged ? await MatchCatalogue.LoadAsync(session.Connection, session.Transaction, day, cancellationToken)
            : catalogueChanged ? await catalogueBefore.WithPoliciesAsync(session.Connection, session.Transaction,
                policies.Concat(measures.Select(m => m.Split('/')[0])).ToHashSet(), cancellationToken)
            : catalogueBefore;

        // The measures whose outcomes may have moved for every enterprise: with the park tree, those with a park condition.
        bool Affected(CatalogueMeasure m) => (parksChanged && m.Conditions.Parks.Count > 0)
            || policies.Contains(m.Policy.Code) || measures.Contains(m.Policy.Code + "/" + m.Measure.Code);
        // A park renamed changes no status but does change the names explanations use.
        if (!parksChanged && changed.Any(c => c.Type == "park"))
        {
            catalogueAfter = await catalogueAfter.WithParksAsync(session.Connection, session.Transaction, cancellationToken);
        }

        var events = new List<MatchEventRow>();
        var everyoneBefore = await cache.EnterprisesAsync(committed, cancellationToken);
        var everyoneAfter = everyoneBefore;
        if (enterpriseCodes.Count > 0)
        {
            // The changed enterprises against every measure not compared below for everyone (all of them when the
            // catalogue did not change: the same list on both sides).
            var changedBefore = everyoneBefore.Changed(enterpriseCodes);
            var changedAfter = await EnterpriseRecord.LoadAsync(session.Connection, session.Transaction, [.. enterpriseCodes], cancellationToken);
            var othersBefore = catalogueChanged ? catalogueBefore.Measures.Where(m => !Affected(m)).ToList() : catalogueBefore.Measures;
            var othersAfter = catalogueChanged ? catalogueAfter.Measures.Where(m => !Affected(m)).ToList() : othersBefore;
            Compare(new(changedBefore, othersBefore, catalogueBefore, day), new(changedAfter, othersAfter, catalogueAfter, day), events);
            everyoneAfter = everyoneBefore.With(changedBefore, changedAfter);
        }
        if (catalogueChanged)
        {
            Compare(new(everyoneBefore, catalogueBefore.Measures.Where(Affected).ToList(), catalogueBefore, day),
                new(everyoneAfter, catalogueAfter.Measures.Where(Affected).ToList(), catalogueAfter, day), events);
        }
        await RecordAsync(session, events, day, cancellationToken);

        // The deferred triggers take this transaction's revisions now, so what it commits can be cached under them.
        await session.ExecuteAsync("set constraints all immediate", null, cancellationToken);
        var revisions = (await session.QueryAsync<(string Name, long Revision)>("select name, revision from match_inputs", null, cancellationToken))
            .ToDictionary(r => r.Name, r => r.Revision);
        cache.Prime(
            changed.Any(c => c.Type is "park" or "policy" or "measure") ? revisions.GetValueOrDefault("catalogue") : null, catalogueAfter,
            enterpriseCodes.Count > 0 ? revisions.GetValueOrDefault("enterprises") : null, everyoneAfter);
    }

    /// <summary>
    /// Outcomes that move with the date alone: measures coming into or going out of force, qualifications and stays
    /// that begin or end, anniversaries of registration, and on a new year the figures matching reads. The first
    /// writing transaction of a zone day judges those, on the committed state, between the last day judged and today
    /// (the hosted <see cref="SweepMatchDay.MatchDaySweep"/> does it when nothing is written). Under the feed's lock and one row's, so
    /// exactly one transaction does it.
    /// </summary>
    public async Task SweepIfDueAsync(DbSession session, NpgsqlConnection committed, DateOnly today, CancellationToken cancellationToken)
    {
        var last = await session.QuerySingleOrDefaultAsync<DateOnly?>("select judged_on from match_sweeps for update", null, cancellationToken);
        if (last is null)
        {
            // The first judging ever: the feed starts from today's outcomes.
            await session.ExecuteAsync("insert into match_sweeps (judged_on) values (@today) on conflict do nothing", new { today }, cancellationToken);
            return;
        }
        if (last.Value >= today)
        {
            return;
        }
        var then = last.Value;
        var catalogueThen = await MatchCatalogue.LoadAsync(committed, null, then, cancellationToken);
        var catalogueNow = await cache.CatalogueAsync(committed, today, cancellationToken);
        var enterprises = await cache.EnterprisesAsync(committed, cancellationToken);

        bool Within(DateOnly? date) => date is { } d && d > then && d <= today;
        bool AnniversaryWithin(DateOnly? registered) => registered is { } r
            && Enumerable.Range(then.Year, today.Year - then.Year + 1).Any(y => Within(r.AddYears(y - r.Year)));
        var newYear = then.Year != today.Year;
        var dated = enterprises.Where(e => newYear || AnniversaryWithin(e.Content.RegisteredOn)
            || e.Content.Qualifications.Any(q => Within(q.From) || Within(q.Until)) || e.Content.Parks.Any(s => Within(s.Since))).ToList();
        var keysThen = catalogueThen.Measures.Select(m => m.Key).ToHashSet();
        var keysNow = catalogueNow.Measures.Select(m => m.Key).ToHashSet();
        bool InOrOut(CatalogueMeasure m) => !(keysThen.Contains(m.Key) && keysNow.Contains(m.Key));

        var events = new List<MatchEventRow>();
        Compare(new(enterprises, catalogueThen.Measures.Where(InOrOut).ToList(), catalogueThen, then),
            new(enterprises, catalogueNow.Measures.Where(InOrOut).ToList(), catalogueNow, today), events);
        Compare(new(dated, catalogueThen.Measures.Where(m => !InOrOut(m)).ToList(), catalogueThen, then),
            new(dated, catalogueNow.Measures.Where(m => !InOrOut(m)).ToList(), catalogueNow, today), events);
        await RecordAsync(session, events, today, cancellationToken);
        await session.ExecuteAsync("update match_sweeps set judged_on = @today", new { today }, cancellationToken);
    }

    /// <summary>The park tree as matching reads it (each park's code and its parent's), as one comparable text.</summary>
    private static async Task<string> TreeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string>(new CommandDefinition("""
            select coalesce(string_agg(p.code || '<' || coalesce(q.code, ''), ',' order by p.code), '')
            from parks p left join parks q on q.id = p.parent_id
            """, transaction: transaction, cancellationToken: cancellationToken)) ?? "";

    /// <summary>Some enterprises and some measures, as they stood on one side of a change, judged on a day.</summary>
    private sealed record Side(IReadOnlyList<EnterpriseRecord> Enterprises, IReadOnlyList<CatalogueMeasure> Measures, MatchCatalogue Catalogue, DateOnly Day);

    /// <summary>
    /// Every pair of the two sides whose outcome changed, as events. A pair missing from one side (a new measure, a
    /// deleted enterprise) has no status there. Streamed measure by measure, so memory stays that of the enterprises'
    /// facts however many pairs are judged.
    /// </summary>
    private static void Compare(Side before, Side after, List<MatchEventRow> events)
    {
        if (before.Measures.Count == 0 && after.Measures.Count == 0)
        {
            return;
        }
        var factsBefore = before.Enterprises.ToDictionary(e => e.Code, e => (Record: e, Facts: e.FactsOn(before.Day, before.Catalogue)));
        var factsAfter = after.Enterprises.ToDictionary(e => e.Code, e => (Record: e, Facts: e.FactsOn(after.Day, after.Catalogue)));
        var codes = factsBefore.Keys.Union(factsAfter.Keys).ToList();
        // The same measures on both sides (an enterprise changed, the catalogue did not): pair them by position.
        var pairs = ReferenceEquals(before.Measures, after.Measures)
            ? before.Measures.Select(m => (Key: m.Key, Then: (CatalogueMeasure?)m, Now: (CatalogueMeasure?)m))
            : Paired(before.Measures, after.Measures);
        foreach (var (key, thenMeasure, nowMeasure) in pairs)
        {
            foreach (var code in codes)
            {
                MatchStatus? from = thenMeasure is not null && factsBefore.TryGetValue(code, out var b) ? MatchRules.Status(thenMeasure.Conditions, b.Facts, before.Day) : null;
                MatchStatus? to = nowMeasure is not null && factsAfter.TryGetValue(code, out var a) ? MatchRules.Status(nowMeasure.Conditions, a.Facts, after.Day) : null;
                if (MatchEvents.KindOf(from, to) is not { } kind)
                {
                    continue;
                }
                // A deleted enterprise's events stay visible to its park's keys.
                var park = factsAfter.TryGetValue(code, out var now) ? now.Record.ParkId : factsBefore[code].Record.ParkId;
                events.Add(new MatchEventRow(kind.ToDb(), code, park, key.Policy, key.Measure, from.ToDb(), to.ToDb(),
                    to == MatchStatus.Met && nowMeasure!.Measure.GrantWithoutApplication));
            }
        }
    }

    private static IEnumerable<((string Policy, string Measure) Key, CatalogueMeasure? Then, CatalogueMeasure? Now)> Paired(
        IReadOnlyList<CatalogueMeasure> before, IReadOnlyList<CatalogueMeasure> after)
    {
        var measuresBefore = before.ToDictionary(m => m.Key);
        var measuresAfter = after.ToDictionary(m => m.Key);
        return measuresBefore.Keys.Union(measuresAfter.Keys).Select(key => (key, measuresBefore.GetValueOrDefault(key), measuresAfter.GetValueOrDefault(key)));
    }

    /// <summary>The events, as match events of this transaction, in a stable order.</summary>
    private static async Task RecordAsync(DbSession session, List<MatchEventRow> events, DateOnly day, CancellationToken cancellationToken)
    {
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
