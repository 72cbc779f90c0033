using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Policies;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Unit;

/// <summary>The pure rules, table-driven and fast; the HTTP tests show them in use.</summary>
public sealed class PeriodTests
{
    [Theory]
    [InlineData("2023", "2023", "2023-01-01", "2023-12-31")]
    [InlineData(" 2023 ", "2023", "2023-01-01", "2023-12-31")]
    [InlineData("2023-Q1", "2023-Q1", "2023-01-01", "2023-03-31")]
    [InlineData("2024-q4", "2024-Q4", "2024-10-01", "2024-12-31")]
    [InlineData("2023-03", "2023-03", "2023-03-01", "2023-03-31")]
    [InlineData("2024-02", "2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-03-31", "2023-03-31", "2023-03-31", "2023-03-31")]
    public void Reads_each_form_into_its_canonical_text_and_the_days_it_covers(string text, string canonical, string start, string end)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal((canonical, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)),
            (period.Canonical, period.Start, period.End));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("23")]
    [InlineData("2023-Q5")]
    [InlineData("2023-Q0")]
    [InlineData("2023-13")]
    [InlineData("2023-02-30")]
    [InlineData("1899")]
    [InlineData("2201")]
    [InlineData("2023/03/31")]
    [InlineData("last year")]
    public void Refuses_anything_else(string? text) => Assert.False(Period.TryParse(text, out _));
}

public sealed class ProgressRulesTests
{
    private static readonly DateOnly Plan = new(2023, 10, 31);

    [Theory]
    [InlineData(100, "2024-01-01", ProgressStatus.Done)]      // done, even late
    [InlineData(99, "2023-11-01", ProgressStatus.Late)]       // the day after the plan
    [InlineData(50, "2023-10-01", ProgressStatus.AtRisk)]     // 30 days left, under 90 %
    [InlineData(50, "2023-09-30", ProgressStatus.OnTrack)]    // 31 days left
    [InlineData(90, "2023-10-31", ProgressStatus.OnTrack)]    // on the plan date, at 90 %
    [InlineData(89.9, "2023-10-31", ProgressStatus.AtRisk)]
    public void Status_follows_the_documented_rule(decimal percent, string today, ProgressStatus expected) =>
        Assert.Equal(expected, ProgressRules.Status(percent, Plan, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}

public sealed class UnitsTests
{
    [Theory]
    [InlineData(15, IndicatorUnit.Mu, IndicatorUnit.SquareMetre, 10000)]
    [InlineData(1, IndicatorUnit.Hectare, IndicatorUnit.Mu, 15)]
    [InlineData(5000, IndicatorUnit.Mu, IndicatorUnit.Hectare, 333.333333)]
    [InlineData(1, IndicatorUnit.Mu, IndicatorUnit.SquareMetre, 666.666667)]
    [InlineData(7, IndicatorUnit.Count, IndicatorUnit.Count, 7)]
    public void Areas_convert_through_square_metres_rounded_to_six_places(decimal value, IndicatorUnit from, IndicatorUnit to, decimal expected)
    {
        Assert.True(Units.CanConvert(from, to));
        Assert.Equal(expected, Units.Convert(value, from, to));
    }

    [Theory]
    [InlineData(IndicatorUnit.Count, IndicatorUnit.Percent)]
    [InlineData(IndicatorUnit.Mu, IndicatorUnit.TenThousandYuan)]
    public void Nothing_else_converts(IndicatorUnit from, IndicatorUnit to) => Assert.False(Units.CanConvert(from, to));
}

public sealed class IfMatchTests
{
    [Theory]
    [InlineData("\"7\"", 7, true)]
    [InlineData("W/\"7\"", 7, true)]
    [InlineData("\"6\", \"7\"", 7, true)]
    [InlineData("*", 12, true)]
    [InlineData("\"6\"", 7, false)]
    [InlineData("garbage", 7, false)]
    public void Names_the_versions_it_accepts(string header, int version, bool matches)
    {
        Assert.True(IfMatch.TryParse(header, out var ifMatch));
        Assert.Equal(matches, ifMatch!.Matches(version));
    }

    [Fact]
    public void Absent_is_no_precondition_and_over_long_is_refused()
    {
        Assert.True(IfMatch.TryParse(null, out var absent));
        Assert.Null(absent);
        Assert.True(IfMatch.TryParse("  ", out var blank));
        Assert.Null(blank);
        Assert.False(IfMatch.TryParse(new string('"', ETags.MaxHeaderLength + 1), out _));
    }
}

public sealed class ObservationRulesTests
{
    [Theory]
    [InlineData(ValueKind.Count, 0, true)]
    [InlineData(ValueKind.Count, 3, true)]
    [InlineData(ValueKind.Count, -1, false)]
    [InlineData(ValueKind.Count, 1.5, false)]
    [InlineData(ValueKind.Percent, 100, true)]
    [InlineData(ValueKind.Percent, 100.1, false)]
    [InlineData(ValueKind.Progress, -0.1, false)]
    [InlineData(ValueKind.Amount, -5, true)]
    public void A_value_fits_its_kind(ValueKind kind, decimal value, bool fits) => Assert.Equal(fits, ObservationRules.CheckValue(kind, value) is null);

    [Fact]
    public void Totals_corrections_and_notes()
    {
        Assert.True(ObservationRules.BreaksTotal(true, 80, 2, 78));
        Assert.False(ObservationRules.BreaksTotal(false, 80, 2, 78));
        Assert.False(ObservationRules.BreaksTotal(true, null, 2, 78));  // parts alone give their sum
        Assert.False(ObservationRules.BreaksTotal(true, 80, 0, 0));     // a total alone
        Assert.True(ObservationRules.NeedsNote(valueChanged: true, note: null));
        Assert.False(ObservationRules.NeedsNote(valueChanged: true, note: "revised"));
        Assert.Null(ObservationRules.NormaliseNote("   "));
        Assert.Equal("revised", ObservationRules.NormaliseNote(" revised "));
        Assert.NotNull(ObservationRules.CheckMember("incubators", ["national", "provincial"], "galactic"));
        Assert.NotNull(ObservationRules.CheckMember("incubating-enterprises", [], "national"));
        Assert.Null(ObservationRules.CheckMember("incubators", ["national"], "national"));
    }
}

public sealed class ConditionJudgeTests
{
    private static ConditionJudge Judge(EnterpriseProfile profile, IReadOnlySet<string>? parks = null) =>
        new(MatchFacts.FromProfile(profile, parks), new DateOnly(2024, 6, 30), new Dictionary<string, string> { ["haidong"] = "海东园区" });

    [Fact]
    public void Each_condition_is_met_not_met_or_unknown_from_what_the_profile_says()
    {
        var conditions = new MeasureConditions
        {
            Parks = ["haidong"], Industries = [Industry.MarineBiomedicine], Qualifications = [Qualification.HighTechEnterprise],
            MinRndSpend = 100, MinHeadcount = 20, MinYearsRegistered = 2, MaxYearsRegistered = 5,
        };
        var profile = new EnterpriseProfile
        {
            ParkCode = "haidong-incubator", Industry = Industry.MarineBiomedicine, Qualifications = [Qualification.TechSme],
            RndSpend = 150, RegisteredOn = new DateOnly(2022, 7, 1),
        };

        var results = Judge(profile, new HashSet<string> { "haidong-incubator", "haidong", "zhanjiang-hitech-zone" })
            .Judge(EffectiveConditions.Of(conditions, new PolicyRow())).Conditions.ToDictionary(r => r.Kind, r => r.Outcome);

        Assert.Equal(ConditionOutcome.Met, results[ConditionKind.Park]);          // a park within Haidong
        Assert.Equal(ConditionOutcome.Met, results[ConditionKind.Industry]);
        Assert.Equal(ConditionOutcome.NotMet, results[ConditionKind.Qualification]);
        Assert.Equal(ConditionOutcome.Met, results[ConditionKind.MinRndSpend]);
        Assert.Equal(ConditionOutcome.Unknown, results[ConditionKind.MinHeadcount]); // the profile does not say
        Assert.Equal(ConditionOutcome.NotMet, results[ConditionKind.MinYearsRegistered]); // 1 full year on 2024-06-30
        Assert.Equal(ConditionOutcome.Met, results[ConditionKind.MaxYearsRegistered]);
    }

    [Fact]
    public void Without_conditions_a_measure_takes_its_documents_parks_and_industries()
    {
        var results = Judge(new EnterpriseProfile()).Judge(EffectiveConditions.Of(new MeasureConditions(), new PolicyRow { ParkCodes = ["haidong"], Industries = ["marineBiomedicine"] })).Conditions;
        Assert.Equal([ConditionKind.Park, ConditionKind.Industry], results.Select(r => r.Kind));
        Assert.All(results, r => Assert.Equal(ConditionOutcome.Unknown, r.Outcome));
    }
}
