using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Features.Rounds;

/// <summary>
/// A submission, as the submit endpoint and an import with <c>submit=true</c> both make it: the figures are held still
/// (the table lock every figure writer waits on), the explanations sent with it are kept, the rules run, and the park
/// moves to submitted only if no error is broken and every broken warning is explained. Otherwise it throws, and the
/// caller's transaction writes nothing.
/// </summary>
public sealed class RoundSubmission(DbSession session, RoundTransitions transitions, ICaller caller, TimeProvider clock)
{
    private const string SaveExplanation = """
        insert into round_explanations (data_set_id, period, park_id, rule_code, text, recorded_at, recorded_by)
        values (@SetId, @Period, @ParkId, @RuleCode, @Text, @Now, @By)
        on conflict (data_set_id, period, park_id, rule_code) do update set text = excluded.text, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
        """;

    public async Task SubmitAsync(string setCode, string period, string parkCode, string? comment, IReadOnlyList<ExplanationFields> explanations, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("lock table observations in share row exclusive mode", null, cancellationToken);
        var context = await transitions.BeginAsync(setCode, period, parkCode, RoundAction.Submit, cancellationToken);
        if (explanations.Count > 0)
        {
            await ExplainAsync(context, explanations, cancellationToken);
            context = await transitions.ReadAsync(context.Book.Set, context.Period, parkCode, RoundAction.Submit, cancellationToken);
        }
        var stopping = RoundBook.Stopping(context.Book.Violations(context.Park, context.Period));
        if (stopping.Count > 0)
        {
            throw RoundErrors.RulesFailed(context.Book.Set.Code, context.Period.Canonical, stopping);
        }
        await transitions.MoveAsync(context, RoundAction.Submit, comment, cancellationToken);
    }

    /// <summary>Keeps explanations of the set's rules, each replacing the rule's earlier one; a rule the set lacks is 422.</summary>
    public async Task ExplainAsync(RoundTransitions.Context context, IReadOnlyList<ExplanationFields> explanations, CancellationToken cancellationToken)
    {
        var rules = context.Book.Set.Fields.Rules.Select(r => r.Code).ToHashSet();
        for (var i = 0; i < explanations.Count; i++)
        {
            if (!rules.Contains(explanations[i].RuleCode))
            {
                throw RoundErrors.UnknownReference($"explanations[{i}].ruleCode", new(
                    $"数据集“{context.Book.Set.Code}”没有规则“{explanations[i].RuleCode}”。", $"The data set '{context.Book.Set.Code}' has no rule '{explanations[i].RuleCode}'."));
            }
        }
        foreach (var explanation in explanations)
        {
            await session.ExecuteAsync(SaveExplanation, new
            {
                SetId = context.Book.Set.Id, Period = context.Period.Canonical, ParkId = context.Park.Id, explanation.RuleCode,
                Text = explanation.Text.Trim(), Now = clock.GetUtcNow(), By = caller.DisplayName,
            }, cancellationToken);
        }
    }
}
