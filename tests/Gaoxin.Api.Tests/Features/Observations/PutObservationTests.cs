using System.Net;
using Gaoxin.Contracts.Observations;
using static Gaoxin.Api.Tests.Features.Observations.ObservationRequests;

namespace Gaoxin.Api.Tests.Features.Observations;

public sealed class PutObservationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Url = "/api/v1/observations";

    [Fact]
    public async Task A_total_that_differs_from_its_breakdown_is_422_naming_the_rule_and_the_numbers_and_writes_nothing()
    {
        var before = (await CountAsync("observations"), await CountAsync("observation_revisions"));

        var problem = await (await PutObservationAsync(Put("enterprise-rnd-institutions", "haidong", "2024", 80, ("provincial", 29), ("municipal", 49))))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "observation.total-mismatch");

        Assert.Equal("totalEqualsBreakdown", problem.GetProperty("rule").GetString());
        Assert.Equal(80, problem.GetProperty("total").GetDecimal());
        Assert.Equal(78, problem.GetProperty("breakdownSum").GetDecimal());
        Assert.Contains("80", problem.GetProperty("detail").GetString());
        Assert.Equal(before, (await CountAsync("observations"), await CountAsync("observation_revisions")));
    }

    [Fact]
    public async Task Parts_without_a_total_give_their_sum_and_create_with_201()
    {
        var response = await PutObservationAsync(Put("enterprise-rnd-institutions", "haidong", "2024", null, ("provincial", 3), ("municipal", 4)));
        var created = await response.ReadAsync<ObservationDto>(HttpStatusCode.Created);

        Assert.Equal(7, created.Value);
        Assert.Equal([("provincial", 3m), ("municipal", 4m)], created.Parts());
        Assert.Equal("2024", created.Period);
        Assert.Equal(new DateOnly(2024, 1, 1), created.PeriodStart);
        Assert.Equal(new DateOnly(2024, 12, 31), created.PeriodEnd);
        Assert.Equal(1, created.Version);
        Assert.Equal(ApiFactory.TestAdminDisplayName, created.RecordedBy); // the display name of the key that wrote it
    }

    [Fact]
    public async Task Rewriting_the_same_figure_is_200_and_records_no_new_revision()
    {
        var write = Put("incubators", "haidong", "2024-Q2", 2, ("national", 1), ("municipal", 1));
        await (await PutObservationAsync(write)).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        var revisions = await CountAsync("observation_revisions");

        var again = await (await PutObservationAsync(write with { Period = "2024-q2" })).ReadAsync<ObservationDto>();

        Assert.Equal(1, again.Version);
        Assert.Equal("2024-Q2", again.Period);
        Assert.Equal(revisions, await CountAsync("observation_revisions"));
    }

    [Fact]
    public async Task Correcting_a_recorded_value_without_a_note_is_422_and_with_one_is_kept()
    {
        var original = Put("incubators", "haidong", "2024", 2, ("national", 1), ("municipal", 1));
        await PutObservationAsync(original);

        await (await PutObservationAsync(original with { Value = 3, Breakdown = null }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "observation.correction-needs-note");

        var corrected = await (await PutObservationAsync(original with { Value = 3, Breakdown = null, Note = "统计局年报更正" })).ReadAsync<ObservationDto>();
        Assert.Equal(3, corrected.Value);
        Assert.Empty(corrected.Breakdown);
        Assert.Equal(2, corrected.Version);
        Assert.Equal("统计局年报更正", corrected.Note);
    }

    [Theory]
    [InlineData("incubators", -1, "value")]
    [InlineData("incubators", 2.5, "value")]
    [InlineData("road-network-phase-2-progress", 100.5, "value")]
    [InlineData("road-network-phase-2-progress", -0.1, "value")]
    public async Task Values_of_the_wrong_kind_are_400_naming_the_field(string indicator, double value, string field)
    {
        var problem = await (await PutObservationAsync(Put(indicator, "haidong", "2024", (decimal)value)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task Bad_members_are_400_naming_each_one()
    {
        var problem = await (await PutObservationAsync(Put("maker-spaces", "haidong", "2024", null, ("national", 1), ("regional", 1), ("municipal", -2))))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal(["breakdown[1].member", "breakdown[2].value"], problem.ErrorFields());

        var noBreakdown = await (await PutObservationAsync(Put("hospitals-grade-2a", "haidong", "2024", null, ("national", 1))))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal(["breakdown[0].member"], noBreakdown.ErrorFields());
    }

    [Theory]
    [InlineData("2023-13")]
    [InlineData("2023-02-30")]
    [InlineData("2023-Q5")]
    [InlineData("23")]
    [InlineData("last year")]
    public async Task Malformed_periods_are_400(string period)
    {
        var problem = await (await PutObservationAsync(Put("incubators", "haidong", period, 1)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal(["period"], problem.ErrorFields());
    }

    [Fact]
    public async Task Unknown_indicator_or_park_codes_are_404_naming_the_code()
    {
        var indicator = await (await PutObservationAsync(Put("unicorns", "haidong", "2024", 1))).ReadProblemAsync(HttpStatusCode.NotFound, "indicator.not-found");
        Assert.Equal("unicorns", indicator.GetProperty("indicatorCode").GetString());

        var park = await (await PutObservationAsync(Put("incubators", "atlantis", "2024", 1))).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
        Assert.Equal("atlantis", park.GetProperty("parkCode").GetString());
    }

    [Fact]
    public async Task A_write_without_value_or_breakdown_is_400()
    {
        var problem = await (await PutObservationAsync(Put("incubators", "haidong", "2024", null))).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal(["value"], problem.ErrorFields());
    }
}
