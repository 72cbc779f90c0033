using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Projects;
using MediatR;

namespace Gaoxin.Api.Features.Projects.GetProject;

/// <summary>A project now, or as recorded at a moment, judged for a day (default today, or the asOf day).</summary>
public sealed record GetProjectQuery(string Code, DateTimeOffset? AsOf, DateOnly? On) : IQuery<ProjectDto>;

public sealed class GetProjectHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<GetProjectQuery, ProjectDto>
{
    public async Task<ProjectDto> Handle(GetProjectQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var book = await ProjectBook.LoadAsync(connection, null, query.AsOf, ProjectDays.Judged(query.On, query.AsOf, clock), cancellationToken);
        return book.Rows.ContainsKey(query.Code) ? book.ToDto(query.Code) : throw ProjectErrors.NotFound(query.Code);
    }
}
