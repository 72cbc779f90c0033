using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Parks;
using MediatR;

namespace Gaoxin.Api.Features.Parks.GetParkTree;

public sealed record GetParkTreeQuery : IQuery<IReadOnlyList<ParkTreeNode>>;

public sealed class GetParkTreeHandler(ReadDatabase db) : IRequestHandler<GetParkTreeQuery, IReadOnlyList<ParkTreeNode>>
{
    // The whole tree in one round trip; a zone has tens of places, not millions, so it is assembled in memory.
    private const string Sql = """
        select p.code, p.kind, parent.code as parent_code, p.name_zh, p.name_en, p.accreditation_level, p.status
        from parks p
        left join parks parent on parent.id = p.parent_id
        order by p.code
        """;

    private sealed class TreeRow
    {
        public string Code { get; init; } = "";
        public ParkKind Kind { get; init; }
        public string? ParentCode { get; init; }
        public string NameZh { get; init; } = "";
        public string NameEn { get; init; } = "";
        public AccreditationLevel? AccreditationLevel { get; init; }
        public ParkStatus? Status { get; init; }
    }

    public async Task<IReadOnlyList<ParkTreeNode>> Handle(GetParkTreeQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<TreeRow>(new CommandDefinition(Sql, cancellationToken: cancellationToken))).ToList();
        var byParent = rows.ToLookup(r => r.ParentCode);

        ParkTreeNode Build(TreeRow row) => new()
        {
            Code = row.Code,
            Kind = row.Kind,
            Name = Lang.Pick(row.NameZh, row.NameEn),
            AccreditationLevel = row.AccreditationLevel,
            Status = row.Status,
            Children = byParent[row.Code].Select(Build).ToList(),
        };

        return byParent[null].Select(Build).ToList();
    }
}
