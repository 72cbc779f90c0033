using System.Net;
using Dapper;
using Gaoxin.Api.Tests.Features.Observations;
using Gaoxin.Api.Tests.Features.Parks;
using Gaoxin.Api.Tests.Features.Policies;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Observations;
using Gaoxin.Contracts.Parks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gaoxin.Api.Tests.Features.Concurrency;

/// <summary>
/// Whatever changes what a GET answers changes its ETag and shows in the change feed and the audit log; an ETag is
/// never given twice for one key; and a write made beside the API still reaches the feed.
/// </summary>
public sealed class RepresentationChangeTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<List<ChangeDto>> ChangesAfterAsync(string cursor) =>
        (await (await Client.GetAsync($"/api/v1/changes?limit=200&after={cursor}")).ReadAsync<ChangePage>()).Items.ToList();

    private async Task<string> FeedEndAsync()
    {
        string? cursor = null;
        while (true)
        {
            var page = await (await Client.GetAsync("/api/v1/changes?limit=200" + (cursor is null ? "" : "&after=" + cursor))).ReadAsync<ChangePage>();
            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                return cursor;
            }
        }
    }

    [Fact]
    public async Task A_relation_changes_both_documents_etags_and_reaches_the_feed_and_the_audit_log()
    {
        await PolicySamples.LoadAsync(Client);
        var newer = await ETagAsync("/api/v1/policies/sample-loan-interest-subsidy-2024");
        var older = await ETagAsync("/api/v1/policies/sample-loan-interest-subsidy-2023");
        var relation = (await (await Client.GetAsync("/api/v1/policies/sample-loan-interest-subsidy-2024")).ReadAsync<Gaoxin.Contracts.Policies.PolicyDto>())
            .Relations.Single(r => r.Kind == Gaoxin.Contracts.Policies.RelationKind.Supersedes);
        var cursor = await FeedEndAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/policies/sample-loan-interest-subsidy-2024/relations/{relation.Id}")).StatusCode);

        Assert.NotEqual(newer, await ETagAsync("/api/v1/policies/sample-loan-interest-subsidy-2024"));
        Assert.NotEqual(older, await ETagAsync("/api/v1/policies/sample-loan-interest-subsidy-2023"));
        var changes = await ChangesAfterAsync(cursor);
        Assert.Contains(changes, c => (c.ResourceType, c.Key, c.Action) == ("policy", "sample-loan-interest-subsidy-2024", ChangeAction.Updated));
        Assert.Contains(changes, c => (c.ResourceType, c.Key, c.Action) == ("policy", "sample-loan-interest-subsidy-2023", ChangeAction.Updated));
        var audit = await (await Client.GetAsync($"/api/v1/audit?resourceType=policy-relation&key=sample-loan-interest-subsidy-2024/{relation.Id}")).ReadAsync<AuditPage>();
        Assert.Equal(("test-admin", ChangeAction.Deleted), (audit.Items[0].Actor, audit.Items[0].Action));

        // An editor who read the document before the relation went cannot overwrite it with that stale copy.
        using var stale = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/policies/sample-loan-interest-subsidy-2023");
        stale.Headers.TryAddWithoutValidation("If-Match", older);
        await (await Client.SendAsync(stale)).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
    }

    [Fact]
    public async Task A_measure_change_is_a_new_version_of_its_document()
    {
        await PolicySamples.LoadAsync(Client);
        var measures = await (await Client.GetAsync("/api/v1/policies/sample-rnd-support-measures/measures")).ReadAsync<List<Gaoxin.Contracts.Policies.SupportMeasureDto>>();
        var before = await ETagAsync("/api/v1/policies/sample-rnd-support-measures");

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteCurrentAsync($"/api/v1/policies/sample-rnd-support-measures/measures/{measures[0].Code}")).StatusCode);

        Assert.NotEqual(before, await ETagAsync("/api/v1/policies/sample-rnd-support-measures"));
    }

    [Fact]
    public async Task A_park_deleted_and_created_again_never_reuses_an_etag()
    {
        var first = await (await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace())).ReadAsync<ParkDto>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteCurrentAsync("/api/v1/parks/test-maker-space")).StatusCode);
        var second = await (await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace())).ReadAsync<ParkDto>(HttpStatusCode.Created);

        Assert.True(second.Version > first.Version, $"re-created at version {second.Version}, after {first.Version}");
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/parks/test-maker-space")
        {
            Content = System.Net.Http.Json.JsonContent.Create(second with { Status = ParkStatus.Operating }, options: Http.Json),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{first.Version}\"");
        await (await Client.SendAsync(stale)).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
    }

    [Fact]
    public async Task A_figure_deleted_and_recorded_again_continues_its_versions_through_the_api_and_an_import()
    {
        var put = ObservationRequests.Put("incubating-enterprises", "haidong", "2024", 7);
        var created = await (await PutObservationAsync(put)).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteObservationAsync("incubating-enterprises", "haidong", "2024")).StatusCode);
        var again = await (await PutObservationAsync(put)).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        Assert.Equal(created.Version + 2, again.Version); // created, deleted, created again

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteObservationAsync("incubating-enterprises", "haidong", "2024")).StatusCode);
        var csv = Imports.Imports.Csv("incubating-enterprises,haidong,2024,,7,2024-12-31,,");
        Assert.Equal(HttpStatusCode.OK, (await Imports.Imports.PostCsvAsync(Client, "observations", csv)).StatusCode);
        var history = await (await Client.GetAsync("/api/v1/observations/history?indicator=incubating-enterprises&park=haidong&period=2024"))
            .ReadAsync<ObservationRevisionPage>();
        Assert.Equal([1, 2, 3, 4, 5], history.Items.Select(r => r.Version).Order());
    }

    [Fact]
    public async Task A_write_made_beside_the_api_reaches_the_change_feed()
    {
        var cursor = await FeedEndAsync();
        await using (var connection = await Factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            // As psql or a script would: no stamp_changes() call, no actor.
            await connection.ExecuteAsync("update parks set status = 'operating', version = version + 1 where code = 'yuexi-data-valley'");
        }

        var changes = await ChangesAfterAsync(cursor);
        Assert.Contains(changes, c => (c.ResourceType, c.Key, c.Action) == ("park", "yuexi-data-valley", ChangeAction.Updated));
        var audit = await (await Client.GetAsync("/api/v1/audit?resourceType=park&key=yuexi-data-valley")).ReadAsync<AuditPage>();
        Assert.StartsWith("database:", audit.Items[0].Actor);
    }
}
