using Gaoxin.Api.Features.Enterprises;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Unit;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43", true)]  // the example GB 32100-2015 practice guides use
    [InlineData("91000000MA0000001R", true)]  // the samples' shape: division 000000, which no region has
    [InlineData("91350100M000100Y44", false)] // check character off by one
    [InlineData("91350100M000010Y43", false)] // two characters swapped
    [InlineData("91350100M000100Y4", false)]  // too short
    [InlineData("91350100M00O100Y43", false)] // O is not in the alphabet
    [InlineData("91350100m000100y43", false)] // lower case is not the code
    public void The_check_character_catches_typing_errors(string code, bool valid) => Assert.Equal(valid, CreditCode.IsValid(code));

    [Fact]
    public void The_check_character_is_computed_over_the_first_seventeen() => Assert.Equal('3', CreditCode.CheckCharacter("91350100M000100Y4"));
}

public sealed class EnterpriseRuleTests
{
    private static EnterpriseFields Fields(string? park = "haidong", DateOnly? since = null, params QualificationHeld[] qualifications) => new()
    {
        Names = new LocalizedText { Zh = "示例", En = "Sample" }, ParkCode = park, InParkSince = since, RegisteredOn = new DateOnly(2021, 1, 1), Qualifications = qualifications,
    };

    [Fact]
    public void Another_park_is_a_move_the_same_park_corrects_its_date_and_no_park_keeps_what_is_known()
    {
        IReadOnlyList<StoredStay> stays = [new("haidong", new DateOnly(2022, 1, 1))];
        Assert.Equal([new("haidong", new DateOnly(2022, 1, 1)), new StoredStay("haichuang-centre", new DateOnly(2024, 1, 1))],
            EnterpriseRules.NextStays(stays, "haichuang-centre", new DateOnly(2024, 1, 1)));
        Assert.Equal([new StoredStay("haidong", new DateOnly(2022, 2, 1))], EnterpriseRules.NextStays(stays, "haidong", new DateOnly(2022, 2, 1)));
        Assert.Same(stays, EnterpriseRules.NextStays(stays, null, null));
    }

    [Fact]
    public void A_graduation_before_the_incubation_an_overlap_and_a_move_back_in_time_are_contradictions()
    {
        var incubating = new QualificationHeld { Kind = Qualification.IncubatingEnterprise, From = new DateOnly(2023, 1, 1), Until = new DateOnly(2022, 1, 1) };
        Assert.Equal(["qualifications[0].until"], EnterpriseRules.Contradictions(Fields(qualifications: incubating), []).Keys);

        var first = new QualificationHeld { Kind = Qualification.HighTechEnterprise, From = new DateOnly(2021, 6, 1), Until = new DateOnly(2024, 6, 1) };
        var overlapping = first with { From = new DateOnly(2024, 1, 1), Until = null };
        Assert.Equal(["qualifications[1]"], EnterpriseRules.Contradictions(Fields(qualifications: [first, overlapping]), []).Keys);
        Assert.Empty(EnterpriseRules.Contradictions(Fields(qualifications: [first, overlapping with { From = new DateOnly(2024, 6, 1) }]), [])); // renewed the day it ended

        IReadOnlyList<StoredStay> stays = [new("haidong", new DateOnly(2022, 1, 1))];
        Assert.Equal(["inParkSince"], EnterpriseRules.Contradictions(Fields("haichuang-centre", new DateOnly(2021, 12, 1)), stays).Keys);
        Assert.Equal(["parkCode"], EnterpriseRules.Contradictions(Fields(park: null), stays).Keys);
        Assert.Empty(EnterpriseRules.Contradictions(Fields("haidong", new DateOnly(2021, 6, 1)), stays)); // correcting the date of the only stay
    }

    [Fact]
    public void A_qualification_is_held_from_its_first_day_until_the_day_it_ends()
    {
        var q = new QualificationHeld { Kind = Qualification.IncubatingEnterprise, From = new DateOnly(2022, 6, 1), Until = new DateOnly(2024, 6, 1) };
        Assert.Empty(EnterpriseRules.HeldOn([q], new DateOnly(2022, 5, 31)));
        Assert.Equal(new DateOnly(2022, 6, 1), EnterpriseRules.HeldOn([q], new DateOnly(2022, 6, 1))[Qualification.IncubatingEnterprise]);
        Assert.Empty(EnterpriseRules.HeldOn([q], new DateOnly(2024, 6, 1)));
    }
}
