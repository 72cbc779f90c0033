using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.ApiKeys;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.ApiKeys;

public sealed record CreateApiKeyCommand(CreateApiKeyRequest Body) : ICommand<CreatedApiKeyDto>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(c => c.Body.Name).NotEmpty().MustBeCode();
        RuleFor(c => c.Body.Scopes).NotEmpty().Must(scopes => scopes.Count <= Scopes.All.Length)
            .WithMessage(_ => Lang.Pick($"最多 {Scopes.All.Length} 项。", $"At most {Scopes.All.Length} items."));
        RuleForEach(c => c.Body.Scopes).Must(scope => Scopes.All.Contains(scope))
            .WithMessage(_ => Lang.Pick($"权限范围只能是 {string.Join("、", Scopes.All)}。", $"A scope is one of {string.Join(", ", Scopes.All)}."));
        RuleFor(c => c.Body.ParkCode).MustBeCode().When(c => c.Body.ParkCode is not null);
    }
}

/// <summary>Makes a key and returns it once; only its keyed hash is kept.</summary>
public sealed class CreateApiKeyHandler(DbSession session, ApiKeyFormat format, TimeProvider clock) : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        long? parkId = null;
        if (body.ParkCode is { } parkCode)
        {
            parkId = await session.ExecuteScalarAsync<long?>("select id from parks where code = @parkCode", new { parkCode }, cancellationToken)
                ?? throw ParkErrors.NotFound(parkCode);
        }
        var (key, prefix) = format.Generate();
        var now = clock.GetUtcNow();
        var inserted = await session.ExecuteAsync("""
            insert into api_keys (name, prefix, hash, scopes, park_id, created_at) values (@Name, @prefix, @hash, @scopes, @parkId, @now)
            on conflict (name) do nothing
            """, new { body.Name, prefix, hash = format.Hash(key), scopes = body.Scopes.Distinct().ToArray(), parkId, now }, cancellationToken);
        if (inserted == 0)
        {
            throw new ConflictException("api-key.name-taken", new Text($"名称“{body.Name}”已被其他密钥使用。", $"Name '{body.Name}' is already used by another key."),
                new Dictionary<string, object?> { ["name"] = body.Name });
        }
        return new CreatedApiKeyDto
        {
            Key = key,
            Info = new ApiKeyDto { Name = body.Name, Prefix = prefix, Scopes = body.Scopes.Distinct().ToList(), ParkCode = body.ParkCode, CreatedAt = now },
        };
    }
}

public sealed record RevokeApiKeyCommand(string Name) : ICommand<Unit>;

public sealed class RevokeApiKeyHandler(DbSession session, TimeProvider clock) : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    public async Task<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var revoked = await session.ExecuteAsync("update api_keys set revoked_at = @now where name = @Name and revoked_at is null",
            new { command.Name, now = clock.GetUtcNow() }, cancellationToken);
        return revoked == 1 ? Unit.Value : throw new NotFoundException("api-key.not-found",
            new Text($"没有名为“{command.Name}”的有效密钥。", $"There is no active key named '{command.Name}'."), new Dictionary<string, object?> { ["name"] = command.Name });
    }
}

public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyDto>>;

public sealed class ListApiKeysHandler(NpgsqlDataSource db) : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    private sealed class Row
    {
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string[] Scopes { get; init; } = [];
        public string? ParkCode { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? LastUsedAt { get; init; }
        public DateTime? RevokedAt { get; init; }
    }

    public async Task<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            select k.name, k.prefix, k.scopes, p.code as park_code, k.created_at, k.last_used_at, k.revoked_at
            from api_keys k left join parks p on p.id = k.park_id order by k.name
            """, cancellationToken: cancellationToken));
        static DateTimeOffset? Utc(DateTime? t) => t is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
        return rows.Select(r => new ApiKeyDto
        {
            Name = r.Name, Prefix = r.Prefix, Scopes = r.Scopes, ParkCode = r.ParkCode, CreatedAt = Utc(r.CreatedAt)!.Value,
            LastUsedAt = Utc(r.LastUsedAt), RevokedAt = Utc(r.RevokedAt),
        }).ToList();
    }
}
