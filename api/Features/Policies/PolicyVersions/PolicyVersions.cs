using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Policies;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.Policies.PolicyVersions;

public sealed record ListPolicyVersionsQuery(string Id) : IQuery<IReadOnlyList<PolicyVersionDto>>;

public sealed record GetPolicyVersionQuery(string Id, int Version) : IQuery<PolicyVersionDto>;

internal sealed class VersionRow
{
    public const string Select = """
        select v.version, v.content::text as content_json, v.recorded_at, v.recorded_by
        from policy_versions v join policies p on p.id = v.policy_id
        where p.code = @Id
        """;

    public int Version { get; init; }
    public string ContentJson { get; init; } = "";
    public DateTime RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";

    public PolicyVersionDto ToDto() => new()
    {
        Version = Version,
        RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)),
        RecordedBy = RecordedBy,
        Content = PolicyWrites.ReadSnapshot(ContentJson),
    };
}

public sealed class ListPolicyVersionsHandler(NpgsqlDataSource db) : IRequestHandler<ListPolicyVersionsQuery, IReadOnlyList<PolicyVersionDto>>
{
    public async Task<IReadOnlyList<PolicyVersionDto>> Handle(ListPolicyVersionsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<VersionRow>(new CommandDefinition(VersionRow.Select + "\norder by v.version", new { query.Id }, cancellationToken: cancellationToken))).ToList();
        return rows.Count > 0 ? rows.Select(r => r.ToDto()).ToList() : throw PolicyErrors.NotFound(query.Id);
    }
}

public sealed class GetPolicyVersionHandler(NpgsqlDataSource db) : IRequestHandler<GetPolicyVersionQuery, PolicyVersionDto>
{
    public async Task<PolicyVersionDto> Handle(GetPolicyVersionQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            VersionRow.Select + " and v.version = @Version", new { query.Id, query.Version }, cancellationToken: cancellationToken));
        if (row is not null)
        {
            return row.ToDto();
        }
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from policies where code = @Id)", new { query.Id }, cancellationToken: cancellationToken));
        throw exists ? PolicyErrors.VersionNotFound(query.Id, query.Version) : PolicyErrors.NotFound(query.Id);
    }
}
