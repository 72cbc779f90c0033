using FluentValidation;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Validation;

namespace Gaoxin.Api.Features.Observations;

/// <summary>The natural key of an observation as a request names it, before the codes are resolved.</summary>
public interface IObservationKey
{
    string Indicator { get; }
    string Park { get; }
    string Period { get; }
}

public static class ObservationKeyRules
{
    public static void AddKeyRules<T>(this AbstractValidator<T> validator) where T : IObservationKey
    {
        validator.RuleFor(k => k.Indicator).NotEmpty().MustBeCode();
        validator.RuleFor(k => k.Park).NotEmpty().MustBeCode();
        validator.RuleFor(k => k.Period).NotEmpty().MustBePeriod();
    }

    /// <summary>Resolves the codes to ids, naming the first unknown one in a 404.</summary>
    public static async Task<(long IndicatorId, long ParkId, Period Period)> ResolveAsync(
        Func<string, object, Task<long?>> scalar, IObservationKey key)
    {
        Period.TryParse(key.Period, out var period);
        var indicatorId = await scalar("select id from indicators where code = @code", new { code = key.Indicator })
            ?? throw IndicatorErrors.NotFound(key.Indicator);
        var parkId = await scalar("select id from parks where code = @code", new { code = key.Park })
            ?? throw ParkErrors.NotFound(key.Park);
        return (indicatorId, parkId, period);
    }

    public static Task<(long IndicatorId, long ParkId, Period Period)> ResolveAsync(this DbSession session, IObservationKey key, CancellationToken cancellationToken) =>
        ResolveAsync((sql, parameters) => session.ExecuteScalarAsync<long?>(sql, parameters, cancellationToken), key);
}
