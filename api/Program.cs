using System.Globalization;
using Gaoxin.Api.Data;
using Gaoxin.Api.Features.ApiKeys;
using Gaoxin.Api.Features.Bench;
using Gaoxin.Api.Features.Changes;
using Gaoxin.Api.Features.Enterprises;
using Gaoxin.Api.Features.Projects;
using Gaoxin.Api.Features.Rounds;
using Gaoxin.Api.Features.Cases;
using Gaoxin.Api.Features.Evaluations;
using Gaoxin.Api.Features.Health;
using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Features.Imports;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Features.Policies;
using Gaoxin.Api.Features.Targets;
using Gaoxin.Api.Features.Webhooks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Hosting;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Localization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

// `Gaoxin.Api openapi <file>` writes the OpenAPI document and exits, touching no database: `make openapi` uses it.
// `Gaoxin.Api apikey create NAME SCOPES [PARK]` and `apikey revoke NAME` manage keys: `make apikey` uses them.
var openApiOutput = args is ["openapi", var path] ? path : null;
var keyCommand = args is ["apikey", ..] ? args[1..] : null;

var builder = WebApplication.CreateBuilder(openApiOutput is null && keyCommand is null ? args : []);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false; // nothing the API returns says what it is built with
    kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Limits:MaxBodyBytes", 2L * 1024 * 1024);
});
ValidationSetup.Configure();
builder.Services
    .AddGaoxinJson()
    .AddGaoxinProblemDetails()
    .AddGaoxinOpenApi()
    .AddMediation(typeof(Program).Assembly)
    .AddIdempotency(builder.Configuration)
    .AddImports(builder.Configuration)
    .AddGaoxinSecurity(builder.Configuration, documentOnly: openApiOutput is not null);
builder.Services.AddWebhooks(builder.Configuration, deliver: openApiOutput is null && keyCommand is null);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MatchCache>();
builder.Services.AddRounds();
builder.Services.AddSingleton<CommittedCache>();
builder.Services.AddScoped<MatchReevaluation>();
builder.Services.AddScoped<Gaoxin.Api.Infrastructure.Database.IBeforeCommit>(provider => provider.GetRequiredService<MatchReevaluation>());
if (openApiOutput is null)
{
    builder.Services.AddHostedService<Gaoxin.Api.Features.Enterprises.SweepMatchDay.MatchDaySweep>();
}
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
if (openApiOutput is null)
{
    builder.Services.AddGaoxinDatabase();
}
else
{
    builder.WebHost.UseUrls("http://127.0.0.1:0"); // the endpoint list is only complete once the app has started
}

var app = builder.Build();

// Outermost, so that even the exception handler answers in the request's language.
app.UseRequestLocalization(options =>
{
    options.SetDefaultCulture(Lang.Chinese).AddSupportedCultures(Lang.Supported).AddSupportedUICultures(Lang.Supported);
    options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
    options.ApplyCurrentCultureToResponseHeaders = true;
});
app.Use((context, next) =>
{
    context.Response.Headers.Vary = "Accept-Language";
    return next(context);
});
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHeadAsGet();
app.UseConsistencyTokens();
app.UseRouting(); // explicit, so that HEAD is routed as GET
app.UseBodySizeLimit(app.Configuration.GetValue("Limits:MaxBodyBytes", 2L * 1024 * 1024));
app.UseCors();
app.UseGaoxinRateLimits();
app.UseAuthentication();
app.UseRejectedKeysRefused();
app.UseAuthorization();

app.UseSwagger(options => options.RouteTemplate = OpenApiSetup.DocumentRoute);
app.UseSwaggerUI(options =>
{
    options.RoutePrefix = "swagger";
    options.SwaggerEndpoint("/openapi/v1.json", "Gaoxin API v1");
});

app.MapHealthEndpoints();
app.MapParkEndpoints();
app.MapIndicatorEndpoints();
app.MapObservationEndpoints();
app.MapTargetEndpoints();
app.MapEvaluationEndpoints();
app.MapPolicyEndpoints();
app.MapEnterpriseEndpoints();
app.MapProjectEndpoints();
app.MapCaseEndpoints();
app.MapRoundEndpoints();
app.MapImportEndpoints();
app.MapApiKeyEndpoints();
app.MapWebhookEndpoints();
app.MapChangeEndpoints();
app.MapBareEndpoints();
app.MapSpa();

if (openApiOutput is not null)
{
    await app.StartAsync();
    var document = app.Services.GetRequiredService<ISwaggerProvider>().GetSwagger(OpenApiSetup.DocumentName);
    await using var writer = new StringWriter(CultureInfo.InvariantCulture);
    document.SerializeAsV3(new OpenApiJsonWriter(writer));
    await File.WriteAllTextAsync(openApiOutput, writer.ToString().ReplaceLineEndings("\n") + "\n");
    await app.StopAsync();
    return;
}

if (openApiOutput is null)
{
    _ = app.Services.GetRequiredService<ApiKeyFormat>(); // fails fast, with a clear message, when no pepper is configured
}

if (keyCommand is not null)
{
    await app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
    Environment.ExitCode = await KeyCommand.RunAsync(app.Services, keyCommand);
    return;
}

// Migrations run before the API serves; `Database:MigrateOnStartup=false` leaves them to an operator (and lets the
// API start while the database is away, to report itself not ready).
if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
{
    await app.Services.GetRequiredService<Migrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
}
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"""
            Gaoxin is running.
              App (SPA):   {url}/
              Swagger UI:  {url}/swagger
              OpenAPI:     {url}/openapi/v1.json
              Park tree:   {url}/api/v1/parks/tree
            """);
    }
});
app.Run();

public partial class Program;
