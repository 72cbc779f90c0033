using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Gaoxin.Bench;

/// <summary>
/// Grows the seeded database to the benchmark's size: 100 parks, 200 indicators, 1,000,000 observations, 10,000
/// policy documents with two measures each. All generated data is named "bench-…" and lives only in the bench database.
/// </summary>
public static class BenchData
{
    public const int Parks = 100, Indicators = 200, Months = 120, SeriesIndicators = 84, Policies = 10_000;
    public static readonly DateOnly FirstMonth = new(2015, 1, 1);

    private static readonly string[] Phrases =
    [
        "高质量发展", "科技企业孵化", "研发投入补助", "人才引进", "海洋装备制造", "海洋生物医药", "海洋电子信息", "产业链强链补链",
        "土地集约利用", "科技金融贴息", "创新平台建设", "成果转化奖励", "众创空间认定", "园区基础设施", "招商引资", "专精特新企业",
    ];

    // Filler: common characters and made-up words, so that a search term hits some documents, not all of them.
    private const string Common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主年动同工也能下过子说种面而方后多定行学法所民得经十三之进着等部度家电力里如水自二理起小物现实加都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重内数正心反你明看原又么利比或但气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区放决西被干做必战先回则任取据处世车";

    private static readonly string[] Words =
    [
        "incubator", "research", "talent", "subsidy", "marine", "equipment", "biomedicine", "electronics", "finance", "land",
        "innovation", "platform", "reward", "enterprise", "industry", "quality",
    ];

    public const int TargetIndicators = 10, SchemeLeaves = 40;

    /// <summary>The registry the matching cases run on.</summary>
    public const int Enterprises = 50_000;

    /// <summary>
    /// 50,000 enterprises spread over the bench parks, industries and qualifications, with a year's figures, written as
    /// the API stores them (content and its columns), so the matching cases judge a registry of a province's size.
    /// </summary>
    public static async Task GrowEnterprisesAsync(NpgsqlDataSource db, Action<string> log)
    {
        await using var connection = await db.OpenConnectionAsync();
        log($"{Enterprises:N0} enterprises");
        var parks = (await connection.QueryListAsync<string>("select id || ' ' || code from parks where kind <> 'zone' order by code"))
            .Select(p => p.Split(' ')).Select(p => (Id: long.Parse(p[0], CultureInfo.InvariantCulture), Code: p[1])).ToList();
        string[] industries = ["marineEquipmentManufacturing", "marineBiomedicine", "marineElectronicInformation", "other"];
        string[] qualifications = ["highTechEnterprise", "techSme", "incubatingEnterprise", "specialisedSme"];
        var random = new Random(20261127);
        var now = DateTime.UtcNow;
        await using var copy = await connection.BeginBinaryImportAsync(
            "copy enterprises (code, name_zh, name_en, park_id, industries, qualifications, content, illustrative, recorded_at, recorded_by) from stdin (format binary)");
        for (var n = 1; n <= Enterprises; n++)
        {
            var park = parks[random.Next(parks.Count)];
            var industry = industries[random.Next(industries.Length)];
            var held = qualifications.Where(_ => random.NextDouble() < 0.3).ToArray();
            var registered = new DateOnly(2010 + random.Next(14), 1 + random.Next(12), 1 + random.Next(28));
            var content = System.Text.Json.JsonSerializer.Serialize(new
            {
                names = new { zh = $"基准企业{n}", en = $"Bench enterprise {n}" },
                registeredOn = registered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                industries = new[] { industry },
                qualifications = held.Select(q => new { kind = q, from = registered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).ToArray(),
                figures = random.NextDouble() < 0.9 ? new[] { new { year = 2023, rndSpend = random.Next(0, 600), headcount = random.Next(5, 500) } } : [],
                parks = new[] { new { parkCode = park.Code } },
                illustrative = true,
            });
            await copy.StartRowAsync();
            await copy.WriteAsync($"bench-enterprise-{n:00000}", NpgsqlDbType.Text);
            await copy.WriteAsync($"基准企业{n}", NpgsqlDbType.Text);
            await copy.WriteAsync($"Bench enterprise {n}", NpgsqlDbType.Text);
            await copy.WriteAsync(park.Id, NpgsqlDbType.Bigint);
            await copy.WriteAsync(new[] { industry }, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copy.WriteAsync(held, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copy.WriteAsync(content, NpgsqlDbType.Jsonb);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync("bench", NpgsqlDbType.Text);
        }
        await copy.CompleteAsync();
    }

    /// <summary>
    /// Targets for 2024 on every park × the first ten series indicators (1,000), and a scheme of 40 leaves in four
    /// dimensions over the first 40 series indicators: what the scorecard and the evaluation cases read.
    /// </summary>
    public static async Task GrowTargetsAndSchemeAsync(NpgsqlDataSource db, Action<string> log)
    {
        await using var connection = await db.OpenConnectionAsync();
        log($"{Parks * TargetIndicators:N0} targets and a scheme of {SchemeLeaves} leaves");
        await connection.ExecuteAsync($"""
            insert into targets (code, indicator_id, park_id, period, period_start, period_end, direction, value, due_on,
                                 baseline_value, baseline_on, illustrative, recorded_at, recorded_by)
            select i.code || '/' || p.code || '/2024', i.id, p.id, '2024', date '2024-01-01', date '2024-12-31', 'atLeast', 400,
                   date '2024-12-31', 100, date '2024-01-01', true, now(), 'bench'
            from (select id, code from indicators where code like 'bench-indicator-%' order by code limit {TargetIndicators}) i
            cross join parks p where p.kind <> 'zone';
            """);
        var dimensions = Enumerable.Range(1, 4).Select(d => new
        {
            code = $"dimension-{d}", names = new { zh = $"维度{d}", en = $"Dimension {d}" }, weight = 25m,
            children = Enumerable.Range(1, SchemeLeaves / 4).Select(l => (d - 1) * (SchemeLeaves / 4) + l).Select(n => new
            {
                code = $"leaf-{n:000}", names = new { zh = $"指标项{n}", en = $"Leaf {n}" }, weight = 2.5m,
                leaf = new { kind = "indicator", indicatorCode = $"bench-indicator-{n:000}", direction = n % 5 == 0 ? "lowerIsBetter" : "higherIsBetter",
                    normalisation = (n % 3) switch { 0 => "minMax", 1 => "shareOfBest", _ => "rank" } },
            }).ToArray(),
        }).ToArray();
        var content = System.Text.Json.JsonSerializer.Serialize(new
        {
            names = new { zh = "基准评价体系", en = "Bench scheme" }, descriptions = new { zh = "", en = "" }, missingInputs = "reweight",
            root = new { code = "total", names = new { zh = "总分", en = "Total" }, weight = 100m, children = dimensions }, illustrative = true,
        });
        await connection.ExecuteAsync($"""
            with scheme as (insert into evaluation_schemes (code, name_zh, name_en) values ('bench-scheme', '基准评价体系', 'Bench scheme') returning id)
            insert into evaluation_scheme_versions (scheme_id, version, content, recorded_at, recorded_by)
            select id, 1, '{content.Replace("'", "''")}'::jsonb, now(), 'bench' from scheme;
            """);
    }

    public static async Task GrowAsync(NpgsqlDataSource db, Action<string> log)
    {
        await using var connection = await db.OpenConnectionAsync();
        log("parks and indicators");
        await connection.ExecuteAsync($"""
            insert into parks (code, kind, parent_id, name_zh, name_en, description_zh, description_en, status)
            select 'bench-park-' || lpad(i::text, 3, '0'), 'park', (select id from parks where code = 'zhanjiang-hitech-zone'),
                   '基准园区' || i, 'Bench park ' || i, '基准测试生成的数据。', 'Generated for the benchmark.', 'operating'
            from generate_series(1, {Parks} - (select count(*) from parks)) as i;

            insert into indicators (code, name_zh, name_en, category, unit, value_kind, aggregation)
            select 'bench-indicator-' || lpad(i::text, 3, '0'), '基准指标' || i, 'Bench indicator ' || i, 'industry', 'count', 'count', 'sum'
            from generate_series(1, {Indicators} - (select count(*) from indicators)) as i;
            """);

        log($"{SeriesIndicators * Parks * Months:N0} observations by COPY");
        var parks = (await connection.QueryListAsync<long>("select id from parks order by id")).ToArray();
        var indicators = (await connection.QueryListAsync<long>("select id from indicators where code like 'bench-%' order by code")).Take(SeriesIndicators).ToArray();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy observations (indicator_id, park_id, period, period_start, period_end, value, as_of, version, recorded_at, recorded_by) from stdin (format binary)"))
        {
            var now = DateTime.UtcNow;
            foreach (var indicator in indicators)
            {
                foreach (var park in parks)
                {
                    for (var m = 0; m < Months; m++)
                    {
                        var start = FirstMonth.AddMonths(m);
                        await copy.StartRowAsync();
                        await copy.WriteAsync(indicator, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(park, NpgsqlDbType.Bigint);
                        await copy.WriteAsync(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                        await copy.WriteAsync(start, NpgsqlDbType.Date);
                        await copy.WriteAsync(start.AddMonths(1).AddDays(-1), NpgsqlDbType.Date);
                        await copy.WriteAsync((decimal)((indicator * 31 + park * 7 + m) % 500), NpgsqlDbType.Numeric);
                        await copy.WriteAsync(start.AddMonths(1).AddDays(-1), NpgsqlDbType.Date);
                        await copy.WriteAsync(1, NpgsqlDbType.Integer);
                        await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync("bench", NpgsqlDbType.Text);
                    }
                }
            }
            await copy.CompleteAsync();
        }

        log($"{Policies:N0} policy documents with measures (search index rebuilt once at the end, as a bulk load would)");
        await connection.ExecuteAsync("drop index policies_search_idx");
        var random = new Random(20230331);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy policies (code, title_zh, title_en, summary_zh, summary_en, body_zh, body_en, role, categories, issued_on, effective_from, illustrative) from stdin (format binary)"))
        {
            for (var i = 1; i <= Policies; i++)
            {
                // Filler text with, now and then, one of the phrases people search for: each phrase lands in roughly
                // one document in six, as a topic would in a real catalogue.
                string Zh(int length, double phraseChance) =>
                    new string(Enumerable.Range(0, length).Select(_ => Common[random.Next(Common.Length)]).ToArray())
                    + (random.NextDouble() < phraseChance ? Phrases[random.Next(Phrases.Length)] : "") + "。";
                string En(int count, double wordChance) => string.Join(' ', Enumerable.Range(0, count).Select(_ =>
                    random.NextDouble() < wordChance ? Words[random.Next(Words.Length)] : "w" + random.Next(5000).ToString(CultureInfo.InvariantCulture)));
                await copy.StartRowAsync();
                await copy.WriteAsync($"bench-policy-{i:00000}", NpgsqlDbType.Text);
                await copy.WriteAsync($"基准政策{i}：{Zh(8, 0.3)}", NpgsqlDbType.Text);
                await copy.WriteAsync($"Bench policy {i}: {En(6, 0.1)}", NpgsqlDbType.Text);
                await copy.WriteAsync(Zh(60, 0.5), NpgsqlDbType.Text);
                await copy.WriteAsync(En(30, 0.05), NpgsqlDbType.Text);
                await copy.WriteAsync(Zh(300, 0.5) + Zh(300, 0.5), NpgsqlDbType.Text);
                await copy.WriteAsync(En(150, 0.01), NpgsqlDbType.Text);
                await copy.WriteAsync("supporting", NpgsqlDbType.Text);
                await copy.WriteAsync(new[] { "rnd" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(new DateOnly(2023, 1, 1).AddDays(i % 365), NpgsqlDbType.Date);
                await copy.WriteAsync(new DateOnly(2023, 1, 1).AddDays(i % 365), NpgsqlDbType.Date);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            }
            await copy.CompleteAsync();
        }
        // Two measures a document, with conditions spread over parks, industries, qualifications and sizes, so that a
        // typical enterprise meets some and not others.
        var policyIds = await connection.QueryListAsync<long>("select id from policies where code like 'bench-policy-%' order by id");
        var parkCodes = await connection.QueryListAsync<string>("select code from parks order by code");
        string[] industries = ["marineEquipmentManufacturing", "marineBiomedicine", "marineElectronicInformation", "other"];
        string[] qualifications = ["highTechEnterprise", "techSme", "incubatingEnterprise", "specialisedSme"];
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy support_measures (policy_id, code, position, kind, title_zh, title_en, description_zh, description_en, amount, cap, conditions) from stdin (format binary)"))
        {
            foreach (var policyId in policyIds)
            {
                for (var n = 1; n <= 2; n++)
                {
                    var conditions = new List<string>();
                    if (random.NextDouble() < 0.5) conditions.Add($"\"parks\": [\"{parkCodes[random.Next(parkCodes.Count)]}\"]");
                    if (random.NextDouble() < 0.6) conditions.Add($"\"industries\": [\"{industries[random.Next(industries.Length)]}\"]");
                    if (random.NextDouble() < 0.5) conditions.Add($"\"qualifications\": [\"{qualifications[random.Next(qualifications.Length)]}\"]");
                    if (random.NextDouble() < 0.4) conditions.Add($"\"minRndSpend\": {random.Next(0, 500)}");
                    if (random.NextDouble() < 0.3) conditions.Add($"\"maxYearsRegistered\": {random.Next(1, 10)}");
                    await copy.StartRowAsync();
                    await copy.WriteAsync(policyId, NpgsqlDbType.Bigint);
                    await copy.WriteAsync($"measure-{n}", NpgsqlDbType.Text);
                    await copy.WriteAsync(n, NpgsqlDbType.Integer);
                    await copy.WriteAsync(n == 1 ? "subsidy" : "reward", NpgsqlDbType.Text);
                    await copy.WriteAsync($"补助{n}", NpgsqlDbType.Text);
                    await copy.WriteAsync($"Subsidy {n}", NpgsqlDbType.Text);
                    await copy.WriteAsync("基准测试生成。", NpgsqlDbType.Text);
                    await copy.WriteAsync("Generated for the benchmark.", NpgsqlDbType.Text);
                    if (n == 1) await copy.WriteAsync((decimal)random.Next(5, 100), NpgsqlDbType.Numeric); else await copy.WriteNullAsync();
                    await copy.WriteAsync((decimal)random.Next(50, 300), NpgsqlDbType.Numeric);
                    await copy.WriteAsync("{" + string.Join(", ", conditions) + "}", NpgsqlDbType.Jsonb);
                }
            }
            await copy.CompleteAsync();
        }
        await connection.ExecuteAsync("""
            insert into policy_relations (from_policy_id, to_policy_id, kind)
            select p.id, (select id from policies where code = 'high-quality-development-opinions'), 'implements'
            from policies p where p.code like 'bench-policy-%';
            create index policies_search_idx on policies using gin (search) with (fastupdate = off);
            analyze;
            """);
    }

    /// <summary>One million new observation rows as an import file: indicators beyond the series ones, every park, monthly.</summary>
    /// <param name="firstDay">Days after 2000-01-01 the file's periods start: another file starting later holds only new figures.</param>
    public static async Task<string> WriteImportFileAsync(NpgsqlDataSource db, int rows, int firstDay = 0)
    {
        await using var connection = await db.OpenConnectionAsync();
        var parks = await connection.QueryListAsync<string>("select code from parks order by code");
        var indicators = (await connection.QueryListAsync<string>("select code from indicators where code like 'bench-%' order by code")).Skip(SeriesIndicators).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"gaoxin-bench-import-{rows}-{firstDay}.csv");
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteLineAsync("indicator_code,park_code,period,breakdown_member,value,as_of,source,note");
        var written = 0;
        for (var day = firstDay; written < rows; day++)
        {
            var date = new DateOnly(2000, 1, 1).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var indicator in indicators)
            {
                foreach (var park in parks)
                {
                    await writer.WriteLineAsync($"{indicator},{park},{date},,{(written * 13) % 1000},{date},,");
                    if (++written == rows)
                    {
                        return path;
                    }
                }
            }
        }
        return path;
    }

    public static async Task ExecuteAsync(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<T>> QueryListAsync<T>(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetFieldValue<T>(0));
        }
        return list;
    }
}
