using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Gaoxin.Api.Infrastructure.Security;

/// <summary>Settings read when first needed, so that every configuration source (tests' too) has been added.</summary>
public sealed class SecuritySettings
{
    public bool RequireKeyForReads { get; set; }
    public int PermitsPerMinute { get; set; } = 6000;
    public int AnonymousPermitsPerMinute { get; set; } = 1200;
}

/// <summary>Keys and scopes, rate limits, CORS, and the headers every response carries.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddGaoxinSecurity(this IServiceCollection services, IConfiguration configuration, bool documentOnly)
    {
        services.Configure<SecuritySettings>(settings =>
        {
            settings.RequireKeyForReads = configuration.GetValue("Auth:RequireKeyForReads", false);
            settings.PermitsPerMinute = configuration.GetValue("RateLimits:PermitsPerMinute", 6000);
            settings.AnonymousPermitsPerMinute = configuration.GetValue("RateLimits:AnonymousPermitsPerMinute", 1200);
        });
        services.AddSingleton(provider =>
        {
            var pepper = provider.GetRequiredService<IConfiguration>()["Auth:KeyPepper"];
            // Writing the OpenAPI document needs no keys; serving does (Program asks for this at start-up, to fail fast).
            return new ApiKeyFormat(!string.IsNullOrWhiteSpace(pepper) ? pepper : documentOnly ? "document-only" : throw new InvalidOperationException(
                "Set Auth:KeyPepper (e.g. the environment variable Auth__KeyPepper) to a long random secret: API keys are stored as HMACs keyed with it. `make run` creates one in .data/."));
        });
        services.AddHttpContextAccessor();
        services.AddScoped<CallerContext>();
        services.AddScoped<ICaller>(provider => provider.GetRequiredService<CallerContext>().Current);

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(options =>
        {
            options.AddPolicy(Scopes.Read, policy => policy.RequireAssertion(context =>
                context.User.HasClaim(c => c.Type == "scope") ||
                !((context.Resource as HttpContext)?.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecuritySettings>>().Value.RequireKeyForReads ?? false)));
            options.AddPolicy(Scopes.Write, policy => policy.RequireClaim("scope", Scopes.Write, Scopes.Admin));
            options.AddPolicy(Scopes.Import, policy => policy.RequireClaim("scope", Scopes.Import, Scopes.Admin));
            options.AddPolicy(Scopes.Admin, policy => policy.RequireClaim("scope", Scopes.Admin));
            options.AddPolicy(Scopes.Enterprises, policy => policy.RequireClaim("scope", Scopes.Enterprises, Scopes.Admin));
            options.AddPolicy(Scopes.Webhooks, policy => policy.RequireClaim("scope", Scopes.Webhooks, Scopes.Admin));
            options.AddPolicy(Scopes.Cases, policy => policy.RequireClaim("scope", Scopes.Cases, Scopes.Admin));
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddSingleton<RateLimiting>();
        services.AddSingleton<RateLimitSharing>();
        if (!documentOnly)
        {
            services.AddHostedService<RateLimitSharingLoop>();
        }

        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? ["http://localhost:5173"];
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithHeaders("Authorization", "Content-Type", "Accept-Language", "Idempotency-Key", "If-Match", "If-None-Match", Consistency.Header, ApiKeyAuthenticationHandler.HeaderName)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithExposedHeaders("ETag", "Location", "Content-Language", "Retry-After", "Idempotent-Replayed", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", Consistency.Header)));
        return services;
    }

    /// <summary>
    /// Refuses a declared body over <c>Limits:MaxBodyBytes</c> (default 2 MiB) before reading it, on any server; Kestrel
    /// also cuts off undeclared (chunked) bodies at the same size. Imports set their own, larger limit.
    /// </summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use((context, next) =>
    {
        if (context.Request.ContentLength > maxBytes && !context.Request.Path.StartsWithSegments("/api/v1/imports"))
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        return next(context);
    });

    /// <summary>The rate limit, before any key is looked up: see <see cref="RateLimiting"/>.</summary>
    public static IApplicationBuilder UseGaoxinRateLimits(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<RateLimiting>();
        return app.Use((context, next) => limiter.InvokeAsync(context, next));
    }

    /// <summary>
    /// A request that sends a key which is unknown, revoked or malformed is refused with 401 on every endpoint, reads
    /// included: a misconfigured municipal system must find out at once, not carry on silently as anonymous. Health
    /// probes and the app's files answer whatever a caller sends.
    /// </summary>
    public static IApplicationBuilder UseRejectedKeysRefused(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && (await context.AuthenticateAsync()).Failure is not null)
        {
            await context.ChallengeAsync();
            return;
        }
        await next(context);
    });

    /// <summary>
    /// HEAD on any API resource answers as GET would (status and headers: ETag, Content-Language…) without the body.
    /// Runs before routing, since endpoints are mapped for GET only; the body is discarded, and since API answers are
    /// streamed without a Content-Length, nothing promises bytes that are not sent. (Static files do HEAD themselves.)
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });

    /// <summary>Headers that keep browsers from sniffing, framing or leaking; a strict CSP for the app's pages.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (!context.Request.Path.StartsWithSegments("/swagger"))
        {
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        }
        return next(context);
    });
}

/// <summary>Forbidden answers name the scope the operation needs, as problem details.</summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        // Endpoints may need several scopes (writing enterprises needs write and enterprises): name the one missing.
        var failed = result.AuthorizationFailure?.FailedRequirements.OfType<ClaimsAuthorizationRequirement>().FirstOrDefault()
            ?? policy.Requirements.OfType<ClaimsAuthorizationRequirement>().FirstOrDefault();
        var scope = failed?.AllowedValues?.FirstOrDefault();
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = ProblemExceptionHandler.Create(Problems.AuthInsufficientScope, new($"此 API 密钥没有“{scope}”权限。", $"This API key lacks the '{scope}' scope this operation needs."));
        problem.Extensions["requiredScope"] = scope;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
