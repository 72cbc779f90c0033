using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.GetPolicy;

public sealed record GetPolicyQuery(string Id, DateOnly? Day) : IQuery<PolicyDto>;

public sealed class GetPolicyHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<GetPolicyQuery, PolicyDto>
{
    private static readonly string Document = PolicyRow.Query("p.code = @Id");
    private const string Texts = "select body_zh, body_en from policies where id = @Id";
    private const string Measures = MeasureRow.Select + "\nwhere m.policy_id = @Id order by m.position";

    // Both directions, with the other document's status on the same day.
    private static readonly string RelatedDocuments = PolicyRow.Query("""
        p.id in (select to_policy_id from policy_relations where from_policy_id = @Id
                 union select from_policy_id from policy_relations where to_policy_id = @Id)
        """);
    private const string Relations = """
        select id, kind, from_policy_id, to_policy_id, effective_on, note_zh, note_en
        from policy_relations where from_policy_id = @Id or to_policy_id = @Id order by id
        """;

    private sealed class RelationRow
    {
        public long Id { get; init; }
        public RelationKind Kind { get; init; }
        public long FromPolicyId { get; init; }
        public long ToPolicyId { get; init; }
        public DateOnly? EffectiveOn { get; init; }
        public string? NoteZh { get; init; }
        public string? NoteEn { get; init; }
    }

    public async Task<PolicyDto> Handle(GetPolicyQuery query, CancellationToken cancellationToken)
    {
        var day = query.Day ?? clock.Today();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PolicyRow>(new CommandDefinition(Document, new { query.Id, Day = day }, cancellationToken: cancellationToken))
            ?? throw PolicyErrors.NotFound(query.Id);
        var (bodyZh, bodyEn) = await connection.QuerySingleAsync<(string, string?)>(new CommandDefinition(Texts, new { row.Id }, cancellationToken: cancellationToken));
        var measures = await connection.QueryAsync<MeasureRow>(new CommandDefinition(Measures, new { row.Id }, cancellationToken: cancellationToken));
        var others = (await connection.QueryAsync<PolicyRow>(new CommandDefinition(RelatedDocuments, new { row.Id, Day = day }, cancellationToken: cancellationToken)))
            .ToDictionary(o => o.Id);
        var relations = await connection.QueryAsync<RelationRow>(new CommandDefinition(Relations, new { row.Id }, cancellationToken: cancellationToken));

        var summary = row.ToSummary();
        return new PolicyDto
        {
            Id = summary.Id,
            Summary = summary,
            Body = Lang.IsEnglish && !string.IsNullOrWhiteSpace(bodyEn) ? bodyEn : bodyZh,
            DocumentNumber = summary.DocumentNumber,
            Titles = new LocalizedText { Zh = row.TitleZh, En = row.TitleEn },
            Summaries = new LocalizedText { Zh = row.SummaryZh, En = row.SummaryEn },
            Bodies = new PolicyBody { Zh = bodyZh, En = bodyEn },
            IssuerCode = summary.Issuer?.Code,
            Role = summary.Role,
            ImplementsId = summary.ImplementsId,
            Categories = summary.Categories,
            Industries = summary.Industries,
            ParkCodes = summary.ParkCodes,
            DraftedOn = row.DraftedOn,
            IssuedOn = summary.IssuedOn,
            EffectiveFrom = summary.EffectiveFrom,
            ExpiresOn = summary.ExpiresOn,
            Illustrative = summary.Illustrative,
            Measures = measures.Select(m => m.ToDto()).ToList(),
            Relations = relations.Select(r =>
            {
                var outgoing = r.FromPolicyId == row.Id;
                return new PolicyRelationDto
                {
                    Id = r.Id,
                    Kind = r.Kind,
                    Outgoing = outgoing,
                    Other = others[outgoing ? r.ToPolicyId : r.FromPolicyId].ToRef(),
                    EffectiveOn = r.EffectiveOn,
                    Note = r.NoteZh is null && r.NoteEn is null ? null : Lang.Pick(r.NoteZh ?? "", r.NoteEn ?? ""),
                };
            }).ToList(),
            Version = row.Version,
            UpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc)),
        };
    }
}
