using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Projects;
using MediatR;

namespace Gaoxin.Api.Features.Projects.CreateProject;

/// <summary>Returns the new project's code; the endpoint reads it back once committed.</summary>
public sealed record CreateProjectCommand(CreateProjectRequest Body) : ICommand<string>;

public sealed class CreateProjectValidator : AbstractValidator<CreateProjectCommand>
{
    public CreateProjectValidator()
    {
        RuleFor(c => c.Body.Code).NotEmpty().MustBeCode();
        RuleFor(c => c.Body).SetValidator(new ProjectFieldsValidator());
    }
}

public sealed class CreateProjectHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<CreateProjectCommand, string>
{
    private const string Insert = """
        insert into projects (code, name_zh, name_en, kind, park_id, content, illustrative, recorded_at, recorded_by)
        values (@Code, @NameZh, @NameEn, @Kind, @ParkId, @Content::jsonb, @Illustrative, @RecordedAt, @RecordedBy)
        on conflict (code) do nothing
        """;

    public async Task<string> Handle(CreateProjectCommand command, CancellationToken cancellationToken)
    {
        await ProjectWrites.LockGraphAsync(session, cancellationToken);
        var all = await ProjectWrites.AllAsync(session, cancellationToken);
        if (all.ContainsKey(command.Body.Code))
        {
            throw ProjectErrors.CodeTaken(command.Body.Code);
        }
        var columns = await ProjectWrites.ColumnsAsync(session, caller, command.Body.Code, command.Body, all, cancellationToken);
        if (await session.ExecuteAsync(Insert, columns with { RecordedAt = clock.GetUtcNow() }, cancellationToken) == 0)
        {
            throw ProjectErrors.CodeTaken(command.Body.Code);
        }
        return command.Body.Code;
    }
}
