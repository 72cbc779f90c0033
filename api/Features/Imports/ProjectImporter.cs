using System.Text.Json;
using Gaoxin.Api.Features.Projects;
using Gaoxin.Api.Features.Projects.CreateProject;
using Gaoxin.Api.Features.Projects.UpdateProject;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Imports;
using Gaoxin.Contracts.Projects;
using MediatR;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// Projects, each row sent as the same commands the endpoints send, so every rule is the same: references checked,
/// cycles refused, the key's parks respected. JSON and NDJSON records are <c>createProject</c>'s body (milestones,
/// dependencies and funding included) and replace the project whole; rows are applied in file order, so a project's
/// prerequisites come before it. A CSV row is a project's register line (names, kind, park, responsible unit, dates):
/// for a project on record an empty cell keeps what is recorded, and its milestones, dependencies and funding stay.
/// </summary>
public sealed class ProjectImporter(DbSession session, IMediator mediator) : CommandRowImporter(session, mediator), IImporter
{
    public ImportKind Kind => ImportKind.Projects;

    IReadOnlyList<string> IImporter.Columns => Columns;

    public IReadOnlyList<string> ColumnsFor(ImportFormat format) => format == ImportFormat.Csv ? Columns : [];

    public static readonly string[] Columns =
    [
        "code", "name_zh", "name_en", "kind", "park_code", "phase_of", "responsible_code",
        "planned_start", "planned_completion", "actual_start", "actual_completion", "source", "illustrative",
    ];

    private bool _readingJson;

    protected override string? ColumnOf(string field) => _readingJson ? field : field switch
    {
        "names.zh" => "name_zh",
        "names.en" => "name_en",
        "sourceCode" => "source",
        "phaseOf" => "phase_of",
        "responsibleCode" => "responsible_code",
        _ => base.ColumnOf(field),
    };

    protected override async Task<RowOutcome> ApplyAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken)
    {
        _readingJson = row.Raw is not null;
        var (code, fields) = row.Raw is { } raw ? FromJson(raw, row.Line, tally) : await FromCsvAsync(row, tally, cancellationToken);
        if (!await Session.ExecuteScalarAsync<bool>("select exists (select 1 from projects where code = @code)", new { code }, cancellationToken))
        {
            await Mediator.Send(new CreateProjectCommand(new CreateProjectRequest
            {
                Code = code, Names = fields.Names, Descriptions = fields.Descriptions, Kind = fields.Kind, ParkCode = fields.ParkCode, PhaseOf = fields.PhaseOf,
                ResponsibleCode = fields.ResponsibleCode, PartnerCodes = fields.PartnerCodes, PlannedStart = fields.PlannedStart,
                PlannedCompletion = fields.PlannedCompletion, ActualStart = fields.ActualStart, ActualCompletion = fields.ActualCompletion,
                StatusReports = fields.StatusReports, Progress = fields.Progress, Milestones = fields.Milestones, DependsOn = fields.DependsOn,
                Funding = fields.Funding, SourceCode = fields.SourceCode, Illustrative = fields.Illustrative,
            }), cancellationToken);
            return RowOutcome.Created;
        }
        var changed = await Mediator.Send(new UpdateProjectCommand(code, fields, new IfMatch(true, new HashSet<int>())), cancellationToken);
        return changed ? RowOutcome.Updated : RowOutcome.Unchanged;
    }

    private static (string, ProjectFields) FromJson(JsonElement raw, int line, ImportTally tally)
    {
        var body = Record<CreateProjectRequest>(raw, line, tally, new("项目", "a project", "The project"));
        return (body.Code, body);
    }

    private async Task<(string, ProjectFields)> FromCsvAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken)
    {
        var ok = true;
        var code = Required(row, 0, "code", tally, ref ok);
        ok &= TryEnum<ProjectKind>(row, 3, "kind", tally, out var kind);
        var json = ok ? await Session.ExecuteScalarAsync<string?>("select content::text from projects where code = @code", new { code }, cancellationToken) : null;
        var current = json is null ? null : StoredProject.FromJson(json);
        if (current is null)
        {
            Required(row, 1, "name_zh", tally, ref ok);
            Required(row, 2, "name_en", tally, ref ok);
            Required(row, 3, "kind", tally, ref ok);
        }
        if (!ok)
        {
            throw new RowRejectedException();
        }
        var illustrative = row.Get(12) is { } flag ? flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag == "1" : current?.Illustrative ?? false;
        var fields = current ?? new ProjectFields { Names = LocalizedText.Empty, Kind = kind!.Value };
        return (code, fields with
        {
            Names = new LocalizedText { Zh = row.Get(1) ?? fields.Names.Zh, En = row.Get(2) ?? fields.Names.En },
            Kind = kind ?? fields.Kind,
            ParkCode = row.Get(4) ?? fields.ParkCode,
            PhaseOf = row.Get(5) ?? fields.PhaseOf,
            ResponsibleCode = row.Get(6) ?? fields.ResponsibleCode,
            PlannedStart = row.Get(7) ?? fields.PlannedStart,
            PlannedCompletion = row.Get(8) ?? fields.PlannedCompletion,
            ActualStart = row.Get(9) ?? fields.ActualStart,
            ActualCompletion = row.Get(10) ?? fields.ActualCompletion,
            SourceCode = row.Get(11) ?? fields.SourceCode,
            Illustrative = illustrative,
        });
    }
}
