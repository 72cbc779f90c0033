using System.Text.Json;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using MediatR;

namespace Gaoxin.Api.Features.Imports;

public enum RowOutcome
{
    Created,
    Updated,
    Unchanged,
    Rejected,
}

/// <summary>A row that could not be parsed into a request; its problems are already in the tally.</summary>
public sealed class RowRejectedException : Exception;

/// <summary>
/// Imports of reference data (parks, indicators, policies): each row becomes the same MediatR command the single-row
/// endpoints send, so an import can never get in what the API refuses. Each row runs under a savepoint, so a refused
/// row leaves nothing behind and the rows after it go on being checked.
/// </summary>
public abstract class CommandRowImporter(DbSession session, IMediator mediator)
{
    protected DbSession Session { get; } = session;
    protected IMediator Mediator { get; } = mediator;

    /// <summary>Maps a field path of a validation error ("name.zh") to the import column it came from.</summary>
    protected virtual string? ColumnOf(string field) =>
        string.Concat(field.Replace('.', '_').Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    protected abstract Task<RowOutcome> ApplyAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken);

    /// <summary>Work after the last row (relations that may point at later rows); rows are already counted.</summary>
    protected virtual Task FinishAsync(ImportTally tally, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task RunAsync(RowReader rows, ImportOptions options, ImportTally tally, CancellationToken cancellationToken)
    {
        while (await rows.ReadAsync(cancellationToken))
        {
            if (++tally.TotalRows > options.MaxRows)
            {
                throw ImportErrors.TooManyRows(options.MaxRows);
            }
            if (rows.UnknownFields.Count > 0)
            {
                foreach (var field in rows.UnknownFields)
                {
                    tally.Problem(rows.Line, field, Problems.ImportUnknownField, new($"未知字段“{field}”。", $"Unknown field '{field}'."));
                }
                tally.Rejected++;
                continue;
            }

            var outcome = await InSavepointAsync(rows.Line, tally, () => ApplyAsync(rows, tally, cancellationToken), cancellationToken);
            switch (outcome)
            {
                case RowOutcome.Created: tally.Created++; break;
                case RowOutcome.Updated: tally.Updated++; break;
                case RowOutcome.Unchanged: tally.Unchanged++; break;
                default: tally.Rejected++; break;
            }
        }
        await FinishAsync(tally, cancellationToken);
    }

    /// <summary>Runs one unit of work; if the API refuses it, rolls it back and records why against the line.</summary>
    protected async Task<RowOutcome> InSavepointAsync(int line, ImportTally tally, Func<Task<RowOutcome>> work, CancellationToken cancellationToken)
    {
        await Session.Transaction.SaveAsync("import_row", cancellationToken);
        try
        {
            var outcome = await work();
            await Session.Transaction.ReleaseAsync("import_row", cancellationToken);
            return outcome;
        }
        catch (Exception e) when (e is ValidationException or ApiException or RowRejectedException)
        {
            await Session.Transaction.RollbackAsync("import_row", cancellationToken);
            switch (e)
            {
                case ValidationException validation:
                    foreach (var failure in validation.Errors)
                    {
                        var field = failure.PropertyName.StartsWith("Body.", StringComparison.Ordinal) ? failure.PropertyName[5..] : failure.PropertyName;
                        field = string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
                        tally.Problem(line, ColumnOf(field), Problems.RequestValidationFailed, new(failure.ErrorMessage, failure.ErrorMessage));
                    }
                    break;
                case ApiException api:
                    tally.Problem(line, null, api.Kind, api.Detail);
                    break;
            }
            return RowOutcome.Rejected;
        }
    }

    /// <summary>What a JSON record is, for the reasons a row is rejected: 企业, "an enterprise", "The enterprise".</summary>
    protected sealed record RecordName(string Zh, string AnEn, string TheEn);

    /// <summary>
    /// A JSON record read as a command's body, the way the endpoint reads it; a row that is not an object, or whose
    /// values do not fit, is rejected naming the member.
    /// </summary>
    protected static T Record<T>(JsonElement? raw, int line, ImportTally tally, RecordName name)
    {
        if (raw is not { ValueKind: JsonValueKind.Object } record)
        {
            tally.Problem(line, null, Problems.ImportInvalidValue, new($"每一行都必须是一个{name.Zh}对象。", $"Every row must be {name.AnEn} object."));
            throw new RowRejectedException();
        }
        try
        {
            return record.Deserialize<T>(ImportEngine.Json)!;
        }
        catch (JsonException e)
        {
            tally.Problem(line, e.Path?.TrimStart('$', '.'), Problems.RequestMalformedBody,
                new($"无法读取该{name.Zh}：类型不符或缺少必填字段。", $"{name.TheEn} cannot be read: a value of the wrong type or a required member missing."));
            throw new RowRejectedException();
        }
    }

    protected static bool TryEnum<TEnum>(RowReader row, int ordinal, string column, ImportTally tally, out TEnum? value) where TEnum : struct, Enum
    {
        value = null;
        var text = row.Get(ordinal);
        if (text is null)
        {
            return true;
        }
        if (EnumQuery<TEnum>.TryParse(text, out var parsed))
        {
            value = parsed.Value;
            return true;
        }
        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => v.ToDb()));
        tally.Problem(row.Line, column, Problems.ImportInvalidValue, new($"“{column}”的值“{text}”无效；可用：{allowed}。", $"'{text}' is not a valid {column}; use one of: {allowed}."));
        return false;
    }

    protected static string Required(RowReader row, int ordinal, string column, ImportTally tally, ref bool ok)
    {
        var text = row.Get(ordinal);
        if (text is null)
        {
            tally.Problem(row.Line, column, Problems.ImportMissingValue, ImportValues.Missing(column));
            ok = false;
        }
        return text ?? "";
    }

    /// <summary>A number column; a missing value is a problem only when <paramref name="required"/>.</summary>
    protected static decimal? Number(RowReader row, int ordinal, string column, ImportTally tally, ref bool ok, bool required) =>
        Parsed<decimal>(row, ordinal, column, tally, ref ok, required, ImportValues.TryDecimal, ImportValues.NotANumber);

    /// <summary>A date column (YYYY-MM-DD); a missing value is a problem only when <paramref name="required"/>.</summary>
    protected static DateOnly? Day(RowReader row, int ordinal, string column, ImportTally tally, ref bool ok, bool required) =>
        Parsed<DateOnly>(row, ordinal, column, tally, ref ok, required, ImportValues.TryDate, ImportValues.NotADate);

    protected delegate bool TryParse<T>(string? text, out T value);

    private static T? Parsed<T>(RowReader row, int ordinal, string column, ImportTally tally, ref bool ok, bool required,
        TryParse<T> parse, Func<string, string?, Text> invalid) where T : struct
    {
        var text = row.Get(ordinal);
        if (text is null)
        {
            if (required)
            {
                tally.Problem(row.Line, column, Problems.ImportMissingValue, ImportValues.Missing(column));
                ok = false;
            }
            return null;
        }
        if (!parse(text, out var value))
        {
            tally.Problem(row.Line, column, Problems.ImportInvalidValue, invalid(column, text));
            ok = false;
            return null;
        }
        return value;
    }
}
