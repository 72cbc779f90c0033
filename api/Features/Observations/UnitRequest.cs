using Gaoxin.Api.Features.Indicators;
using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Api.Features.Observations;

public static class UnitRequest
{
    /// <summary>The unit to answer in: the one asked for when it converts, the indicator's own when none was asked.</summary>
    public static IndicatorUnit Resolve(string indicatorCode, IndicatorUnit stored, IndicatorUnit? requested)
    {
        if (requested is not { } unit)
        {
            return stored;
        }
        return Units.CanConvert(stored, unit)
            ? unit
            : throw IndicatorErrors.IncompatibleUnit(indicatorCode, Infrastructure.Database.DbEnum.ToDb(stored), Infrastructure.Database.DbEnum.ToDb(unit));
    }
}
