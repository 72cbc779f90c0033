using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gaoxin.Api.Features.Policies.ListPolicies;
using Gaoxin.Bench;
using Npgsql;

// make bench: grows a separate database to a realistic size, starts the API in Release against it, loads it with wrk
// on loopback and prints one table, also written to docs/BENCHMARKS.md. Absolute numbers move with the machine; the
// ratios measured in the same run are what it is for.
if (args is ["bare-server", var floorUrl, var floorDb])
{
    await BareServer.RunAsync(floorUrl, floorDb);
    return;
}

var options = Options.Parse(args);
var started = Stopwatch.StartNew();
void Log(string message) => Console.Error.WriteLine($"[bench {started.Elapsed:mm\\:ss}] {message}");

var benchDb = new NpgsqlConnectionStringBuilder(options.AdminConnection) { Database = "gaoxin_bench", CommandTimeout = 0 }.ConnectionString;
await using (var admin = new NpgsqlConnection(options.AdminConnection))
{
    await admin.OpenAsync();
    await admin.ExecuteAsync("drop database if exists gaoxin_bench with (force)");
    await admin.ExecuteAsync("create database gaoxin_bench");
}

var baseUrl = $"http://127.0.0.1:{options.Port}";
var bareUrl = $"http://127.0.0.1:{options.Port + 1}";
using var api = StartApi(options, benchDb, baseUrl);
using var bareServer = StartBareServer(benchDb, bareUrl);
try
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
    await WaitForApiAsync(http);
    var benchKey = await CreateImportKeyAsync(options, benchDb);
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", benchKey);
    await using var db = NpgsqlDataSource.Create(benchDb);
    Log("growing the bench database");
    await BenchData.GrowAsync(db, message => Log("  " + message));
    await BenchData.GrowTargetsAndSchemeAsync(db, message => Log("  " + message));
    await BenchData.GrowEnterprisesAsync(db, message => Log("  " + message));

    var rows = new List<Row>();
    var warmUp = options.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);
    var run = options.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(8);
    var runs = options.Quick ? 1 : 3;
    Resident readPeak;
    await using (var memory = new MemorySampler(api.Id).Start())
    {
        async Task<LoadResult> Measure(string name, string path, int connections = 32, string? body = null, string? bearer = null)
        {
            Log($"{name}: {path}");
            var result = await Load.MedianAsync(baseUrl + path, connections, warmUp, run, runs, body, bearer);
            if (result.Errors > 0)
            {
                Log($"  {result.Errors} requests failed or timed out (5 s)");
            }
            return result;
        }

        // The floor is a separate minimal process (BareServer); the two are measured in turns, so both see the same
        // minutes of a machine they share with wrk and PostgreSQL.
        Log("read by key: full stack and the bare process, in turns");
        var fullRuns = new List<LoadResult>();
        var bareRuns = new List<LoadResult>();
        var fullCpu = new List<double>();
        var bareCpu = new List<double>();
        // The CPU each process spent per request answered: steadier than requests/s on a machine whose two cores
        // also run wrk and PostgreSQL, and it says what the pipeline itself costs.
        async Task<LoadResult> RunCounted(string url, int pid, List<double> microsecondsPerRequest)
        {
            var before = ProcessCpu.Of(pid);
            var result = await Load.RunAsync(url, 32, run);
            microsecondsPerRequest.Add((ProcessCpu.Of(pid) - before).TotalMicroseconds / (result.RequestsPerSecond * run.TotalSeconds));
            return result;
        }
        await Load.RunAsync(baseUrl + "/api/v1/parks/haidong", 32, warmUp);
        await Load.RunAsync(bareUrl + "/bench/bare/parks/haidong", 32, warmUp);
        for (var i = 0; i < runs; i++)
        {
            fullRuns.Add(await RunCounted(baseUrl + "/api/v1/parks/haidong", api.Id, fullCpu));
            bareRuns.Add(await RunCounted(bareUrl + "/bench/bare/parks/haidong", bareServer.Id, bareCpu));
        }
        var full = Load.Median(fullRuns);
        var bare = Load.Median(bareRuns);
        var inProcess = await Measure("read by key, bare endpoint in the API's process", "/bench/bare/parks/haidong");
        rows.Add(new Row("read by key", "`GET /api/v1/parks/{code}`, full stack", Figures(full)));
        rows.Add(new Row("read by key (bare process)", "the same query over plain Npgsql in a separate minimal ASP.NET Core process: no authentication, limiter, MediatR or middleware; runs alternated with the full stack", Figures(bare)));
        rows.Add(new Row("read by key: full/bare", "requests/s ratio (goal ≥ 0.85)", $"**{full.RequestsPerSecond / bare.RequestsPerSecond:0.00}** (each run: {string.Join(", ", fullRuns.Zip(bareRuns, (f, b) => (f.RequestsPerSecond / b.RequestsPerSecond).ToString("0.00", CultureInfo.InvariantCulture)))})"));
        string Each(List<double> values) => string.Join(", ", values.Select(v => v.ToString("0", CultureInfo.InvariantCulture)));
        rows.Add(new Row("read by key: CPU per request", "each process's own CPU time (user + system, /proc) per request answered, median of the runs (each run)", $"full stack **{Load.Median(fullCpu):0} µs** ({Each(fullCpu)}), bare process **{Load.Median(bareCpu):0} µs** ({Each(bareCpu)})"));
        rows.Add(new Row("read by key (bare endpoint, API's process)", "the same query inside the API's pipeline (the earlier floor): what the middleware costs", Figures(inProcess)));

        // The heavier reads run at 8 connections: at 32, requests queue behind each other on 2 cores and the figures
        // measure the queue, not the request.
        const int Heavy = 8;
        var dashboard = await Measure("dashboard", "/api/v1/parks/zhanjiang-hitech-zone/indicators?includeDescendants=true", Heavy);
        rows.Add(new Row("dashboard read", "`GET /api/v1/parks/zhanjiang-hitech-zone/indicators?includeDescendants=true` (the zone and its 99 parks × 200 indicators), 8 connections", Figures(dashboard)));

        // Targets and evaluations: one request alone (the latency of answering it), then 8 at once (under load).
        var scorecardAlone = await Measure("scorecard, 1 connection", "/api/v1/parks/zhanjiang-hitech-zone/scorecard?includeDescendants=true&on=2024-06-30", 1);
        rows.Add(new Row("scorecard, alone", "the zone's scorecard with descendants, 1 connection: one request's latency; goal p50 < 100 ms", Figures(scorecardAlone)));
        var scorecard = await Measure("scorecard", "/api/v1/parks/zhanjiang-hitech-zone/scorecard?includeDescendants=true&on=2024-06-30", Heavy);
        var scorecardBare = await Measure("scorecard, bare", "/bench/bare/scorecard/zhanjiang-hitech-zone", Heavy);
        rows.Add(new Row("scorecard", $"`GET /api/v1/parks/zhanjiang-hitech-zone/scorecard?includeDescendants=true` ({BenchData.Parks * BenchData.TargetIndicators:N0} targets of 100 parks, each judged against its figures), 8 connections", Figures(scorecard)));
        rows.Add(new Row("scorecard (its read alone)", "the same read called directly: no MediatR, validation, status wording or JSON", Figures(scorecardBare)));

        var evaluationAlone = await Measure("evaluation, 1 connection", "/api/v1/evaluations/bench-scheme/results?period=2024", 1);
        rows.Add(new Row("evaluation, alone", $"the {BenchData.SchemeLeaves}-leaf scheme over the zone's 100 parks, 1 connection: one request's latency; goal p50 < 200 ms", Figures(evaluationAlone)));
        var evaluation = await Measure("evaluation", "/api/v1/evaluations/bench-scheme/results?period=2024", Heavy);
        var evaluationBare = await Measure("evaluation, bare", "/bench/bare/evaluations/bench-scheme?period=2024", Heavy);
        rows.Add(new Row("evaluation", $"`GET /api/v1/evaluations/bench-scheme/results?period=2024`: {BenchData.SchemeLeaves} leaves over the zone's 100 parks, 8 connections", Figures(evaluation)));
        rows.Add(new Row("evaluation (reads and scoring alone)", "the same reads and scoring called directly: no MediatR, validation or JSON of the node trees", Figures(evaluationBare)));

        var parks = string.Join(',', Enumerable.Range(1, 20).Select(i => $"bench-park-{i:000}"));
        var series = await Measure("series", $"/api/v1/observations?indicator=bench-indicator-001&park={parks}&from=2015-01&to=2024-12&limit=5000", Heavy);
        rows.Add(new Row("series", "one indicator, 20 parks × 120 months (2,400 rows), 8 connections", Figures(series)));

        foreach (var (label, q) in new[] { ("search, zh 2 characters", "孵化"), ("search, zh 4 characters", "高质量发"), ("search, en word", "incubator") })
        {
            var result = await Measure(label, "/api/v1/policies?q=" + Uri.EscapeDataString(q), Heavy);
            rows.Add(new Row(label, $"`q={q}` over {BenchData.Policies:N0} documents, 8 connections", Figures(result)));
        }
        rows.Add(new Row("search plan", "EXPLAIN of the search SQL", await SearchPlanAsync(db)));

        const string profile = """{"profile":{"parkCode":"haidong-incubator","industry":"marineBiomedicine","qualifications":["incubatingEnterprise"],"rndSpend":120,"headcount":25,"registeredOn":"2022-06-01"},"date":"2024-06-01"}""";
        var match = await Measure("match, first page", "/api/v1/policy-matches?limit=50", Heavy, profile);
        rows.Add(new Row("match, first page", $"a typical profile against {BenchData.Policies * 2:N0} measures in force, ranked, the first 50 explained; 8 connections; goal p50 < 50 ms", Figures(match)));
        var matchAll = await Measure("match, every measure", "/api/v1/policy-matches", 1, profile);
        rows.Add(new Row("match, every measure", $"the same profile, all {BenchData.Policies * 2:N0} measures explained in one answer (no `limit`), 1 connection", Figures(matchAll)));
        // Enterprises and matching (private: the key goes with every request). One connection: one request's latency.
        var eligible = await Measure("eligible enterprises, 1 connection", "/api/v1/policies/bench-policy-00001/measures/measure-1/eligible-enterprises", 1, bearer: benchKey);
        var enterpriseRead = await Measure("enterprise by code, 1 connection", "/api/v1/enterprises/bench-enterprise-00001", 1, bearer: benchKey);
        rows.Add(new Row("eligible enterprises", $"`GET …/measures/measure-1/eligible-enterprises`: one measure judged against {BenchData.Enterprises:N0} enterprises, ranked, first page; 1 connection; goal p50 < 100 ms", Figures(eligible)));
        rows.Add(new Row("eligible enterprises (floor)", "`GET /api/v1/enterprises/{code}`: one enterprise read through the same stack, 1 connection", Figures(enterpriseRead)));
        var (addMeasure, addFloor) = await MatchingWritesAsync(http, "measures");
        rows.Add(new Row("add a measure", $"`POST` a measure to a document in force: the write, then every one of the {BenchData.Enterprises:N0} enterprises judged before and after, its match events written, in the same transaction; median of 5; goal < 2 s", $"{addMeasure:N0} ms"));
        rows.Add(new Row("add a measure (floor)", "the same `POST` to a draft document: the same write, nothing in force to judge", $"{addFloor:N0} ms"));
        var (changeEnterprise, changeFloor) = await MatchingWritesAsync(http, "enterprise");
        rows.Add(new Row("change an enterprise", $"`PUT` an enterprise with a new year's figures: judged against the {BenchData.Policies * 2:N0} measures in force before and after, events written; median of 5; goal < 50 ms", $"{changeEnterprise:N0} ms"));
        rows.Add(new Row("change an enterprise (floor)", "`PUT` of a park's description: a write of the same size through the same stack, no matching", $"{changeFloor:N0} ms"));
        readPeak = memory.Peak;
    }

    Log($"import: writing {options.ImportRows:N0} rows");
    var file = await BenchData.WriteImportFileAsync(db, options.ImportRows);
    var (fresh, importPeak) = await ImportAsync(http, api.Id, file, "fresh");
    var copy = await RawCopyAsync(db, file);
    var (again, againPeak) = await ImportAsync(http, api.Id, file, "re-import");
    double Rate(TimeSpan t) => options.ImportRows / t.TotalSeconds;
    rows.Add(new Row("import, fresh", $"{options.ImportRows:N0} observations via `POST /api/v1/imports/observations`", $"{Rate(fresh):N0} rows/s ({fresh.TotalSeconds:0.0} s), **{Rate(fresh) / Rate(copy):0.00}** of COPY"));
    rows.Add(new Row("import, re-import", "the same file again: every row unchanged", $"{Rate(again):N0} rows/s ({again.TotalSeconds:0.0} s), **{Rate(again) / Rate(copy):0.00}** of COPY"));
    rows.Add(new Row("raw COPY", "the same file by `COPY … (format csv)` into a bare table of the same shape with the same unique key, same run", $"{Rate(copy):N0} rows/s ({copy.TotalSeconds:0.0} s)"));
    rows.Add(new Row("memory", "API peak resident memory: during the imports / under read load", $"{Math.Max(importPeak.Total, againPeak.Total) / 1048576.0:N0} MB / {readPeak.Total / 1048576.0:N0} MB"));
    rows.Add(new Row("memory, its parts", "at each peak: anonymous (GC heap and native), file pages (assemblies and libraries, shared), JIT code (shared memory)", $"imports {(importPeak.Total >= againPeak.Total ? importPeak : againPeak)}; reads {readPeak}"));
    File.Delete(file);

    // Webhooks last: their subscriptions would otherwise take a share of the machine from the cases above.
    const int HookRows = 100_000, Subscriptions = 10;
    var hookFile = await BenchData.WriteImportFileAsync(db, HookRows, firstDay: 3000);
    var hooks = await WebhookBench.RunAsync(http, hookFile, HookRows, Subscriptions, Log);
    File.Delete(hookFile);
    rows.Add(new Row("webhooks", $"{Subscriptions} subscriptions to observation events, a {HookRows:N0}-row import: every event to a receiver on loopback; goal: all within 30 s of the commit",
        $"{hooks.Events:N0} of {(long)HookRows * Subscriptions:N0} events in **{hooks.AllDeliveredAfter.TotalSeconds:0.0} s** after the commit ({hooks.Events / Math.Max(hooks.AllDeliveredAfter.TotalSeconds, 0.001):N0} events/s, {hooks.Messages:N0} messages); lag p50 {hooks.LagP50.TotalSeconds:0.0} s, p99 {hooks.LagP99.TotalSeconds:0.0} s; {hooks.Duplicates:N0} sent twice"));
    rows.Add(new Row("webhooks (floor)", "the same events read instead by each of the 10 subscribers paging `listChanges` (5,000 a page), one after another: what polling costs the API for the same hand-out",
        $"{hooks.PollingFloor.TotalSeconds:0.0} s ({(long)HookRows * Subscriptions / Math.Max(hooks.PollingFloor.TotalSeconds, 0.001):N0} events/s); webhooks deliver at **{hooks.PollingFloor.TotalSeconds / Math.Max(hooks.AllDeliveredAfter.TotalSeconds, 0.001):0.00}** of this rate"));

    // The cluster last, alone on the machine: the single API and its floor stop first.
    api.Kill(entireProcessTree: true);
    bareServer.Kill(entireProcessTree: true);
    // Shorter runs than above (3 s warm-up, 2 × 5 s per side): the whole benchmark stays under 15 minutes.
    var cluster = await ClusterBench.RunAsync(Directory.GetCurrentDirectory(), options.ApiDll,
        options.Quick ? warmUp : TimeSpan.FromSeconds(3), options.Quick ? run : TimeSpan.FromSeconds(5), options.Quick ? 1 : 2, Log);
    rows.Add(new Row("cluster: read by key", "`GET /api/v1/parks/haidong` through HAProxy, 32 connections: to 1 API process / to 3, alternated; reads on the standby",
        $"{Figures(cluster.One)} / {Figures(cluster.Three)}: **{cluster.Three.RequestsPerSecond / cluster.One.RequestsPerSecond:0.00}×**"));
    rows.Add(new Row("cluster: dashboard", "the zone's dashboard (the seed's zone, not the grown one) through HAProxy, 8 connections: to 1 process / to 3",
        $"{Figures(cluster.DashboardOne)} / {Figures(cluster.DashboardThree)}: **{cluster.DashboardThree.RequestsPerSecond / cluster.DashboardOne.RequestsPerSecond:0.00}×**"));
    rows.Add(new Row("cluster: a write, replication", "`PUT` a new figure through HAProxy, one after another, median of 100: asynchronous / synchronous replication (a commit waits for the standby)",
        $"{cluster.WriteAsyncMs:0.0} ms / {cluster.WriteSyncMs:0.0} ms (+{cluster.WriteSyncMs - cluster.WriteAsyncMs:0.0} ms); standby replay lag {cluster.ReplayLagMs:0.0} ms"));

    var report = await ReportAsync(db, rows, options, started.Elapsed);
    Console.WriteLine(report);
    Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
    await File.WriteAllTextAsync(options.Output, await MergeWithNotesAsync(options.Output, report));
    Log($"written to {options.Output}");
}
finally
{
    api.Kill(entireProcessTree: true);
    bareServer.Kill(entireProcessTree: true);
}

// Five timed writes of a matching case and five of its floor; the median of each, in milliseconds. A first write of
// each kind warms the API and its caches, and is not counted.
async Task<(double Case, double Floor)> MatchingWritesAsync(HttpClient http, string kind)
{
    Log($"matching writes: {kind}");
    async Task<double> Timed(Func<int, Task<HttpResponseMessage>> send)
    {
        var times = new List<double>();
        for (var i = 0; i <= 5; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await send(i);
            clock.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{kind} write failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    async Task<HttpResponseMessage> Send(HttpMethod method, string path, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await http.SendAsync(request);
    }

    async Task<string> ETagOf(string path) => (await http.GetAsync(path)).Headers.ETag!.Tag;

    if (kind == "measures")
    {
        await Send(HttpMethod.Post, "/api/v1/policies", """{"id":"bench-draft","titles":{"zh":"基准草案","en":"Bench draft"},"bodies":{"zh":""},"role":"supporting","illustrative":true}""");
        string Measure(int i, string prefix) =>
            "{\"code\":\"" + prefix + "-" + i + "\",\"kind\":\"reward\",\"amount\":10,\"titles\":{\"zh\":\"基准新措施\",\"en\":\"Bench new measure\"},"
            + "\"conditions\":{\"industries\":[\"marineBiomedicine\"],\"qualifications\":[\"highTechEnterprise\"],\"minRndSpend\":" + (100 + i) + "}}";
        var added = await Timed(i => Send(HttpMethod.Post, "/api/v1/policies/bench-policy-00002/measures", Measure(i, "bench-new")));
        var floor = await Timed(i => Send(HttpMethod.Post, "/api/v1/policies/bench-draft/measures", Measure(i, "bench-draft")));
        return (added, floor);
    }
    var changed = await Timed(async i =>
    {
        var path = "/api/v1/enterprises/bench-enterprise-00042";
        var current = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(path))!.AsObject();
        current["figures"] = System.Text.Json.Nodes.JsonNode.Parse($$"""[{"year":2024,"rndSpend":{{90 + i * 10}},"headcount":{{20 + i}}}]""");
        return await Send(HttpMethod.Put, path, current.ToJsonString(), await ETagOf(path));
    });
    var parkFloor = await Timed(async i =>
    {
        var path = "/api/v1/parks/bench-park-042";
        var current = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(path))!.AsObject();
        current["descriptions"] = System.Text.Json.Nodes.JsonNode.Parse($$"""{"zh":"基准园区 {{i}}","en":"Bench park {{i}}"}""");
        return await Send(HttpMethod.Put, path, current.ToJsonString(), await ETagOf(path));
    });
    return (changed, parkFloor);
}

static string Figures(LoadResult r) =>
    $"{r.RequestsPerSecond:N0} req/s, p50 {r.P50Ms:0.00} ms, p99 {r.P99Ms:0.00} ms" + (r.Errors > 0 ? $", **{r.Errors} failed or timed out**" : "");

async Task<(TimeSpan Elapsed, Resident Peak)> ImportAsync(HttpClient http, int pid, string file, string label)
{
    Log($"import: {label}");
    await using var memory = new MemorySampler(pid).Start();
    await using var stream = File.OpenRead(file);
    var content = new StreamContent(stream, 1 << 16);
    content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
    var clock = Stopwatch.StartNew();
    using var response = await http.PostAsync("/api/v1/imports/observations", content);
    clock.Stop();
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"import {label} failed: {(int)response.StatusCode} {body[..Math.Min(500, body.Length)]}");
    }
    using var report = JsonDocument.Parse(body);
    Log($"  {report.RootElement.GetProperty("created").GetInt32():N0} created, {report.RootElement.GetProperty("unchanged").GetInt32():N0} unchanged in {clock.Elapsed.TotalSeconds:0.0} s");
    return (clock.Elapsed, memory.Peak);
}

async Task<TimeSpan> RawCopyAsync(NpgsqlDataSource db, string file)
{
    Log("raw COPY of the same file");
    await using var connection = await db.OpenConnectionAsync();
    await connection.ExecuteAsync("""
        drop table if exists bench_copy;
        create table bench_copy (indicator_code text, park_code text, period text, breakdown_member text, value numeric, as_of date, source text, note text);
        create unique index on bench_copy (indicator_code, park_code, period, breakdown_member);
        """);
    var clock = Stopwatch.StartNew();
    await using (var writer = await connection.BeginTextImportAsync("copy bench_copy from stdin (format csv, header)"))
    using (var source = new StreamReader(file, Encoding.UTF8))
    {
        var buffer = new char[1 << 16];
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            await writer.WriteAsync(buffer, 0, read);
        }
    }
    clock.Stop();
    return clock.Elapsed;
}

static async Task<string> SearchPlanAsync(NpgsqlDataSource db)
{
    await using var connection = await db.OpenConnectionAsync();
    await using var command = new NpgsqlCommand { Connection = connection };
    // The handler's own SQL, with its parameters written in as literals for a bare EXPLAIN.
    var sql = ListPoliciesHandler.Sql;
    foreach (var (name, value) in new (string, object?)[] { ("Q", "孵化"), ("Day", new DateOnly(2024, 6, 1)), ("Role", null), ("Status", null), ("Issuer", null), ("Category", null), ("Industry", null), ("ParkIds", null) })
    {
        sql = sql.Replace("@" + name, value switch
        {
            null => "null",
            DateOnly d => $"date '{d:yyyy-MM-dd}'",
            _ => $"'{value}'",
        }, StringComparison.Ordinal);
    }
    command.CommandText = "explain " + sql;
    var plan = new StringBuilder();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        plan.AppendLine(reader.GetString(0));
    }
    return plan.ToString().Contains("policies_search_idx", StringComparison.Ordinal)
        ? "uses the GIN index `policies_search_idx` (Bitmap Index Scan)"
        : "**does not use the index**";
}

async Task<string> ReportAsync(NpgsqlDataSource db, List<Row> rows, Options options, TimeSpan elapsed)
{
    await using var connection = await db.OpenConnectionAsync();
    var postgres = (await connection.QueryListAsync<string>("show server_version")).Single();
    var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
    var memory = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0;
    var wrk = (await Processes.RunAsync("wrk", "--version").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "wrk")).Split('\n')[0];
    var text = new StringBuilder();
    text.AppendLine("## Last run");
    text.AppendLine();
    text.AppendLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores ({cpu}) · {memory:0} GiB · .NET {Environment.Version} · PostgreSQL {postgres} · {wrk.Trim()} · {(options.Quick ? "quick run (1 short run per case)" : "5 s warm-up, median of 3 × 8 s runs")}, 32 connections · data: {BenchData.Parks} parks, {BenchData.Indicators} indicators, {BenchData.SeriesIndicators * BenchData.Parks * BenchData.Months:N0} observations, {BenchData.Policies:N0} policies with {BenchData.Policies * 2:N0} measures · took {elapsed:mm\\:ss}");
    text.AppendLine();
    text.AppendLine("| case | what | figures |");
    text.AppendLine("| --- | --- | --- |");
    foreach (var row in rows)
    {
        text.AppendLine($"| {row.Case} | {row.What} | {row.Figures} |");
    }
    return text.ToString();
}

// docs/BENCHMARKS.md keeps its hand-written notes (above the "## Last run" heading); only the table is replaced.
static async Task<string> MergeWithNotesAsync(string path, string report)
{
    var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Benchmarks\n\n";
    var cut = existing.IndexOf("## Last run", StringComparison.Ordinal);
    return (cut >= 0 ? existing[..cut] : existing + "\n") + report;
}

Process StartApi(Options options, string connectionString, string url)
{
    var start = new ProcessStartInfo("dotnet", $"\"{options.ApiDll}\" --urls {url}")
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        WorkingDirectory = Path.GetDirectoryName(options.ApiDll)!,
    };
    start.Environment["GAOXIN_DB"] = connectionString;
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["Bench__BareEndpoints"] = "true";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Spa__Root"] = "/nonexistent";
    start.Environment["Imports__MaxBodyBytes"] = (4L << 30).ToString(CultureInfo.InvariantCulture);
    start.Environment["Auth__KeyPepper"] = "pepper-for-the-benchmark";
    start.Environment["RateLimits__PermitsPerMinute"] = "0"; // the load generator is one client: measure the API, not the limiter
    start.Environment["RateLimits__AnonymousPermitsPerMinute"] = "0";
    start.Environment["Webhooks__AllowedNetworks__0"] = "127.0.0.1/32"; // the webhook case's receiver
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, e) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("[api] " + e.Data); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

// The floor's process: this program again, in its bare-server mode.
static Process StartBareServer(string connectionString, string url)
{
    var self = typeof(Row).Assembly.Location;
    var start = new ProcessStartInfo("dotnet", $"\"{self}\" bare-server {url} \"{connectionString}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
    // The API's GC settings (api/Gaoxin.Api.csproj), so the two differ in the pipeline only.
    start.Environment["DOTNET_gcServer"] = "0";
    start.Environment["DOTNET_GCConserveMemory"] = "5";
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("[bare] " + e.Data); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task<string> CreateImportKeyAsync(Options options, string connectionString)
{
    // Admin: the bench imports, writes measures and enterprises, and reads the private registry.
    var start = new ProcessStartInfo("dotnet", $"\"{options.ApiDll}\" apikey create bench-admin admin") { RedirectStandardOutput = true, RedirectStandardError = true };
    start.Environment["GAOXIN_DB"] = connectionString;
    start.Environment["Auth__KeyPepper"] = "pepper-for-the-benchmark";
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return output.Trim().Split('\n').Last().Trim();
}

static async Task WaitForApiAsync(HttpClient http)
{
    for (var attempt = 0; attempt < 120; attempt++)
    {
        try
        {
            if ((await http.GetAsync("/api/v1/parks/tree")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(500);
    }
    throw new TimeoutException("The API did not start within a minute.");
}

internal sealed record Row(string Case, string What, string Figures);

internal sealed record Options(string ApiDll, string AdminConnection, int Port, string Output, bool Quick, int ImportRows)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        return new Options(
            Path.GetFullPath(Value("--api", "api/bin/Release/net10.0/Gaoxin.Api.dll")),
            Value("--admin", "Host=127.0.0.1;Port=55432;Username=gaoxin;Database=postgres"),
            int.Parse(Value("--port", "5090"), CultureInfo.InvariantCulture),
            Path.GetFullPath(Value("--out", "docs/BENCHMARKS.md")),
            args.Contains("--quick"),
            int.Parse(Value("--import-rows", "1000000"), CultureInfo.InvariantCulture));
    }
}
