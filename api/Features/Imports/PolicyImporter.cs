using System.Text.Json;
using Gaoxin.Api.Features.Policies;
using Gaoxin.Api.Features.Policies.CreatePolicy;
using Gaoxin.Api.Features.Policies.CreateMeasure;
using Gaoxin.Api.Features.Policies.UpdateMeasure;
using Gaoxin.Api.Features.Policies.CreatePolicyRelation;
using Gaoxin.Api.Features.Policies.UpdatePolicy;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Contracts.Policies;
using MediatR;

using Gaoxin.Contracts.Imports;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// Policy documents with their measures and relations, one JSON object a row, in the shape of
/// <c>createPolicy</c>'s body plus <c>measures</c> (createMeasure bodies) and <c>relations</c> (createPolicyRelation
/// bodies). Relations are applied after the last row, so a document may relate to one later in the file.
/// </summary>
public sealed class PolicyImporter(DbSession session, IMediator mediator) : CommandRowImporter(session, mediator), IImporter
{
    public ImportKind Kind => ImportKind.Policies;

    IReadOnlyList<string> IImporter.Columns => Columns;

    /// <summary>No flat columns: rows are nested documents, read whole.</summary>
    public static readonly string[] Columns = [];

    private readonly List<(int Line, string Id, CreatePolicyRelationRequest Relation)> _relations = [];

    private sealed record Row(CreatePolicyRequest Document, IReadOnlyList<CreateMeasureRequest> Measures, IReadOnlyList<CreatePolicyRelationRequest> Relations);

    protected override string? ColumnOf(string field) => field;

    protected override async Task<RowOutcome> ApplyAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken)
    {
        var parsed = Parse(row, tally);
        var document = parsed.Document;
        var outcome = RowOutcome.Unchanged;

        var latest = await Session.ExecuteScalarAsync<string?>("""
            select v.content::text from policy_versions v join policies p on p.id = v.policy_id
            where p.code = @Id order by v.version desc limit 1
            """, new { document.Id }, cancellationToken);
        if (latest is null)
        {
            await Mediator.Send(new CreatePolicyCommand(document), cancellationToken);
            outcome = RowOutcome.Created;
        }
        else if (!Unchanged.Same(PolicyWrites.Snapshot(PolicyWrites.ReadSnapshot(latest)), PolicyWrites.Snapshot(document)))
        {
            await Mediator.Send(new UpdatePolicyCommand(document.Id, document, new IfMatch(true, new HashSet<int>())), cancellationToken);
            outcome = RowOutcome.Updated;
        }

        foreach (var measure in parsed.Measures)
        {
            var existing = await Session.QuerySingleOrDefaultAsync<MeasureRow>(
                MeasureRow.Select + "\nwhere p.code = @Id and m.code = @Code", new { document.Id, measure.Code }, cancellationToken);
            if (existing is null)
            {
                await Mediator.Send(new CreateMeasureCommand(document.Id, measure), cancellationToken);
            }
            else if (!Unchanged.Same(await MeasureFieldsValidator.ColumnsAsync(Session, existing.ToDto(), cancellationToken),
                                     await MeasureFieldsValidator.ColumnsAsync(Session, measure, cancellationToken)))
            {
                await Mediator.Send(new UpdateMeasureCommand(document.Id, measure.Code, measure, new IfMatch(true, new HashSet<int>())), cancellationToken);
            }
            else
            {
                continue;
            }
            outcome = outcome == RowOutcome.Created ? outcome : RowOutcome.Updated;
        }

        _relations.AddRange(parsed.Relations.Select(r => (row.Line, document.Id, r)));
        return outcome;
    }

    protected override async Task FinishAsync(ImportTally tally, CancellationToken cancellationToken)
    {
        foreach (var (line, id, relation) in _relations)
        {
            var outcome = await InSavepointAsync(line, tally, async () =>
            {
                try
                {
                    await Mediator.Send(new CreatePolicyRelationCommand(id, relation), cancellationToken);
                }
                catch (ApiException e) when (e.Kind == Problems.RelationExists)
                {
                    // Already there: importing the same file twice changes nothing.
                }
                return RowOutcome.Unchanged;
            }, cancellationToken);
            if (outcome == RowOutcome.Rejected)
            {
                tally.Rejected++;
            }
        }
    }

    private static Row Parse(RowReader row, ImportTally tally)
    {
        if (row.Raw is not { ValueKind: JsonValueKind.Object } raw)
        {
            tally.Problem(row.Line, null, Problems.ImportInvalidValue, new("每一行都必须是一个政策文件对象。", "Every row must be a policy document object."));
            throw new RowRejectedException();
        }
        try
        {
            var body = new Dictionary<string, JsonElement>();
            List<CreateMeasureRequest> measures = [];
            List<CreatePolicyRelationRequest> relations = [];
            foreach (var property in raw.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "measures":
                        measures = property.Value.Deserialize<List<CreateMeasureRequest>>(ImportEngine.Json) ?? [];
                        break;
                    case "relations":
                        relations = property.Value.Deserialize<List<CreatePolicyRelationRequest>>(ImportEngine.Json) ?? [];
                        break;
                    default:
                        body[property.Name] = property.Value;
                        break;
                }
            }
            var document = JsonSerializer.SerializeToElement(body).Deserialize<CreatePolicyRequest>(ImportEngine.Json)!;
            return new Row(document, measures, relations);
        }
        catch (JsonException e)
        {
            tally.Problem(row.Line, e.Path?.TrimStart('$', '.'), Problems.RequestMalformedBody, new(
                "政策文件不符合接口约定（缺少必填字段、未知字段或类型不符）。", $"The document does not match the contract (a missing, unknown or mistyped field): {e.Path}."));
            throw new RowRejectedException();
        }
    }



}
