using System.Security.Claims;

namespace Gaoxin.Api.Infrastructure.Security;

public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Import = "import";
    public const string Admin = "admin";
    public static readonly string[] All = [Read, Write, Import, Admin];
}

/// <summary>
/// Who is calling, as handlers need to know it: the key's name (written into history and audit) and the park
/// subtree it may write to. Handlers see this, never the HTTP request.
/// </summary>
public interface ICaller
{
    /// <summary>The API key's name, or "anonymous".</summary>
    string Name { get; }

    /// <summary>The park whose subtree the key may write to; null when it may write anywhere.</summary>
    long? ParkScopeId { get; }
}

public sealed class HttpCaller(IHttpContextAccessor http) : ICaller
{
    public const string ParkClaim = "gaoxin:park";

    private ClaimsPrincipal? User => http.HttpContext?.User;

    public string Name => User?.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "anonymous" : "anonymous";

    public long? ParkScopeId => User?.FindFirst(ParkClaim)?.Value is { } id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null;
}
