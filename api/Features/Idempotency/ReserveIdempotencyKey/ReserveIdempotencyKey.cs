using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;
using Microsoft.Extensions.Options;

namespace Gaoxin.Api.Features.Idempotency.ReserveIdempotencyKey;

/// <summary>Reserves a key for a new request (committed at once, so a concurrent retry sees it); returns the earlier
/// request's answer when the key is taken and its lease has not run out.</summary>
public sealed record ReserveIdempotencyKeyCommand(string Key, string Fingerprint) : ICommand<EarlierAnswer?>;

public sealed class ReserveIdempotencyKeyHandler(DbSession session, ICaller caller, TimeProvider clock, IOptions<IdempotencySettings> settings)
    : IRequestHandler<ReserveIdempotencyKeyCommand, EarlierAnswer?>
{
    // Expired keys, and running ones whose lease ran out, are freed on the way: this one, and a few others so the table
    // does not grow without end.
    private const string Sweep = """
        delete from idempotency_keys
        where (caller = @Caller and key = @Key and (expires_at < @Now or (response_status is null and lease_until < @Now)))
           or ctid = any (array(select ctid from idempotency_keys where expires_at < @Now limit 100))
        """;

    private const string Reserve = """
        insert into idempotency_keys (caller, key, fingerprint, created_at, expires_at, lease_until)
        values (@Caller, @Key, @Fingerprint, @Now, @Now + @Lifetime, @Now + @Lease)
        on conflict (caller, key) do nothing
        """;

    private const string Earlier = """
        select fingerprint, response_status, response_body, content_type, location, etag
        from idempotency_keys where caller = @Caller and key = @Key
        """;

    public async Task<EarlierAnswer?> Handle(ReserveIdempotencyKeyCommand command, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            Caller = caller.Name, command.Key, command.Fingerprint, Now = clock.GetUtcNow(),
            Lifetime = TimeSpan.FromHours(settings.Value.KeyHours), Lease = TimeSpan.FromMinutes(settings.Value.LeaseMinutes),
        };
        await session.ExecuteAsync(Sweep, parameters, cancellationToken);
        if (await session.ExecuteAsync(Reserve, parameters, cancellationToken) == 1)
        {
            return null;
        }
        var row = await session.QuerySingleAsync<(string Fingerprint, int? ResponseStatus, string? ResponseBody, string? ContentType, string? Location, string? ETag)>(
            Earlier, parameters, cancellationToken);
        return new EarlierAnswer(row.Fingerprint, row.ResponseStatus, row.ResponseBody, row.ContentType, row.Location, row.ETag);
    }
}
