using Dapper;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Parks.DeletePark;

public sealed record DeleteParkCommand(string Code, IfMatch? IfMatch) : ICommand<Unit>;

public sealed class DeleteParkHandler(DbSession session, ICaller caller) : IRequestHandler<DeleteParkCommand, Unit>
{
    // Locks the park's row first, so a sub-park created concurrently either lands before (and blocks the delete)
    // or fails on its missing parent.
    private const string Find = "select id, version from parks where code = @Code for update";
    private const string Children = "select code from parks where parent_id = @Id order by code limit 20";
    private const string Observations = "select count(*) from observations where park_id = @Id";
    private const string Revisions = "select count(*) from observation_revisions where park_id = @Id";
    private const string Enterprises = "select count(distinct code) from enterprise_versions where park_id = @Id";

    /// <summary>Projects in the park or reading their progress from its figures, and the service cases it holds.</summary>
    private const string Works = """
        select (select count(*) from projects where park_id = @Id or content -> 'progress' ->> 'parkCode' = (select code from parks where id = @Id))
             + (select count(*) from service_cases where park_id = @Id)
        """;
    private const string Delete = "delete from parks where id = @Id";

    public async Task<Unit> Handle(DeleteParkCommand command, CancellationToken cancellationToken)
    {
        var (id, version) = await session.QuerySingleOrDefaultAsync<(long Id, int Version)?>(Find, new { command.Code }, cancellationToken)
            ?? throw ParkErrors.NotFound(command.Code);
        await caller.EnsureWithinAsync(session, id, command.Code, cancellationToken); // 403 before 428: who, then which version
        command.IfMatch.Check(version);

        var children = (await session.Connection.QueryAsync<string>(
            new CommandDefinition(Children, new { Id = id }, session.Transaction, cancellationToken: cancellationToken))).ToList();
        if (children.Count > 0)
        {
            throw ParkErrors.HasChildren(command.Code, children);
        }

        // Observations are the zone's record: they go first, explicitly. Their history stays for good, so a park
        // that ever had a figure stays too (it can be marked closed): deleting it would leave history no one can read.
        var observations = await session.ExecuteScalarAsync<long>(Observations, new { Id = id }, cancellationToken);
        if (observations > 0)
        {
            throw ParkErrors.HasObservations(command.Code, observations);
        }
        var revisions = await session.ExecuteScalarAsync<long>(Revisions, new { Id = id }, cancellationToken);
        if (revisions > 0)
        {
            throw ParkErrors.HasHistory(command.Code, revisions);
        }

        // Enterprises in it now or before: their history names it. The count is all a key without the enterprise scope learns.
        var enterprises = await session.ExecuteScalarAsync<long>(Enterprises, new { Id = id }, cancellationToken);
        if (enterprises > 0)
        {
            throw ParkErrors.HasEnterprises(command.Code, enterprises);
        }

        // Works and cases in it: they would lose their place. The count is all a key without the cases scope learns.
        var works = await session.ExecuteScalarAsync<long>(Works, new { Id = id }, cancellationToken);
        if (works > 0)
        {
            throw ParkErrors.HasProjects(command.Code, works);
        }

        await session.ExecuteAsync(Delete, new { Id = id }, cancellationToken);
        return Unit.Value;
    }
}
