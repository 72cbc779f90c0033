using System.Net;
using Dapper;
using Gaoxin.Api.Tests.Features.Observations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gaoxin.Api.Tests.Features.Concurrency;

/// <summary>A figure is checked against the indicator's definition as it stands when the figure commits.</summary>
public sealed class DefinitionLockTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_figure_written_while_its_indicator_changes_waits_and_is_checked_against_the_new_definition()
    {
        await using var editor = await Factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var change = await editor.BeginTransactionAsync();
        // An editor is turning the count into a percentage (0–100) and has not committed yet.
        await editor.ExecuteAsync("update indicators set value_kind = 'percent', version = version + 1 where code = 'incubating-enterprises'", transaction: change);

        var put = PutObservationAsync(ObservationRequests.Put("incubating-enterprises", "haichuang-centre", "2024", 150));
        await Task.Delay(500);
        Assert.False(put.IsCompleted, "the figure should wait for the definition being changed");

        await change.CommitAsync();
        var response = await put;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // 150 is no percentage: checked against the new rule
        Assert.Equal(0, await CountAsync("observations o join parks p on p.id = o.park_id where p.code = 'haichuang-centre'"));
    }
}
