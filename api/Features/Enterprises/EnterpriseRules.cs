using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Enterprises;

namespace Gaoxin.Api.Features.Enterprises;

/// <summary>The rules an enterprise's facts must keep with each other. Pure: unit-tested without a database.</summary>
public static class EnterpriseRules
{
    /// <summary>
    /// The park history a write leads to: the same park as now corrects the date it entered; another park is a move,
    /// appended; no park keeps what is known (a recorded park is never forgotten: record the move instead).
    /// </summary>
    public static IReadOnlyList<StoredStay> NextStays(IReadOnlyList<StoredStay> stays, string? parkCode, DateOnly? since)
    {
        if (parkCode is null)
        {
            return stays;
        }
        if (stays.Count > 0 && stays[^1].ParkCode == parkCode)
        {
            return [.. stays.Take(stays.Count - 1), stays[^1] with { Since = since }];
        }
        return [.. stays, new StoredStay(parkCode, since)];
    }

    /// <summary>Every contradiction between the facts, by field (empty when there is none).</summary>
    public static Dictionary<string, string[]> Contradictions(EnterpriseFields fields, IReadOnlyList<StoredStay> previousStays)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, Text message) => errors[field] = [Lang.Pick(message)];

        var registered = fields.RegisteredOn;
        for (var i = 0; i < fields.Qualifications.Count; i++)
        {
            var q = fields.Qualifications[i];
            if (q is { From: { } from, Until: { } until } && until < from)
            {
                Add($"qualifications[{i}].until", new($"结束日期 {until:yyyy-MM-dd} 早于开始日期 {from:yyyy-MM-dd}（如毕业早于入孵）。",
                    $"It ends ({until:yyyy-MM-dd}) before it began ({from:yyyy-MM-dd}), like a graduation before the incubation."));
            }
            else if (q.From is { } start && registered is { } r && start < r)
            {
                Add($"qualifications[{i}].from", new($"取得日期 {start:yyyy-MM-dd} 早于企业成立日期 {r:yyyy-MM-dd}。",
                    $"It began ({start:yyyy-MM-dd}) before the enterprise was registered ({r:yyyy-MM-dd})."));
            }
        }
        // The same qualification twice at once is two records of one fact that disagree.
        foreach (var group in fields.Qualifications.Select((q, i) => (q, i)).GroupBy(x => x.q.Kind))
        {
            var spans = group.OrderBy(x => x.q.From ?? DateOnly.MinValue).ToList();
            for (var k = 1; k < spans.Count; k++)
            {
                var before = spans[k - 1].q;
                if (before.Until is null || (spans[k].q.From ?? DateOnly.MinValue) < before.Until)
                {
                    Add($"qualifications[{spans[k].i}]", new("与同一资质的另一条记录时间重叠。", "It overlaps another record of the same qualification."));
                }
            }
        }

        for (var i = 0; i < fields.Figures.Count; i++)
        {
            if (registered is { } r && fields.Figures[i].Year < r.Year)
            {
                Add($"figures[{i}].year", new($"{fields.Figures[i].Year} 年早于企业成立（{r:yyyy-MM-dd}）。",
                    $"{fields.Figures[i].Year} is before the enterprise was registered ({r:yyyy-MM-dd})."));
            }
        }

        if (fields.ParkCode is null && previousStays.Count > 0)
        {
            Add("parkCode", new($"已记录企业位于“{previousStays[^1].ParkCode}”，不能清空；迁往别处请写新的园区及日期。",
                $"The enterprise is recorded in '{previousStays[^1].ParkCode}'; that cannot be unset. Record a move with the new park and its date."));
        }
        else if (fields.InParkSince is { } since)
        {
            var earlier = previousStays.Count > 0 && previousStays[^1].ParkCode == fields.ParkCode ? previousStays.Take(previousStays.Count - 1) : previousStays;
            if (earlier.LastOrDefault(s => s.Since is not null) is { Since: { } previous } stay && since <= previous)
            {
                Add("inParkSince", new($"迁入日期须晚于迁入上一个园区“{stay.ParkCode}”的日期 {previous:yyyy-MM-dd}。",
                    $"A move must come after the previous one (into '{stay.ParkCode}' on {previous:yyyy-MM-dd})."));
            }
            else if (registered is { } r && since < r)
            {
                Add("inParkSince", new($"入园日期早于企业成立日期 {r:yyyy-MM-dd}。", $"It entered the park before it was registered ({r:yyyy-MM-dd})."));
            }
        }
        return errors;
    }

    /// <summary>The qualifications held on a day, each with the day it began (null: not known).</summary>
    public static Dictionary<Contracts.Policies.Qualification, DateOnly?> HeldOn(IEnumerable<QualificationHeld> qualifications, DateOnly day)
    {
        var held = new Dictionary<Contracts.Policies.Qualification, DateOnly?>();
        foreach (var q in qualifications)
        {
            if ((q.From is null || q.From <= day) && (q.Until is null || q.Until > day))
            {
                held[q.Kind] = q.From;
            }
        }
        return held;
    }

    /// <summary>The park an enterprise was in on a day: the last stay begun by then (a stay of unknown start counts from always).</summary>
    public static StoredStay? StayOn(IReadOnlyList<StoredStay> stays, DateOnly day) => stays.LastOrDefault(s => s.Since is null || s.Since <= day);
}
