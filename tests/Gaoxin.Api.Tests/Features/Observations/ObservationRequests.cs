using Gaoxin.Contracts.Observations;

namespace Gaoxin.Api.Tests.Features.Observations;

public static class ObservationRequests
{
    public static PutObservationRequest Put(string indicator, string park, string period, decimal? value, params (string Member, decimal Value)[] parts) => new()
    {
        IndicatorCode = indicator,
        ParkCode = park,
        Period = period,
        Value = value,
        Breakdown = parts.Length == 0 ? null : parts.Select(p => new BreakdownValueInput { Member = p.Member, Value = p.Value }).ToList(),
        AsOf = new DateOnly(2024, 12, 31),
    };

    public static IEnumerable<(string Member, decimal Value)> Parts(this ObservationDto observation) =>
        observation.Breakdown.Select(b => (b.Member, b.Value));

    public static IEnumerable<(string Member, decimal Value)> Parts(this ParkIndicatorValueDto figure) =>
        figure.Breakdown.Select(b => (b.Member, b.Value));
}
