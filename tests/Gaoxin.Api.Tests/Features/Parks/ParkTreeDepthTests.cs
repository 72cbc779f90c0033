using System.Net;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Parks;

/// <summary>The park tree has a bounded depth, checked when it is written, so reading it can never fail.</summary>
public sealed class ParkTreeDepthTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_chain_deeper_than_the_limit_is_refused_when_written_and_the_tree_still_reads()
    {
        // The zone is level 1 and haidong level 2: the chain fills every level below it.
        var parent = "haidong";
        for (var level = 3; level <= ParkWrites.MaxTreeDepth; level++)
        {
            var code = $"depth-{level}";
            Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace(code, parent))).StatusCode);
            parent = code;
        }
        var problem = await (await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace("one-too-deep", parent)))
            .ReadProblemAsync(HttpStatusCode.Conflict, "park.tree-too-deep");
        Assert.Equal(ParkWrites.MaxTreeDepth, problem.GetProperty("maxDepth").GetInt32());

        // Moving a branch under the deepest park is refused the same way.
        var incubator = await (await Client.GetAsync("/api/v1/parks/haidong-incubator")).ReadAsync<ParkDto>();
        await (await PutCurrentAsync("/api/v1/parks/haidong-incubator", incubator with { ParentCode = parent }))
            .ReadProblemAsync(HttpStatusCode.Conflict, "park.tree-too-deep");

        var tree = (await (await Client.GetAsync("/api/v1/parks/tree")).ReadAsync<List<ParkTreeNode>>()).Single();
        var depth = 1;
        for (var node = tree; node.Children.Count > 0; node = node.Children.First(c => c.Code == "haidong" || c.Code.StartsWith("depth-", StringComparison.Ordinal)))
        {
            depth++;
        }
        Assert.Equal(ParkWrites.MaxTreeDepth, depth);
    }
}
