using System.Security.Claims;

namespace Gaoxin.Api.Infrastructure.Security;

public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Import = "import";
    public const string Admin = "admin";

    /// <summary>Reading (and, with write or import, writing) enterprises' data, which is not public.</summary>
    public const string Enterprises = "enterprises";

    /// <summary>Managing one's own webhook subscriptions (admin manages all within its parks); their secrets are not public.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>Reading (and, with write, writing) the one-to-one service's cases, which are not public.</summary>
    public const string Cases = "cases";
    public static readonly string[] All = [Read, Write, Import, Admin, Enterprises, Webhooks, Cases];
}

/// <summary>
/// Who is calling, as handlers need to know it: the key's name (written into history and audit), its scopes and the
/// park subtree it may write to. Handlers see this, never the HTTP request.
/// </summary>
public interface ICaller
{
    /// <summary>The API key's name, "anonymous", or for work started on the server itself "operator:{user}".</summary>
    string Name { get; }

    /// <summary>
    /// What the public sees as the author of what this caller records (recordedBy): the display name chosen for the
    /// key, or "API" when none was chosen; never the key's internal name, which stays in the admins' audit log.
    /// </summary>
    string DisplayName { get; }

    /// <summary>The scopes the caller holds (all of them for the operator on the command line).</summary>
    IReadOnlySet<string> Scopes { get; }

    /// <summary>The park whose subtree the key may write to; null when it may write anywhere.</summary>
    long? ParkScopeId { get; }
}

public sealed class HttpCaller(IHttpContextAccessor http) : ICaller
{
    public const string ParkClaim = "gaoxin:park";
    public const string ScopeClaim = "scope";
    public const string DisplayNameClaim = "gaoxin:display-name";

    /// <summary>Shown when a key has no display name of its own.</summary>
    public const string DefaultDisplayName = "API";

    private ClaimsPrincipal? User => http.HttpContext?.User;

    public string Name => User?.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "anonymous" : "anonymous";

    public string DisplayName => User?.FindFirst(DisplayNameClaim)?.Value ?? DefaultDisplayName;

    public IReadOnlySet<string> Scopes => User?.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet() ?? [];

    public long? ParkScopeId => User?.FindFirst(ParkClaim)?.Value is { } id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// The person at the server's own command line (`make apikey`, `Gaoxin.Api apikey …`): they hold the database
/// already, so they may do anything; their writes are audited as "operator:{login}", never as "anonymous".
/// </summary>
public sealed class OperatorCaller : ICaller
{
    public string Name { get; } = "operator:" + (Environment.UserName is { Length: > 0 } user ? user : "unknown");

    public IReadOnlySet<string> Scopes { get; } = Security.Scopes.All.ToHashSet();

    public string DisplayName => "operator";

    public long? ParkScopeId => null;
}

/// <summary>Which caller a scope's handlers see: the HTTP request's, unless the scope was opened for the operator.</summary>
public sealed class CallerContext(IHttpContextAccessor http)
{
    private ICaller? _override;

    public ICaller Current => _override ?? new HttpCaller(http);

    public void ActAsOperator() => _override = new OperatorCaller();
}
