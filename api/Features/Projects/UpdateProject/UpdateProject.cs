using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Projects;
using MediatR;

namespace Gaoxin.Api.Features.Projects.UpdateProject;

/// <summary>Replaces a project; the body is the project as read (or just its fields). The same content writes no new version.</summary>
public sealed record UpdateProjectCommand(string Code, ProjectFields Body, IfMatch? IfMatch) : ICommand<bool>;

public sealed class UpdateProjectValidator : AbstractValidator<UpdateProjectCommand>
{
    public UpdateProjectValidator() => RuleFor(c => c.Body).SetValidator(new ProjectFieldsValidator());
}

public sealed class UpdateProjectHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<UpdateProjectCommand, bool>
{
    private const string Update = """
        update projects set name_zh = @NameZh, name_en = @NameEn, kind = @Kind, park_id = @ParkId, content = @Content::jsonb,
               illustrative = @Illustrative, version = version + 1, recorded_at = @RecordedAt, recorded_by = @RecordedBy
        where code = @Code
        """;

    public async Task<bool> Handle(UpdateProjectCommand command, CancellationToken cancellationToken)
    {
        await ProjectWrites.LockGraphAsync(session, cancellationToken);
        var now = await session.QuerySingleOrDefaultAsync<(int Version, long? ParkId, string? ParkCode)?>(
            "select p.version, p.park_id, k.code from projects p left join parks k on k.id = p.park_id where p.code = @Code for update of p",
            new { command.Code }, cancellationToken) ?? throw ProjectErrors.NotFound(command.Code);
        command.IfMatch.Check(now.Version);
        // Moving a project out of a park is a write there too.
        await ProjectWrites.EnsureMayWriteAsync(session, caller, now.ParkId, now.ParkCode, cancellationToken);
        // A project read for another day (?on=) comes back judged for that day: compare it with the same judgement.
        var judgedOn = command.Body is ProjectDto { On: var on } && on != default ? on : clock.Today();
        var book = await ProjectBook.LoadAsync(session.Connection, session.Transaction, null, judgedOn, cancellationToken);
        ReadOnlyMembers.EnsureUnchanged(command.Body, () => book.ToDto(command.Code));

        // The book was read under the graph lock: its contents are every project as committed.
        var all = book.Rows.ToDictionary(r => r.Key, r => r.Value.Content, StringComparer.Ordinal);
        var columns = await ProjectWrites.ColumnsAsync(session, caller, command.Code, command.Body, all, cancellationToken);
        if (columns.Content == StoredProject.ToJson(book.Rows[command.Code].Content))
        {
            return false;
        }
        await session.ExecuteAsync(Update, columns with { RecordedAt = clock.GetUtcNow() }, cancellationToken);
        return true;
    }
}
