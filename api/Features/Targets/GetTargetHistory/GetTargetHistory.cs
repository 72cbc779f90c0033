using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Observations;
using Gaoxin.Contracts.Targets;
using MediatR;

namespace Gaoxin.Api.Features.Targets.GetTargetHistory;

public sealed record GetTargetHistoryQuery(string Indicator, string Park, string Period, string? Member, string? Cursor, int Limit) : IQuery<TargetRevisionPage>
{
    public const int DefaultLimit = 100;
}

public sealed class GetTargetHistoryValidator : AbstractValidator<GetTargetHistoryQuery>
{
    public GetTargetHistoryValidator()
    {
        RuleFor(q => q.Indicator).NotEmpty().MustBeCode();
        RuleFor(q => q.Park).NotEmpty().MustBeCode();
        RuleFor(q => q.Period).NotEmpty().MustBePeriod();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out var id) && (id is null || long.TryParse(id, out _)));
        RuleFor(q => q.Limit).MustBePageSize();
    }
}

/// <summary>Every change of a target, oldest first, each with the target before and after it (who, when, why).</summary>
public sealed class GetTargetHistoryHandler(ReadDatabase db) : IRequestHandler<GetTargetHistoryQuery, TargetRevisionPage>
{
    private const string Sql = """
        select r.id, r.action, r.version, recorded_time(r.recorded_txid, r.recorded_at) as recorded_at, r.recorded_by,
               r.direction, r.value, r.due_on, r.baseline_value, r.baseline_on, s.code as source_code, r.note, r.illustrative
        from target_revisions r
        left join sources s on s.id = r.source_id
        where r.code = @Code
        order by r.id
        """;

    private sealed class Row
    {
        public long Id { get; init; }
        public RevisionAction Action { get; init; }
        public int Version { get; init; }
        public DateTime RecordedAt { get; init; }
        public string RecordedBy { get; init; } = "";
        public TargetDirection? Direction { get; init; }
        public decimal? Value { get; init; }
        public DateOnly? DueOn { get; init; }
        public decimal? BaselineValue { get; init; }
        public DateOnly? BaselineOn { get; init; }
        public string? SourceCode { get; init; }
        public string? Note { get; init; }
        public bool? Illustrative { get; init; }
    }

    public async Task<TargetRevisionPage> Handle(GetTargetHistoryQuery query, CancellationToken cancellationToken)
    {
        Period.TryParse(query.Period, out var period);
        var code = TargetRow.CodeOf(query.Indicator, query.Park, period.Canonical, query.Member);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { Code = code }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            throw TargetErrors.NotFound(code);
        }

        CodeCursor.TryDecode(query.Cursor, out var afterText);
        var afterId = afterText is null ? 0 : long.Parse(afterText, System.Globalization.CultureInfo.InvariantCulture);
        var revisions = new List<(long Id, TargetRevisionDto Dto)>();
        TargetFields? before = null;
        foreach (var row in rows)
        {
            var after = row.Action == RevisionAction.Deleted ? null : new TargetFields
            {
                IndicatorCode = query.Indicator, ParkCode = query.Park, Period = period.Canonical, Member = query.Member,
                Direction = row.Direction!.Value, Value = row.Value!.Value, DueOn = row.DueOn!.Value,
                Baseline = row.BaselineValue is { } value && row.BaselineOn is { } on ? new BaselineDto { Value = value, On = on } : null,
                SourceCode = row.SourceCode, Note = row.Note, Illustrative = row.Illustrative ?? false,
            };
            if (row.Id > afterId)
            {
                revisions.Add((row.Id, new TargetRevisionDto
                {
                    Version = row.Version, Action = row.Action, RecordedBy = row.RecordedBy, Before = before, After = after,
                    RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc)),
                }));
            }
            before = after;
        }
        var (items, next) = Keyset.Page(revisions, query.Limit, r => r.Dto, r => CodeCursor.Encode(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new TargetRevisionPage { Items = items, NextCursor = next };
    }
}
