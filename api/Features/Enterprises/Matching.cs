using System.Data;
using Dapper;
using Gaoxin.Api.Features.Policies;

namespace Gaoxin.Api.Features.Enterprises;

/// <summary>A measure in force with its document and the conditions that apply to it.</summary>
public sealed record CatalogueMeasure(MeasureRow Measure, PolicyRow Policy, EffectiveConditions Conditions)
{
    public (string Policy, string Measure) Key => (Policy.Code, Measure.Code);
}

/// <summary>What bulk matching needs of the catalogue on one day: the measures in force and the park tree.</summary>
public sealed class MatchCatalogue
{
    private static readonly string InForce = PolicyRow.Query() + "\nwhere b.status = 'inForce' order by b.code";
    private static readonly string InForceOf = PolicyRow.Query("p.code = any(@Codes)") + "\nwhere b.status = 'inForce' order by b.code";
    private const string MeasuresSql = MeasureRow.Select + "\nwhere m.policy_id = any(@Ids) order by p.code, m.position";

    public required DateOnly Day { get; init; }
    public required IReadOnlyList<CatalogueMeasure> Measures { get; init; }
    public required ParkNames Parks { get; init; }

    /// <summary>Each park's code to the set of it and every park above it.</summary>
    public required IReadOnlyDictionary<string, IReadOnlySet<string>> Ancestors { get; init; }

    public static async Task<MatchCatalogue> LoadAsync(IDbConnection connection, IDbTransaction? transaction, DateOnly day, CancellationToken cancellationToken)
    {
        var (parks, ancestors) = await ParksAsync(connection, transaction, cancellationToken);
        return new MatchCatalogue { Day = day, Measures = await MeasuresAsync(connection, transaction, InForce, new { Day = day }, cancellationToken), Parks = parks, Ancestors = ancestors };
    }

    /// <summary>
    /// This catalogue with some documents read again (as a transaction that changed them sees them): what a write of
    /// policies or measures needs, without reading the thousands it did not touch.
    /// </summary>
    public async Task<MatchCatalogue> WithPoliciesAsync(IDbConnection connection, IDbTransaction? transaction, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var reloaded = await MeasuresAsync(connection, transaction, InForceOf, new { Day, Codes = codes.ToArray() }, cancellationToken);
        return new MatchCatalogue
        {
            Day = Day,
            Measures = [.. Measures.Where(m => !codes.Contains(m.Policy.Code)), .. reloaded],
            Parks = Parks,
            Ancestors = Ancestors,
        };
    }

    /// <summary>This catalogue with the parks' names and tree read again.</summary>
    public async Task<MatchCatalogue> WithParksAsync(IDbConnection connection, IDbTransaction? transaction, CancellationToken cancellationToken)
    {
        var (parks, ancestors) = await ParksAsync(connection, transaction, cancellationToken);
        return new MatchCatalogue { Day = Day, Measures = Measures, Parks = parks, Ancestors = ancestors };
    }

    private static async Task<(ParkNames, IReadOnlyDictionary<string, IReadOnlySet<string>>)> ParksAsync(IDbConnection connection, IDbTransaction? transaction, CancellationToken cancellationToken)
    {
        var tree = (await connection.QueryAsync<(long Id, long? ParentId, string Code)>(new CommandDefinition(
            "select id, parent_id, code from parks", transaction: transaction, cancellationToken: cancellationToken))).ToList();
        return (await ParkNames.LoadAsync(connection, transaction, cancellationToken), AncestorsOf(tree));
    }

    private static async Task<List<CatalogueMeasure>> MeasuresAsync(IDbConnection connection, IDbTransaction? transaction, string policySql, object parameters, CancellationToken cancellationToken)
    {
        var policies = (await connection.QueryAsync<PolicyRow>(new CommandDefinition(policySql, parameters, transaction, cancellationToken: cancellationToken))).ToDictionary(p => p.Id);
        var measures = await connection.QueryAsync<MeasureRow>(new CommandDefinition(MeasuresSql, new { Ids = policies.Keys.ToArray() }, transaction, cancellationToken: cancellationToken));
        return measures.Select(m => new CatalogueMeasure(m, policies[m.PolicyId], EffectiveConditions.Of(m.Conditions, policies[m.PolicyId]))).ToList();
    }

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> AncestorsOf(IReadOnlyList<(long Id, long? ParentId, string Code)> parks)
    {
        var byId = parks.ToDictionary(p => p.Id);
        var result = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var park in parks)
        {
            var set = new HashSet<string>();
            for (var at = (long?)park.Id; at is { } id && byId.TryGetValue(id, out var p) && set.Add(p.Code);)
            {
                at = p.ParentId;
            }
            result[park.Code] = set;
        }
        return result;
    }
}

/// <summary>An enterprise as bulk matching holds it.</summary>
public sealed record EnterpriseRecord(string Code, long? ParkId, StoredEnterprise Content)
{
    public const string Select = "select code, park_id, content::text as content_json from enterprises";

    /// <summary>What matching knows of the enterprise on a day, from its record.</summary>
    public MatchFacts FactsOn(DateOnly day, MatchCatalogue catalogue)
    {
        var stay = EnterpriseRules.StayOn(Content.Parks, day);
        var lastYear = day.Year - 1; // a year's figures are known once it is over
        var spend = Content.Figures.LastOrDefault(f => f.Year <= lastYear && f.RndSpend is not null);
        var headcount = Content.Figures.LastOrDefault(f => f.Year <= lastYear && f.Headcount is not null);
        return new MatchFacts
        {
            ParkCode = stay?.ParkCode,
            ParkSince = stay?.Since,
            ParkAndAncestors = stay is null ? null : catalogue.Ancestors.GetValueOrDefault(stay.ParkCode) ?? new HashSet<string> { stay.ParkCode },
            Industries = Content.Industries.Count > 0 ? Content.Industries.ToHashSet() : null,
            // The registry is the record of qualifications: one not recorded is not held.
            Qualifications = EnterpriseRules.HeldOn(Content.Qualifications, day),
            RndSpend = spend is null ? null : new YearFact<decimal>(spend.RndSpend!.Value, spend.Year),
            Headcount = headcount is null ? null : new YearFact<int>(headcount.Headcount!.Value, headcount.Year),
            RegisteredOn = Content.RegisteredOn,
        };
    }

    public static async Task<List<EnterpriseRecord>> LoadAsync(IDbConnection connection, IDbTransaction? transaction, string[]? codes, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Code, long? ParkId, string ContentJson)>(new CommandDefinition(
            codes is null ? Select : Select + " where code = any(@codes)", new { codes }, transaction, cancellationToken: cancellationToken)))
        .Select(r => new EnterpriseRecord(r.Code, r.ParkId, StoredEnterprise.FromJson(r.ContentJson))).ToList();
}

/// <summary>Every enterprise, as bulk matching holds them, found by code without a scan.</summary>
public sealed class Registry : IReadOnlyList<EnterpriseRecord>
{
    private readonly EnterpriseRecord[] _items;
    private readonly Dictionary<string, int> _index;

    public Registry(IEnumerable<EnterpriseRecord> items)
    {
        _items = items.ToArray();
        _index = new Dictionary<string, int>(_items.Length);
        for (var i = 0; i < _items.Length; i++)
        {
            _index[_items[i].Code] = i;
        }
    }

    public int Count => _items.Length;

    public EnterpriseRecord this[int index] => _items[index];

    public IEnumerator<EnterpriseRecord> GetEnumerator() => ((IEnumerable<EnterpriseRecord>)_items).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Those of these codes that are in the registry.</summary>
    public List<EnterpriseRecord> Changed(IEnumerable<string> codes) =>
        codes.Where(_index.ContainsKey).Select(code => _items[_index[code]]).ToList();

    /// <summary>The registry with some enterprises replaced, added or (absent from <paramref name="after"/>) removed.</summary>
    public Registry With(IReadOnlyList<EnterpriseRecord> before, IReadOnlyList<EnterpriseRecord> after)
    {
        if (before.Count == after.Count && after.All(e => _index.ContainsKey(e.Code)))
        {
            var items = (EnterpriseRecord[])_items.Clone();
            foreach (var enterprise in after)
            {
                items[_index[enterprise.Code]] = enterprise;
            }
            return new Registry(items, _index);
        }
        var changed = before.Select(e => e.Code).Concat(after.Select(e => e.Code)).ToHashSet();
        return new Registry(_items.Where(e => !changed.Contains(e.Code)).Concat(after));
    }

    private Registry(EnterpriseRecord[] items, Dictionary<string, int> index)
    {
        _items = items;
        _index = index;
    }
}

/// <summary>
/// The catalogue and the registry as matching reads them, kept in memory between requests. Each is reloaded when its
/// revision in <c>match_inputs</c> moves: every write to policies, measures, parks or enterprises moves it in the
/// same transaction, so a cached copy is never older than what the reading connection can see.
/// </summary>
public sealed class MatchCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Entries are immutable objects swapped whole, so a reader on another thread never sees half of one.
    private sealed record CatalogueEntry(long Revision, DateOnly Day, MatchCatalogue Catalogue);
    private sealed record EnterprisesEntry(long Revision, Registry Items);
    private sealed record FactsEntry(Registry Enterprises, MatchCatalogue Catalogue, DateOnly Day, IReadOnlyList<(EnterpriseRecord Enterprise, MatchFacts Facts)> Items);

    private volatile CatalogueEntry? _catalogue;
    private volatile EnterprisesEntry? _enterprises;
    private volatile FactsEntry? _facts;

    public async Task<MatchCatalogue> CatalogueAsync(IDbConnection connection, DateOnly day, CancellationToken cancellationToken)
    {
        var revision = await RevisionAsync(connection, "catalogue", cancellationToken);
        if (_catalogue is { } hit && hit.Revision == revision && hit.Day == day)
        {
            return hit.Catalogue;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var catalogue = await MatchCatalogue.LoadAsync(connection, null, day, cancellationToken);
            _catalogue = new CatalogueEntry(revision, day, catalogue);
            return catalogue;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Registry> EnterprisesAsync(IDbConnection connection, CancellationToken cancellationToken)
    {
        var revision = await RevisionAsync(connection, "enterprises", cancellationToken);
        if (_enterprises is { } hit && hit.Revision == revision)
        {
            return hit.Items;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var items = new Registry(await EnterpriseRecord.LoadAsync(connection, null, null, cancellationToken));
            _enterprises = new EnterprisesEntry(revision, items);
            return items;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>What every enterprise's facts are on a day, for this catalogue (its park tree): judging 50,000 needs them all.</summary>
    public async Task<IReadOnlyList<(EnterpriseRecord Enterprise, MatchFacts Facts)>> FactsAsync(IDbConnection connection, MatchCatalogue catalogue, DateOnly day, CancellationToken cancellationToken)
    {
        var enterprises = await EnterprisesAsync(connection, cancellationToken);
        if (_facts is { } hit && ReferenceEquals(hit.Enterprises, enterprises) && ReferenceEquals(hit.Catalogue, catalogue) && hit.Day == day)
        {
            return hit.Items;
        }
        var items = enterprises.Select(e => (e, e.FactsOn(day, catalogue))).ToList();
        _facts = new FactsEntry(enterprises, catalogue, day, items);
        return items;
    }

    /// <summary>
    /// Keeps what a writing transaction is about to commit, under the revisions it takes: the next reader then finds it
    /// here instead of reading thousands of rows again. Revisions never repeat, so a transaction that rolls back leaves
    /// an entry no committed revision ever names.
    /// </summary>
    public void Prime(long? catalogueRevision, MatchCatalogue? catalogue, long? enterprisesRevision, Registry? enterprises)
    {
        if (catalogueRevision is { } c && catalogue is not null)
        {
            _catalogue = new CatalogueEntry(c, catalogue.Day, catalogue);
        }
        if (enterprisesRevision is { } e && enterprises is not null)
        {
            _enterprises = new EnterprisesEntry(e, enterprises);
        }
    }

    /// <summary>Read in the same snapshot as the data only within a transaction; outside one, a revision read first can only be older than the rows read after it, so a stale copy is never kept under a newer number.</summary>
    private static Task<long> RevisionAsync(IDbConnection connection, string name, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("select coalesce((select revision from match_inputs where name = @name), 0)", new { name }, cancellationToken: cancellationToken));
}
