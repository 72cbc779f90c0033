using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Api.Features.Indicators;

/// <summary>
/// Unit conversion on reads. Only areas convert, through square metres: 1 亩 (mu) = 10000/15 m², 1 hectare = 10000 m².
/// Results are rounded to 6 decimal places.
/// </summary>
public static class Units
{
    private static readonly Dictionary<IndicatorUnit, decimal> SquareMetresPer = new()
    {
        [IndicatorUnit.Mu] = 10000m / 15m,
        [IndicatorUnit.Hectare] = 10000m,
        [IndicatorUnit.SquareMetre] = 1m,
    };

    public static bool CanConvert(IndicatorUnit from, IndicatorUnit to) =>
        from == to || (SquareMetresPer.ContainsKey(from) && SquareMetresPer.ContainsKey(to));

    public static decimal Convert(decimal value, IndicatorUnit from, IndicatorUnit to) =>
        from == to ? value : Math.Round(value * SquareMetresPer[from] / SquareMetresPer[to], 6, MidpointRounding.AwayFromZero);
}
