using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;

namespace Gaoxin.Api.Tests.Features.Observations;

/// <summary>Road network phase II: 78 % done as of 2023-03-31, planned to be complete on 2023-10-31.</summary>
public sealed class ProgressStatusTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<ProgressDto> RoadProgressOnAsync(DateOnly today)
    {
        Factory.Clock.Set(today);
        var figures = await (await Client.GetAsync("/api/v1/parks/zhanjiang-hitech-zone/indicators")).ReadAsync<List<ParkIndicatorValueDto>>();
        return figures.Single(f => f.IndicatorCode == "road-network-phase-2-progress").Progress!;
    }

    [Theory]
    [InlineData("2023-04-01", ProgressStatus.OnTrack)]   // 213 days left
    [InlineData("2023-10-01", ProgressStatus.AtRisk)]    // 30 days left, under 90 %
    [InlineData("2023-10-31", ProgressStatus.AtRisk)]    // the plan date itself
    [InlineData("2023-11-01", ProgressStatus.Late)]      // the day after
    public async Task The_status_follows_the_plan_date_and_today(string today, ProgressStatus expected)
    {
        var progress = await RoadProgressOnAsync(DateOnly.Parse(today));
        Assert.Equal(new DateOnly(2023, 10, 31), progress.PlannedCompletion);
        Assert.Equal(expected, progress.Status);
    }

    [Fact]
    public async Task Complete_work_is_done_whatever_the_date()
    {
        var completion = ObservationRequests.Put("road-network-phase-2-progress", "zhanjiang-hitech-zone", "2023-11-15", 100) with { AsOf = new DateOnly(2023, 11, 15) };
        await (await PutObservationAsync(completion)).ReadAsync<ObservationDto>(System.Net.HttpStatusCode.Created);

        Assert.Equal(ProgressStatus.Done, (await RoadProgressOnAsync(new DateOnly(2023, 12, 1))).Status);
    }
}
