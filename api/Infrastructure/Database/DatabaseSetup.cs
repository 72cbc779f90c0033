using Dapper;
using Gaoxin.Api.Data;
using Npgsql;

namespace Gaoxin.Api.Infrastructure.Database;

public static class DatabaseSetup
{
    /// <summary>
    /// The connection string is <c>GAOXIN_DB</c> (an environment variable, or any other configuration source:
    /// the tests set it in memory), else <c>ConnectionStrings:Gaoxin</c>.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration["GAOXIN_DB"] is { Length: > 0 } configured
            ? configured
            : configuration.GetConnectionString("Gaoxin")
              ?? throw new InvalidOperationException("Set GAOXIN_DB or ConnectionStrings:Gaoxin to a PostgreSQL connection string.");

    public static IServiceCollection AddGaoxinDatabase(this IServiceCollection services)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyTypeHandler());
        // Built on first use, from the final configuration (so tests and `make run` can point it elsewhere).
        services.AddSingleton(provider => new DataSources(ConnectionString(provider.GetRequiredService<IConfiguration>())));
        services.AddSingleton(provider => provider.GetRequiredService<DataSources>().Primary);
        services.AddScoped<Consistency>();
        services.AddOptions<ReadSettings>().BindConfiguration("Reads");
        services.AddScoped<ReadDatabase>();
        services.AddScoped<DbSession>();
        services.AddSingleton<Migrator>();
        return services;
    }

    /// <summary>The API's data source: its pool, timeouts and statement preparation (the benchmark's floor uses the same).</summary>
    public static NpgsqlDataSource DataSource(string connectionString) => Builder(connectionString).Build();

    /// <summary>The settings every data source of the API shares, before it is built for one host or several.</summary>
    public static NpgsqlDataSourceBuilder Builder(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "gaoxin-api",
        };
        var defaults = new NpgsqlConnectionStringBuilder();
        // Fail fast when the database is away instead of letting requests queue: callers get a 503 in seconds.
        if (builder.Timeout == defaults.Timeout)
        {
            builder.Timeout = 5;
        }
        // The API runs a few dozen distinct statements over and over: let Npgsql prepare them once per connection
        // (measured: parse and plan were a large share of a read by key). Session state is never changed outside a
        // transaction, so pooled connections need no reset.
        if (builder.MaxAutoPrepare == defaults.MaxAutoPrepare)
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
            builder.NoResetOnClose = true;
        }
        // With several hosts, notice a promoted standby (or a host back from the dead) within seconds, not Npgsql's ten.
        if (builder.Host?.Contains(',') == true && builder.HostRecheckSeconds == defaults.HostRecheckSeconds)
        {
            builder.HostRecheckSeconds = 2;
        }
        return new NpgsqlDataSourceBuilder(builder.ConnectionString);
    }
}
