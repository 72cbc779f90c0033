using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gaoxin.Api.Tests.Features.Observations;

/// <summary>
/// A figure names its indicator, park and source; the database holds every writer to that, not only the API's checks.
/// Since migration 0028 the check runs once per statement instead of once per row (a foreign key's way), so these
/// tests hold it to a foreign key's guarantees: a missing parent fails the statement, a named parent cannot be deleted,
/// and a parent deleted while a figure naming it is written loses to the figure or fails it, never both commit.
/// </summary>
public sealed class ParentChecksTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Insert = """
        insert into observations (indicator_id, park_id, period, period_start, period_end, value, as_of, source_id, recorded_at, recorded_by)
        select @Indicator, @Park, '2019', '2019-01-01', '2019-12-31', 1, '2019-12-31', @Source, now(), 'test'
        """;

    [Theory]
    [InlineData("indicator", "observations_indicator_id_fkey")]
    [InlineData("park", "observations_park_id_fkey")]
    [InlineData("source", "observations_source_id_fkey")]
    public async Task A_figure_naming_a_parent_that_does_not_exist_is_refused_and_nothing_is_written(string missing, string constraint)
    {
        await using var connection = await OpenAsync();
        var (indicator, park, source) = await ParentsAsync(connection);
        var before = await CountAsync("observations");

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(Insert, new
        {
            Indicator = missing == "indicator" ? -1 : indicator,
            Park = missing == "park" ? -1 : park,
            Source = missing == "source" ? -1 : (long?)source,
        }));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
        Assert.Equal(constraint, error.ConstraintName);
        Assert.Equal(before, await CountAsync("observations"));
    }

    [Fact]
    public async Task A_figure_moved_to_a_source_that_does_not_exist_is_refused()
    {
        await using var connection = await OpenAsync();
        var (indicator, park, source) = await ParentsAsync(connection);
        await connection.ExecuteAsync(Insert, new { Indicator = indicator, Park = park, Source = (long?)source });

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "update observations set source_id = -1 where period = '2019' and recorded_by = 'test'"));

        Assert.Equal("observations_source_id_fkey", error.ConstraintName);
        Assert.Equal(source, await connection.ExecuteScalarAsync<long>("select source_id from observations where period = '2019' and recorded_by = 'test'"));
    }

    [Fact]
    public async Task Correcting_a_figure_does_not_wait_for_an_edit_of_its_park()
    {
        await using var connection = await OpenAsync();
        var (indicator, park, source) = await ParentsAsync(connection);
        await connection.ExecuteAsync(Insert, new { Indicator = indicator, Park = park, Source = (long?)source });

        // An edit of the park holds its row for update (UpdatePark does) until it commits.
        await using var editor = await OpenAsync();
        await using var editing = await editor.BeginTransactionAsync();
        await editor.ExecuteAsync("select id from parks where id = @park for update", new { park }, editing);

        // A correction keeps its parents: like a foreign key, the check leaves them unlocked and the update goes through.
        var correcting = connection.ExecuteAsync("update observations set value = 2 where park_id = @park", new { park });
        var wentThrough = await Task.WhenAny(correcting, Task.Delay(TimeSpan.FromSeconds(5))) == correcting;
        await editing.RollbackAsync();
        await correcting; // done either way once the edit is gone, so the connection is free again
        Assert.True(wentThrough, "the correction waited for the park's edit");
        Assert.Equal(2m, await connection.ExecuteScalarAsync<decimal>("select value from observations where park_id = @park", new { park }));
    }

    [Theory]
    [InlineData("indicators", "indicator_id")]
    [InlineData("parks", "park_id")]
    [InlineData("sources", "source_id")]
    public async Task A_parent_named_by_a_figure_cannot_be_deleted_even_by_hand(string table, string column)
    {
        await using var connection = await OpenAsync();
        var (indicator, park, source) = await ParentsAsync(connection);
        await connection.ExecuteAsync(Insert, new { Indicator = indicator, Park = park, Source = (long?)source });
        var parent = await connection.ExecuteScalarAsync<long>($"select {column} from observations where period = '2019' and recorded_by = 'test'");

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync($"delete from {table} where id = @Id", new { Id = parent }));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
        Assert.Equal($"observations_{column}_fkey", error.ConstraintName);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>($"select count(*) from {table} where id = @Id", new { Id = parent }));
    }

    [Fact]
    public async Task A_park_deleted_while_a_figure_naming_it_is_written_waits_for_it_and_is_then_refused()
    {
        await using var writer = await OpenAsync();
        var (indicator, park, _) = await ParentsAsync(writer);
        await using var writing = await writer.BeginTransactionAsync();
        await writer.ExecuteAsync(Insert, new { Indicator = indicator, Park = park, Source = (long?)null }, writing);

        var deleting = DeleteParkAsync(park);
        await Task.Delay(300);
        Assert.False(deleting.IsCompleted, "the delete must wait for the figure's transaction, as for a foreign key");
        await writing.CommitAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => deleting);
        Assert.Equal("observations_park_id_fkey", error.ConstraintName);
        Assert.Equal(1, await writer.ExecuteScalarAsync<long>("select count(*) from observations where park_id = @park", new { park }));
    }

    [Fact]
    public async Task A_figure_written_while_its_park_is_deleted_waits_for_the_delete_and_is_then_refused()
    {
        await using var writer = await OpenAsync();
        var (indicator, park, _) = await ParentsAsync(writer);
        await using var deleter = await OpenAsync();
        await using var deleting = await deleter.BeginTransactionAsync();
        await deleter.ExecuteAsync("delete from parks where id = @park", new { park }, deleting);

        var writing = writer.ExecuteAsync(Insert, new { Indicator = indicator, Park = park, Source = (long?)null });
        await Task.Delay(300);
        Assert.False(writing.IsCompleted, "the figure must wait for the delete's transaction, as for a foreign key");
        await deleting.CommitAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => writing);
        Assert.Equal("observations_park_id_fkey", error.ConstraintName);
        Assert.Equal(0, await writer.ExecuteScalarAsync<long>("select count(*) from observations where park_id = @park", new { park }));
    }

    private async Task<NpgsqlConnection> OpenAsync() =>
        await Factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();

    /// <summary>An indicator, a park and a source that nothing else names, so that only a figure can stand in the way
    /// of deleting them.</summary>
    private static async Task<(long Indicator, long Park, long Source)> ParentsAsync(NpgsqlConnection connection) =>
        await connection.QuerySingleAsync<(long, long, long)>("""
            with indicator as (
                insert into indicators (code, name_zh, name_en, category, unit, value_kind, aggregation)
                select 'parent-check', '检查用指标', 'Indicator for the check', category, unit, value_kind, aggregation from indicators
                where value_kind = 'count' limit 1 returning id),
            park as (
                insert into parks (code, kind, parent_id, name_zh, name_en)
                select 'parent-check', 'park', id, '检查用园区', 'Park for the check' from parks where kind = 'zone' returning id),
            source as (
                insert into sources (code, title_zh, title_en) values ('parent-check', '检查用来源', 'Source for the check') returning id)
            select (select id from indicator), (select id from park), (select id from source)
            """);

    private async Task DeleteParkAsync(long park)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync("delete from parks where id = @park", new { park });
    }
}
