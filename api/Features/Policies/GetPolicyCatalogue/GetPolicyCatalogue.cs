using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.GetPolicyCatalogue;

public sealed record GetPolicyCatalogueQuery(DateOnly? Day) : IQuery<PolicyCatalogueDto>;

/// <summary>The "1+N" tree in two round trips: every document with its status, then every measure.</summary>
public sealed class GetPolicyCatalogueHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<GetPolicyCatalogueQuery, PolicyCatalogueDto>
{
    private static readonly string Documents = PolicyRow.Query() + "\norder by b.code";
    private const string AllMeasures = MeasureRow.Select + "\norder by p.code, m.position";

    public async Task<PolicyCatalogueDto> Handle(GetPolicyCatalogueQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var documents = (await connection.QueryAsync<PolicyRow>(new CommandDefinition(Documents, new { Day = query.Day ?? clock.Today() }, cancellationToken: cancellationToken))).ToList();
        var measures = (await connection.QueryAsync<MeasureRow>(new CommandDefinition(AllMeasures, cancellationToken: cancellationToken)))
            .ToLookup(m => m.PolicyId);

        CatalogueSupportingNode Supporting(PolicyRow row) => new() { Policy = row.ToSummary(), Measures = measures[row.Id].Select(m => m.ToDto()).ToList() };

        var supporting = documents.Where(d => d.Role == PolicyRole.Supporting).ToList();
        var cores = documents.Where(d => d.Role == PolicyRole.Core).ToList();
        var coreCodes = cores.Select(c => c.Code).ToHashSet();
        return new PolicyCatalogueDto
        {
            Cores = cores.Select(core => new CatalogueCoreNode
            {
                Policy = core.ToSummary(),
                Measures = measures[core.Id].Select(m => m.ToDto()).ToList(),
                Supporting = supporting.Where(s => s.ImplementsCode == core.Code).Select(Supporting).ToList(),
            }).ToList(),
            Unattached = supporting.Where(s => s.ImplementsCode is null || !coreCodes.Contains(s.ImplementsCode)).Select(Supporting).ToList(),
            Related = documents.Where(d => d.Role == PolicyRole.Related).Select(d => d.ToSummary()).ToList(),
        };
    }
}
