using Gaoxin.Api.Features.Bench;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Json;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gaoxin.Bench;

/// <summary>
/// The floor for "read by key", as a process of its own: a bare ASP.NET Core app serving the park read over plain
/// Npgsql, with the API's data source settings and JSON options and nothing else (no authentication, rate limiter,
/// MediatR, problem details, compression or logging). The benchmark starts it beside the API and alternates the two.
/// </summary>
public static class BareServer
{
    public static async Task RunAsync(string url, string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.ConfigureHttpJsonOptions(o => JsonSetup.Apply(o.SerializerOptions));
        builder.Services.AddSingleton(DatabaseSetup.DataSource(connectionString));
        var app = builder.Build();
        app.MapGet("/bench/bare/parks/{code}", (string code, Npgsql.NpgsqlDataSource db, CancellationToken cancellationToken) => BareEndpoints.ReadParkAsync(code, db, cancellationToken));
        await app.RunAsync();
    }
}
