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

namespace Gaoxin.Api.Features.ApiKeys.CreateApiKey;

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
        RuleFor(c => c.Body.DisplayName!).Must(n => n.Trim().Length is >= 1 and <= 100).When(c => c.Body.DisplayName is not null)
            .WithMessage(_ => Lang.Pick("显示名称须为 1 到 100 个字符。", "A display name has 1 to 100 characters."));
    }
}

/// <summary>Makes a key no stronger than the caller's and returns it once; only its keyed hash is kept.</summary>
public sealed class CreateApiKeyHandler(DbSession session, ICaller caller, ApiKeyFormat format, TimeProvider clock) : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scopes = body.Scopes.Distinct().ToArray();
        long? parkId = null;
        if (body.ParkCode is { } parkCode)
        {
            parkId = await session.ExecuteScalarAsync<long?>("select id from parks where code = @parkCode", new { parkCode }, cancellationToken)
                ?? throw ParkErrors.NotFound(parkCode);
        }
        await caller.EnsureNoStrongerAsync(session, body.Name, scopes, parkId, cancellationToken);

        var (key, prefix) = format.Generate();
        var now = clock.GetUtcNow();
        var inserted = await session.ExecuteAsync("""
            insert into api_keys (name, prefix, hash, scopes, park_id, display_name, created_at)
            values (@Name, @prefix, @hash, @scopes, @parkId, @displayName, @now)
            on conflict (name) do nothing
            """, new { body.Name, prefix, hash = format.Hash(key), scopes, parkId, displayName = body.DisplayName?.Trim(), now }, cancellationToken);
        if (inserted == 0)
        {
            throw new ApiException(Problems.ApiKeyNameTaken, new Text($"名称“{body.Name}”已被其他密钥使用。", $"Name '{body.Name}' is already used by another key."),
                new Dictionary<string, object?> { ["name"] = body.Name });
        }
        return new CreatedApiKeyDto
        {
            Key = key,
            Info = new ApiKeyDto { Name = body.Name, Prefix = prefix, Scopes = scopes, ParkCode = body.ParkCode, DisplayName = body.DisplayName?.Trim(), CreatedAt = now },
        };
    }
}
