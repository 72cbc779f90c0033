using Gaoxin.Api.Infrastructure.Json;

namespace Gaoxin.Api.Tests.Unit;

/// <summary>asOf: one rule for time (the zone's, UTC+8, unless an offset is given) and no value that overflows.</summary>
public sealed class AsOfQueryTests
{
    [Theory]
    [InlineData("2023-03-31", "2023-03-31T16:00:00Z")]              // the end of the zone's day
    [InlineData("2023-03-31T12:00:00", "2023-03-31T04:00:00Z")]     // no offset: the zone's wall clock
    [InlineData("2023-03-31T12:00:00Z", "2023-03-31T12:00:00Z")]
    [InlineData("2023-03-31T12:00:00+02:00", "2023-03-31T10:00:00Z")]
    [InlineData("2023-03-31T12:00:00-05:00", "2023-03-31T17:00:00Z")]
    public void Reads_a_day_or_an_instant_in_the_zones_time_unless_an_offset_is_given(string text, string expectedUtc)
    {
        Assert.True(AsOfQuery.TryParse(text, out var asOf));
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), asOf.Cutoff);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-30")]
    [InlineData("9999-12-31T23:59:59")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("0001-01-01")]
    public void The_calendars_edges_are_instants_not_overflows(string text) => Assert.True(AsOfQuery.TryParse(text, out _));

    [Theory]
    [InlineData("")]
    [InlineData("2023-02-30")]
    [InlineData("2023-03-31 12:00")]
    [InlineData("yesterday")]
    [InlineData("2023-03-31T25:00:00")]
    public void Anything_else_is_refused(string text) => Assert.False(AsOfQuery.TryParse(text, out _));
}
