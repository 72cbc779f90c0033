using Gaoxin.Api.Features.Evaluations.CreateScheme;
using Gaoxin.Api.Features.Evaluations.UpdateScheme;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Contracts.Evaluations;
using Gaoxin.Contracts.Imports;
using MediatR;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// Evaluation schemes from JSON or NDJSON, each record <c>createScheme</c>'s body, sent as the same commands: a new
/// code is created; a known one gets a new version when its content changed (versions never change) and is
/// unchanged otherwise, so importing the same file twice changes nothing.
/// </summary>
public sealed class SchemeImporter(DbSession session, IMediator mediator) : CommandRowImporter(session, mediator), IImporter
{
    public ImportKind Kind => ImportKind.Schemes;

    IReadOnlyList<string> IImporter.Columns => Columns;

    /// <summary>No flat columns: records are trees, read whole.</summary>
    public static readonly string[] Columns = [];

    protected override string? ColumnOf(string field) => field;

    protected override async Task<RowOutcome> ApplyAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken)
    {
        var scheme = Record<CreateSchemeRequest>(row.Raw, row.Line, tally, new("评价体系", "an evaluation scheme", "The scheme"));

        if (!await Session.ExecuteScalarAsync<bool>("select exists (select 1 from evaluation_schemes where code = @Code)", new { scheme.Code }, cancellationToken))
        {
            await Mediator.Send(new CreateSchemeCommand(scheme), cancellationToken);
            return RowOutcome.Created;
        }
        var revised = await Mediator.Send(new UpdateSchemeCommand(scheme.Code, scheme, new IfMatch(true, new HashSet<int>())), cancellationToken);
        return revised ? RowOutcome.Updated : RowOutcome.Unchanged;
    }
}
