using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Dapper;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Gaoxin.Api.Infrastructure.Security;

public sealed class ApiKeyOptions : AuthenticationSchemeOptions;

/// <summary>
/// Reads a key from <c>Authorization: Bearer …</c> or <c>X-Api-Key</c> (never from the URL), checks it against the
/// stored hash, and answers 401 and 403 as problem details that say what to do.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ReadDatabase reads, DataSources sources, ApiKeyFormat format, IProblemDetailsService problems, TimeProvider clock)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    private sealed class KeyRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public byte[] Hash { get; init; } = [];
        public string[] Scopes { get; init; } = [];
        public long? ParkId { get; init; }
        public string? DisplayName { get; init; }
        public DateTime? LastUsedAt { get; init; }
    }

    /// <summary>The key a request presents (Authorization: Bearer, else X-Api-Key), or empty.</summary>
    public static string PresentedKey(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 7 } bearer && bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? bearer[7..].Trim()
            : request.Headers[HeaderName].ToString().Trim();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request);
        if (key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        if (ApiKeyFormat.PrefixOf(key) is not { } prefix)
        {
            return AuthenticateResult.Fail("malformed");
        }

        // Keys are read where reads go, so that reads keep working while the primary is away. A standby may not have
        // replayed a key created a moment ago, so a key it does not know is looked for on the primary before it is
        // refused; a revocation takes effect on a standby once replayed (milliseconds: README, cluster).
        KeyRow? row;
        try
        {
            row = await FindAsync(await reads.OpenConnectionAsync(Context.RequestAborted), prefix);
        }
        catch (Exception e) when (sources.HasStandby && DataSources.Unavailable(e))
        {
            row = null; // the standby went away mid-request: the primary answers below
        }
        if (row is null && sources.HasStandby)
        {
            row = await FindAsync(await sources.Primary.OpenConnectionAsync(Context.RequestAborted), prefix);
        }
        if (row is null || !format.Matches(key, row.Hash))
        {
            return AuthenticateResult.Fail("unknown");
        }

        var now = clock.GetUtcNow();
        if (row.LastUsedAt is null || now - new DateTimeOffset(DateTime.SpecifyKind(row.LastUsedAt.Value, DateTimeKind.Utc)) > TimeSpan.FromMinutes(1))
        {
            await NoteUseAsync(row.Id, now);
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, row.Name) };
        claims.AddRange(row.Scopes.Select(scope => new Claim(HttpCaller.ScopeClaim, scope)));
        if (row.DisplayName is { } displayName)
        {
            claims.Add(new Claim(HttpCaller.DisplayNameClaim, displayName));
        }
        if (row.ParkId is { } park)
        {
            claims.Add(new Claim(HttpCaller.ParkClaim, park.ToString(CultureInfo.InvariantCulture)));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    private async Task<KeyRow?> FindAsync(NpgsqlConnection opened, string prefix)
    {
        await using var connection = opened;
        return await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            "select id, name, hash, scopes, park_id, display_name, last_used_at from api_keys where prefix = @prefix and revoked_at is null",
            new { prefix }, cancellationToken: Context.RequestAborted));
    }

    /// <summary>
    /// Last use to the minute: enough to spot unused keys, without a write on every request. A note, not the request's
    /// purpose: while the primary is away a read goes on without it.
    /// </summary>
    private async Task NoteUseAsync(long id, DateTimeOffset now)
    {
        try
        {
            await using var connection = await sources.Primary.OpenConnectionAsync(Context.RequestAborted);
            await connection.ExecuteAsync(new CommandDefinition("update api_keys set last_used_at = @now where id = @id",
                new { now, id }, cancellationToken: Context.RequestAborted));
        }
        catch (Exception e) when (sources.HasStandby && DataSources.Unavailable(e))
        {
            Logger.LogWarning("A key's last use was not noted: the primary cannot be reached ({Message})", e.Message);
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = (await Context.AuthenticateAsync(SchemeName)).Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var problem = failed
            ? ProblemExceptionHandler.Create(Problems.AuthInvalidKey, new("API 密钥无效或已吊销。", "The API key is not valid or has been revoked."))
            : ProblemExceptionHandler.Create(Problems.AuthMissingKey, new("此操作需要 API 密钥：请在 Authorization: Bearer <key> 或 X-Api-Key 请求头中发送。", "This operation needs an API key: send it as Authorization: Bearer <key> or in the X-Api-Key header."));
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }
}
