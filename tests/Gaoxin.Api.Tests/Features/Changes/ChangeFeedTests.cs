using System.Net;
using Dapper;
using Gaoxin.Api.Tests.Features.Observations;
using Gaoxin.Api.Tests.Features.Parks;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Parks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gaoxin.Api.Tests.Features.Changes;

public sealed class ChangeFeedTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>A mirror: follows the feed from a cursor, as a municipal system would.</summary>
    private async Task<(List<ChangeDto> Changes, string Cursor)> FollowAsync(string? cursor, int limit = 50)
    {
        var seen = new List<ChangeDto>();
        while (true)
        {
            var page = await (await Client.GetAsync($"/api/v1/changes?limit={limit}" + (cursor is null ? "" : "&after=" + cursor))).ReadAsync<ChangePage>();
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                return (seen, cursor);
            }
        }
    }

    [Fact]
    public async Task The_seed_is_in_the_feed_and_each_write_follows_as_created_updated_or_deleted()
    {
        var (seed, cursor) = await FollowAsync(null, limit: 7);
        Assert.Equal(8, seed.Count(c => c.ResourceType == "park"));
        Assert.Contains(seed, c => c.ResourceType == "observation" && c.Key == "enterprise-rnd-institutions/zhanjiang-hitech-zone/2023-03-31");

        var created = await (await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace())).ReadAsync<ParkDto>(HttpStatusCode.Created);
        await PutCurrentAsync("/api/v1/parks/test-maker-space", created with { Status = ParkStatus.Operating });
        await DeleteCurrentAsync("/api/v1/parks/test-maker-space");

        var (changes, _) = await FollowAsync(cursor);
        Assert.Equal(
            [("park", "test-maker-space", ChangeAction.Created, "\"1\""), ("park", "test-maker-space", ChangeAction.Updated, "\"2\""), ("park", "test-maker-space", ChangeAction.Deleted, null)],
            changes.Select(c => (c.ResourceType, c.Key, c.Action, c.ETag)));
    }

    [Fact]
    public async Task A_mirror_following_concurrent_writers_misses_nothing_and_sees_nothing_twice()
    {
        var (_, cursor) = await FollowAsync(null);
        var seen = new List<ChangeDto>();
        var writing = true;
        var mirror = Task.Run(async () =>
        {
            while (Volatile.Read(ref writing))
            {
                var (changes, next) = await FollowAsync(cursor, limit: 7);
                seen.AddRange(changes);
                cursor = next;
            }
            var (last, _) = await FollowAsync(cursor);
            seen.AddRange(last);
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            using var client = Factory.ClientWithKey(ApiFactory.AdminKey);
            for (var i = 0; i < 25; i++)
            {
                var period = new DateOnly(2000, 1, 1).AddDays(writer * 100 + i).ToString("yyyy-MM-dd");
                (await client.PutJsonAsync("/api/v1/observations", ObservationRequests.Put("incubating-enterprises", "haidong-incubator", period, i))).EnsureSuccessStatusCode();
            }
        })));
        Volatile.Write(ref writing, false);
        await mirror;

        Assert.Equal(100, seen.Count);
        Assert.Equal(100, seen.Select(c => c.Position).Distinct().Count());
        Assert.Equal(100, seen.Select(c => c.Key).Distinct().Count());
        Assert.All(seen, c => Assert.Equal(ChangeAction.Created, c.Action));
    }

    [Fact]
    public async Task A_transaction_that_started_first_but_commits_last_still_lands_behind_the_mirrors_cursor()
    {
        var dataSource = Factory.Services.GetRequiredService<NpgsqlDataSource>();
        var (_, cursor) = await FollowAsync(null);

        // Slow writes its change first (so its row id is lower), but commits after Fast.
        await using var slow = await dataSource.OpenConnectionAsync();
        await using var slowTx = await slow.BeginTransactionAsync();
        await slow.ExecuteAsync("update parks set version = version + 1 where code = 'haidong'", transaction: slowTx);

        await using (var fast = await dataSource.OpenConnectionAsync())
        await using (var fastTx = await fast.BeginTransactionAsync())
        {
            await fast.ExecuteAsync("update parks set version = version + 1 where code = 'haichuang-centre'", transaction: fastTx);
            await fast.ExecuteAsync("select stamp_changes()", transaction: fastTx);
            await fastTx.CommitAsync();
        }

        var (first, afterFast) = await FollowAsync(cursor);
        Assert.Equal(["haichuang-centre"], first.Select(c => c.Key));

        await slow.ExecuteAsync("select stamp_changes()", transaction: slowTx);
        await slowTx.CommitAsync();

        var (second, _) = await FollowAsync(afterFast);
        Assert.Equal(["haidong"], second.Select(c => c.Key)); // with a plain sequence it would sit behind the cursor, missed
    }

    [Fact]
    public async Task The_audit_log_says_who_changed_what_from_what_to_what_and_needs_the_admin_scope()
    {
        var park = await (await Client.GetAsync("/api/v1/parks/yuexi-data-valley")).ReadAsync<ParkDto>();
        await PutCurrentAsync("/api/v1/parks/yuexi-data-valley", park with { Status = ParkStatus.Operating });

        var audit = await (await Client.GetAsync("/api/v1/audit?resourceType=park&key=yuexi-data-valley")).ReadAsync<AuditPage>();
        var entry = audit.Items[0];
        Assert.Equal(("test-admin", ChangeAction.Updated), (entry.Actor, entry.Action));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.Before!.Value.GetProperty("status").ValueKind);
        Assert.Equal("operating", entry.After!.Value.GetProperty("status").GetString());
        Assert.Equal("seed", audit.Items[^1].Actor);

        using var anonymous = Factory.ClientWithKey(null);
        await (await anonymous.GetAsync("/api/v1/audit")).ReadProblemAsync(HttpStatusCode.Unauthorized, "auth.missing-key");
    }
}
