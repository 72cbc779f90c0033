using Gaoxin.Api.Features.Parks;
using Gaoxin.Contracts.Parks;
using Npgsql;

namespace Gaoxin.Api.Features.Bench;

/// <summary>
/// The floors the benchmark measures the full stack against: the same park query as <c>getPark</c>, run with plain
/// Npgsql and mapped by hand, without MediatR, behaviours or Dapper. Mapped only when <c>Bench:BareEndpoints</c> is
/// true (the benchmark's API), never in a normal run, and left out of the OpenAPI document.
/// </summary>
public static class BareEndpoints
{
    private const string Sql = ParkRow.Select + "\nwhere p.code = $1";

    /// <summary>
    /// The park read with nothing around it. The benchmark serves it from this process and from a separate minimal
    /// one (no authentication, rate limiter, MediatR or other middleware), so the floor does not pay for the pipeline.
    /// </summary>
    public static async Task<IResult> ReadParkAsync(string code, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return Results.NotFound();
        }
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        T? Enum<T>(int i) where T : struct, System.Enum => reader.IsDBNull(i) ? null : System.Enum.Parse<T>(reader.GetString(i), ignoreCase: true);
        var row = new ParkRow
        {
            Code = reader.GetString(0), Kind = System.Enum.Parse<ParkKind>(reader.GetString(1), ignoreCase: true), ParentCode = Text(2),
            NameZh = reader.GetString(3), NameEn = reader.GetString(4), DescriptionZh = reader.GetString(5), DescriptionEn = reader.GetString(6),
            AccreditationLevel = Enum<AccreditationLevel>(7), LandArea = reader.IsDBNull(8) ? null : reader.GetDecimal(8), LandAreaUnit = Enum<AreaUnit>(9),
            Status = Enum<ParkStatus>(10), DevelopmentPhase = Enum<DevelopmentPhase>(11),
            SourceCode = Text(12), SourceTitleZh = Text(13), SourceTitleEn = Text(14), SourcePublisherZh = Text(15), SourcePublisherEn = Text(16),
            SourcePublishedOn = reader.IsDBNull(17) ? null : reader.GetFieldValue<DateOnly>(17),
            ChildCount = reader.GetInt32(18), Version = reader.GetInt32(19), UpdatedAt = reader.GetDateTime(20),
        };
        return Results.Ok(row.ToDto());
    }

    public static IEndpointRouteBuilder MapBareEndpoints(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Bench:BareEndpoints"))
        {
            return app;
        }
        app.MapGet("/bench/bare/parks/{code}", ReadParkAsync).ExcludeFromDescription();

        // The scorecard's and the evaluation's own reads, called directly: no MediatR, validation or serialisation of
        // the answer. What the full endpoint costs beyond these is the pipeline and the JSON.
        app.MapGet("/bench/bare/scorecard/{code}", async (string code, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        {
            await using var connection = await db.OpenConnectionAsync(cancellationToken);
            var park = await Targets.TargetReads.ParkAsync(connection, code, cancellationToken);
            var rows = await Targets.TargetReads.ReadAsync(connection, new Targets.TargetFilter(null, park.Id, true, null, null), null, new DateOnly(2024, 6, 30), cancellationToken);
            return Results.Ok(rows.Count);
        }).ExcludeFromDescription();
        app.MapGet("/bench/bare/evaluations/{scheme}", async (string scheme, string period, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        {
            await using var connection = await db.OpenConnectionAsync(cancellationToken);
            var version = await Evaluations.EvaluationReads.SchemeAsync(connection, scheme, null, null, cancellationToken);
            var evaluation = await Evaluations.EvaluationReads.EvaluateAsync(connection, version, period, [], null, cancellationToken);
            return Results.Ok(evaluation.Parks.Count);
        }).ExcludeFromDescription();
        return app;
    }
}
