using System.Net;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Features.Policies;

public sealed class PolicyLifecycleTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<PolicyStatus> StatusOnAsync(string id, string day) =>
        (await (await Client.GetAsync($"/api/v1/policies/{id}?on={day}")).ReadAsync<PolicyDto>()).Summary.Status;

    [Theory]
    [InlineData("2023-05-31", PolicyStatus.Draft)]    // not issued yet
    [InlineData("2023-06-01", PolicyStatus.Pending)]  // issued on 06-01, in force from 07-01
    [InlineData("2023-06-30", PolicyStatus.Pending)]
    [InlineData("2023-07-01", PolicyStatus.InForce)]  // the effective date itself
    [InlineData("2030-12-31", PolicyStatus.InForce)]  // the last day in force
    [InlineData("2031-01-01", PolicyStatus.Expired)]  // the day after
    public async Task The_status_turns_on_the_boundary_dates(string day, PolicyStatus expected)
    {
        await PolicySamples.LoadAsync(Client);
        Assert.Equal(expected, await StatusOnAsync("sample-incubation-support-measures", day));
    }

    [Fact]
    public async Task A_supersession_repeals_from_its_date_and_deleting_it_restores_the_status()
    {
        await PolicySamples.LoadAsync(Client);
        Assert.Equal(PolicyStatus.InForce, await StatusOnAsync("sample-loan-interest-subsidy-2023", "2023-12-31"));
        Assert.Equal(PolicyStatus.Repealed, await StatusOnAsync("sample-loan-interest-subsidy-2023", "2024-01-01"));

        var successor = await (await Client.GetAsync("/api/v1/policies/sample-loan-interest-subsidy-2024")).ReadAsync<PolicyDto>();
        var supersedes = successor.Relations.Single(r => r.Kind == RelationKind.Supersedes);
        Assert.True(supersedes.Outgoing);
        Assert.Equal("sample-loan-interest-subsidy-2023", supersedes.Other.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/policies/sample-loan-interest-subsidy-2024/relations/{supersedes.Id}")).StatusCode);
        Assert.Equal(PolicyStatus.InForce, await StatusOnAsync("sample-loan-interest-subsidy-2023", "2024-01-01"));
    }

    [Fact]
    public async Task A_repeal_by_a_draft_repeals_nothing_until_the_draft_is_issued()
    {
        await PolicySamples.LoadAsync(Client);
        var repeal = new CreatePolicyRelationRequest { Kind = RelationKind.Repeals, TargetId = "sample-rnd-support-measures" };
        await (await Client.PostJsonAsync("/api/v1/policies/high-quality-development-opinions/relations", repeal)).ReadAsync<PolicyDto>(HttpStatusCode.Created);

        Assert.Equal(PolicyStatus.InForce, await StatusOnAsync("sample-rnd-support-measures", "2024-06-01"));
    }

    [Fact]
    public async Task An_edit_keeps_the_earlier_version_readable_and_an_unchanged_save_adds_none()
    {
        await PolicySamples.LoadAsync(Client);
        var current = await (await Client.GetAsync("/api/v1/policies/sample-rnd-support-measures")).ReadAsync<PolicyDto>();
        var versions = (await (await Client.GetAsync("/api/v1/policies/sample-rnd-support-measures/versions")).ReadAsync<PolicyVersionPage>()).Items;
        // The document as read, with a new title and its read-only members (summary, measures…) left as they were.
        var edit = current with
        {
            Titles = new LocalizedText { Zh = "湛江高新区支持企业加大研发投入若干措施（修订，示例）", En = "Measures to Support Enterprise R&D Spending, revised (illustrative)" },
        };

        var edited = await (await PutCurrentAsync("/api/v1/policies/sample-rnd-support-measures", edit)).ReadAsync<PolicyDto>();
        Assert.Equal(current.Version + 1, edited.Version);
        Assert.StartsWith("湛江高新区支持企业加大研发投入若干措施（修订", edited.Summary.Title);

        var first = await (await Client.GetAsync("/api/v1/policies/sample-rnd-support-measures/versions/1")).ReadAsync<PolicyVersionDto>();
        Assert.Equal(versions[^1].Content.Titles, first.Content.Titles); // measures added since: new versions, same content
        Assert.Equal("湛江高新区支持企业加大研发投入若干措施（示例）", first.Content.Titles.Zh);

        await (await PutCurrentAsync("/api/v1/policies/sample-rnd-support-measures", edited)).ReadAsync<PolicyDto>();
        var after = (await (await Client.GetAsync("/api/v1/policies/sample-rnd-support-measures/versions")).ReadAsync<PolicyVersionPage>()).Items;
        Assert.Equal(Enumerable.Range(1, edited.Version), after.Select(v => v.Version));

        await (await Client.GetAsync("/api/v1/policies/sample-rnd-support-measures/versions/9")).ReadProblemAsync(HttpStatusCode.NotFound, "policy.version-not-found");
    }

    [Fact]
    public async Task The_seeded_core_policy_has_version_1_from_the_seed()
    {
        var versions = (await (await Client.GetAsync("/api/v1/policies/high-quality-development-opinions/versions")).ReadAsync<PolicyVersionPage>()).Items;
        var version = Assert.Single(versions);
        Assert.Equal("seed", version.RecordedBy);
        Assert.Equal(PolicyRole.Core, version.Content.Role);
    }

    [Fact]
    public async Task Deleting_is_refused_while_other_documents_relate_to_it()
    {
        await PolicySamples.LoadAsync(Client);

        var core = await (await DeleteCurrentAsync("/api/v1/policies/high-quality-development-opinions")).ReadProblemAsync(HttpStatusCode.Conflict, "policy.has-relations");
        Assert.Equal(5, core.GetProperty("relatedIds").GetArrayLength());
        await (await DeleteCurrentAsync("/api/v1/policies/sample-loan-interest-subsidy-2023")).ReadProblemAsync(HttpStatusCode.Conflict, "policy.has-relations");

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteCurrentAsync("/api/v1/policies/sample-talent-allowance-2022")).StatusCode);
        await (await Client.GetAsync("/api/v1/policies/sample-talent-allowance-2022")).ReadProblemAsync(HttpStatusCode.NotFound, "policy.not-found");
    }

    [Fact]
    public async Task Invalid_documents_are_refused_with_the_reason()
    {
        await PolicySamples.LoadAsync(Client);
        var valid = new CreatePolicyRequest
        {
            Id = "test-policy",
            Titles = new LocalizedText { Zh = "测试文件", En = "Test document" },
            Bodies = new PolicyBody { Zh = "" },
            Role = PolicyRole.Supporting,
            IssuerCode = "zone-management-committee",
        };

        var invalid = await (await Client.PostJsonAsync("/api/v1/policies", valid with { Id = "Bad Id", Role = PolicyRole.Related, ImplementsId = "high-quality-development-opinions", EffectiveFrom = new DateOnly(2024, 1, 1) }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal(["effectiveFrom", "id", "implementsId"], invalid.ErrorFields());

        await (await Client.PostJsonAsync("/api/v1/policies", valid with { ImplementsId = "sample-rnd-support-measures" }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "policy.implements-non-core");
        await (await Client.PostJsonAsync("/api/v1/policies", valid with { IssuerCode = "nobody" })).ReadProblemAsync(HttpStatusCode.NotFound, "organisation.not-found");
        await (await Client.PostJsonAsync("/api/v1/policies", valid with { Id = "sample-rnd-support-measures" })).ReadProblemAsync(HttpStatusCode.Conflict, "policy.id-taken");
        await (await Client.PostJsonAsync("/api/v1/policies", valid with { DocumentNumber = "示例〔2023〕1号" })).ReadProblemAsync(HttpStatusCode.Conflict, "policy.document-number-taken");
        await (await Client.PostJsonAsync("/api/v1/policies", valid with { ParkCodes = ["atlantis"] })).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");

        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync("/api/v1/policies", valid)).StatusCode);
    }
}
