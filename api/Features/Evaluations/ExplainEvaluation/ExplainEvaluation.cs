using Gaoxin.Api.Infrastructure.Database;
using System.Globalization;
using FluentValidation;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Evaluations;
using MediatR;

namespace Gaoxin.Api.Features.Evaluations.ExplainEvaluation;

public sealed record ExplainEvaluationQuery(string Scheme, string Park, string Period, string? ComparePeriod, IReadOnlyList<string> Parks, DateTimeOffset? AsOf, int? Version)
    : IQuery<ExplainDto>;

public sealed class ExplainEvaluationValidator : AbstractValidator<ExplainEvaluationQuery>
{
    public ExplainEvaluationValidator()
    {
        RuleFor(q => q.Scheme).NotEmpty().MustBeCode();
        RuleFor(q => q.Park).NotEmpty().MustBeCode();
        RuleFor(q => q.Period).NotEmpty().MustBePeriod();
        RuleFor(q => q.ComparePeriod).MustBePeriod();
        RuleFor(q => q.Parks.Count).LessThanOrEqualTo(GetEvaluationResults.GetEvaluationResultsQuery.MaxParks).OverridePropertyName("parks");
        RuleForEach(q => q.Parks).MustBeCode().OverridePropertyName("parks");
    }
}

/// <summary>
/// One park's score, node by node, in words and numbers; with a second period, the same for it and the leaves that
/// moved the score most, so an official can answer "why did we drop two places?".
/// </summary>
public sealed class ExplainEvaluationHandler(ReadDatabase db) : IRequestHandler<ExplainEvaluationQuery, ExplainDto>
{
    public async Task<ExplainDto> Handle(ExplainEvaluationQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var scheme = await EvaluationReads.SchemeAsync(connection, query.Scheme, query.Version, query.AsOf, cancellationToken);
        var parks = query.Parks.Count == 0 || query.Parks.Contains(query.Park) ? query.Parks : [.. query.Parks, query.Park];
        var now = await EvaluationReads.EvaluateAsync(connection, scheme, query.Period, parks, query.AsOf, cancellationToken);
        if (now.Parks.All(p => p.ParkCode != query.Park))
        {
            // A park below the zone's own parks (an incubator, say) is compared with them: add it, as a named list would.
            parks = [.. now.Parks.Select(p => p.ParkCode), query.Park];
            now = await EvaluationReads.EvaluateAsync(connection, scheme, query.Period, parks, query.AsOf, cancellationToken);
        }
        var result = now.Parks.Single(p => p.ParkCode == query.Park);
        ParkResultDto? compared = null;
        if (query.ComparePeriod is { } other)
        {
            var then = await EvaluationReads.EvaluateAsync(connection, scheme, other, parks, query.AsOf, cancellationToken);
            compared = then.Parks.First(p => p.ParkCode == query.Park);
        }

        var before = compared is null ? new Dictionary<string, NodeScoreDto>() : Flatten(compared.Root, 0).ToDictionary(n => n.Node.Code, n => n.Node);
        var lines = Flatten(result.Root, 0).Select(n => Line(n.Node, n.Depth, before.GetValueOrDefault(n.Node.Code), compared is null ? null : query.ComparePeriod)).ToList();
        var leaves = Flatten(result.Root, 0).Where(n => n.Node.Children is null).Select(n => n.Node.Code).ToHashSet(StringComparer.Ordinal);
        var movers = lines.Where(l => l.ComparedContribution is not null && leaves.Contains(l.Code) && l.Contribution != l.ComparedContribution)
            .OrderByDescending(l => Math.Abs(l.Contribution - l.ComparedContribution!.Value)).ThenBy(l => l.Code, StringComparer.Ordinal).Take(5).ToList();
        return new ExplainDto { Result = result, Compared = compared, ComparedPeriod = compared is null ? null : Period(query.ComparePeriod!), Lines = lines, Movers = movers };
    }

    private static string Period(string text) => Observations.Period.TryParse(text, out var period) ? period.Canonical : text;

    private static IEnumerable<(NodeScoreDto Node, int Depth)> Flatten(NodeScoreDto node, int depth) =>
        [(node, depth), .. (node.Children ?? []).SelectMany(child => Flatten(child, depth + 1))];

    private static ExplainLineDto Line(NodeScoreDto node, int depth, NodeScoreDto? before, string? comparePeriod)
    {
        static string N(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
        var text = node switch
        {
            { Missing: true, Children: null } => new Text($"{node.Name}：缺失，按评价体系的规则处理（权重 {N(node.Weight)}，计 {N(node.Contribution)} 分）。",
                $"{node.Name}: missing, treated as the scheme says (weight {N(node.Weight)}, {N(node.Contribution)} points)."),
            { Children: null } => new Text($"{node.Name}：数值 {N(node.Value ?? 0)}，得分率 {N((node.Normalised ?? 0) * 100)}%，得 {N(node.Contribution)} 分（权重 {N(node.EffectiveWeight)}）。",
                $"{node.Name}: value {N(node.Value ?? 0)}, {N((node.Normalised ?? 0) * 100)}% of its weight, {N(node.Contribution)} points (weight {N(node.EffectiveWeight)})."),
            _ => new Text($"{node.Name}：得 {N(node.Contribution)} 分，满分 {N(node.EffectiveWeight)}。", $"{node.Name}: {N(node.Contribution)} of {N(node.EffectiveWeight)} points."),
        };
        if (before is not null)
        {
            var change = node.Contribution - before.Contribution;
            text = new Text(text.Zh + (change == 0 ? $"与 {comparePeriod} 相同。" : $"较 {comparePeriod}{(change > 0 ? "上升" : "下降")} {N(Math.Abs(change))} 分。"),
                text.En + (change == 0 ? $" Same as in {comparePeriod}." : $" {(change > 0 ? "Up" : "Down")} {N(Math.Abs(change))} points on {comparePeriod}."));
        }
        return new ExplainLineDto { Code = node.Code, Depth = depth, Contribution = node.Contribution, ComparedContribution = before?.Contribution, Text = Lang.Pick(text) };
    }
}
