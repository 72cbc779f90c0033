using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Data;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Gaoxin.Api.Features.Health;

/// <summary>Whether the process runs, and whether it can serve: the database answers and holds every migration.</summary>
public sealed record HealthDto(string Status);

/// <summary>
/// Probes for orchestrators and scripts. Live never touches the database; ready does, with a short timeout, so that
/// a stopped database shows as 503 within seconds and as ready again as soon as it is back (the pool reconnects).
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", () => TypedResults.Ok(new HealthDto("live"))).WithName("getLiveness")
            .WithSummary("进程存活 · The process is up").WithDescription("No database call.");
        health.MapGet("/ready", Ready).WithName("getReadiness")
            .WithSummary("可以服务 · The API can serve").WithDescription("The database answers and every migration is applied; 503 otherwise.")
            .ProducesProblems(503);
        return app;
    }

    private static async Task<Ok<HealthDto>> Ready([FromServices] ReadDatabase db, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        int applied;
        try
        {
            await using var connection = await db.OpenConnectionAsync(timeout.Token);
            applied = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "select count(*) from schema_journal where kind = 'Migrations'", cancellationToken: timeout.Token));
        }
        catch (Exception e) when ((e is NpgsqlException or OperationCanceledException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable();
        }
        return applied >= Migrator.Migrations.Count ? TypedResults.Ok(new HealthDto("ready")) : throw Unavailable();
    }

    private static ApiException Unavailable() => new(Problems.ServerDatabaseUnavailable, new Text("数据库暂时无法访问或尚未迁移，请稍后重试。", "The database cannot be reached or is not migrated yet; retry later."));
}
