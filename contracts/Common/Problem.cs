namespace Gaoxin.Contracts.Common;

/// <summary>
/// An error, as RFC 9457 problem details (media type application/problem+json).
/// 错误响应，遵循 RFC 9457（application/problem+json）。
/// </summary>
public sealed record Problem
{
    /// <summary>A URI naming the kind of problem.</summary>
    /// <example>https://gaoxin.example/problems/park.not-found</example>
    public string? Type { get; init; }

    /// <summary>Short, human-readable summary in the response language.</summary>
    public required string Title { get; init; }

    /// <summary>HTTP status code.</summary>
    /// <example>404</example>
    public required int Status { get; init; }

    /// <summary>What went wrong in this request, in the response language.</summary>
    public string? Detail { get; init; }

    /// <summary>The request path.</summary>
    public string? Instance { get; init; }

    /// <summary>Stable machine-readable error code; clients switch on this, never on the text.</summary>
    /// <example>park.not-found</example>
    public required string Code { get; init; }

    /// <summary>For validation problems: the messages for each invalid field, keyed by its JSON path.</summary>
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Identifier of this request in the server's logs.</summary>
    public string? TraceId { get; init; }

    // The members below are sent with the codes that name them (see the README's code table); each is absent otherwise.

    /// <summary>The park the problem is about.</summary>
    public string? ParkCode { get; init; }

    /// <summary>The parent park named by the request (park.parent-cycle).</summary>
    public string? ParentCode { get; init; }

    /// <summary>The sub-parks that stop a deletion (park.has-children).</summary>
    public IReadOnlyList<string>? ChildCodes { get; init; }

    /// <summary>How many observations stop a deletion (park.has-observations, indicator.has-observations).</summary>
    public long? ObservationCount { get; init; }

    /// <summary>How many revisions of observation history stop a deletion (park.has-history, indicator.has-history).</summary>
    public long? RevisionCount { get; init; }

    /// <summary>The deepest the park tree may grow (park.tree-too-deep).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>The source the request named (source.not-found).</summary>
    public string? SourceCode { get; init; }

    /// <summary>The indicator the problem is about.</summary>
    public string? IndicatorCode { get; init; }

    /// <summary>The evaluation scheme named.</summary>
    public string? SchemeCode { get; init; }

    /// <summary>The node of a scheme the problem is about.</summary>
    public string? NodeCode { get; init; }

    /// <summary>That node's weight.</summary>
    public decimal? NodeWeight { get; init; }

    /// <summary>What its children's weights add up to.</summary>
    public decimal? ChildWeightSum { get; init; }

    /// <summary>The enterprise named (its platform code).</summary>
    public string? EnterpriseCode { get; init; }

    /// <summary>Enterprises that are or were in the park (park.has-enterprises).</summary>
    public long? EnterpriseCount { get; init; }

    /// <summary>The target named (indicator/park/period[/member]).</summary>
    public string? TargetCode { get; init; }

    /// <summary>Breakdown members still in use (indicator.member-in-use).</summary>
    public IReadOnlyList<string>? Members { get; init; }

    /// <summary>The indicator's unit (unit.incompatible).</summary>
    public string? Unit { get; init; }

    /// <summary>The unit the request asked for (unit.incompatible).</summary>
    public string? RequestedUnit { get; init; }

    /// <summary>The period of the figure the problem is about.</summary>
    public string? Period { get; init; }

    /// <summary>The rule of the data that was broken: totalEqualsBreakdown, correctionNeedsNote, supportingImplementsCore.</summary>
    public string? Rule { get; init; }

    /// <summary>The total sent (observation.total-mismatch).</summary>
    public decimal? Total { get; init; }

    /// <summary>The sum of the breakdown sent (observation.total-mismatch).</summary>
    public decimal? BreakdownSum { get; init; }

    /// <summary>The breakdown sent, by member (observation.total-mismatch).</summary>
    public IDictionary<string, decimal>? Breakdown { get; init; }

    /// <summary>The policy document the problem is about.</summary>
    public string? PolicyId { get; init; }

    /// <summary>The version asked for (policy.version-not-found).</summary>
    public int? Version { get; init; }

    /// <summary>The support measure the problem is about.</summary>
    public string? MeasureCode { get; init; }

    /// <summary>The relation asked for (relation.not-found).</summary>
    public long? RelationId { get; init; }

    /// <summary>The other policy of a relation.</summary>
    public string? TargetId { get; init; }

    /// <summary>The relation's kind (relation.exists).</summary>
    public string? Kind { get; init; }

    /// <summary>The document number already taken (policy.document-number-taken).</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Policies that still relate to this one (policy.has-relations).</summary>
    public IReadOnlyList<string>? RelatedIds { get; init; }

    /// <summary>The issuing organisation the request named (organisation.not-found).</summary>
    public string? OrganisationCode { get; init; }

    /// <summary>The API key the problem is about (api-key.*).</summary>
    public string? Name { get; init; }

    /// <summary>The Idempotency-Key that was reused for another request (idempotency.key-reused).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The resource's current ETag (precondition.failed, precondition.required): read again, then retry with it.</summary>
    public string? CurrentETag { get; init; }

    /// <summary>The scope the operation needs (auth.insufficient-scope).</summary>
    public string? RequiredScope { get; init; }

    /// <summary>The most rows one import may hold (import.too-many-rows).</summary>
    public long? MaxRows { get; init; }

    /// <summary>The content type that was sent (request.unsupported-media-type on imports).</summary>
    public string? ContentType { get; init; }

    /// <summary>The import asked for (import.not-found).</summary>
    public Guid? ImportId { get; init; }

    /// <summary>The subscription the problem is about (webhook.*).</summary>
    public string? WebhookId { get; init; }

    /// <summary>The event id the request named (webhook.event-not-found).</summary>
    public string? EventId { get; init; }

    /// <summary>The address a webhook target resolved to and was refused for (webhook.target-not-allowed).</summary>
    public string? TargetAddress { get; init; }

    /// <summary>The project the problem is about (project.*).</summary>
    public string? ProjectCode { get; init; }

    /// <summary>The milestone the request named (project.not-found).</summary>
    public string? MilestoneCode { get; init; }

    /// <summary>The dependencies that go round in a circle, each <c>project</c> or <c>project/milestone</c>, the first again at the end (project.dependency-cycle).</summary>
    public IReadOnlyList<string>? Cycle { get; init; }

    /// <summary>What depends on the project or is a phase of it (project.has-dependents).</summary>
    public IReadOnlyList<string>? Dependents { get; init; }

    /// <summary>How many projects and service cases are recorded in the park (park.has-projects).</summary>
    public long? ProjectCount { get; init; }

    /// <summary>The service case the problem is about (case.*).</summary>
    public string? CaseCode { get; init; }

    /// <summary>The year asked for (calendar.year-not-found).</summary>
    public int? Year { get; init; }

    /// <summary>The data set the problem is about (data-set.*, round.*).</summary>
    public string? DataSetCode { get; init; }

    /// <summary>The part of a data set that is wrong, as a JSON path (data-set.unknown-reference, data-set.invalid-rule).</summary>
    /// <example>rules[0].left.terms[1].indicatorCode</example>
    public string? Part { get; init; }

    /// <summary>Where the park stands in the round (round.transition-not-allowed).</summary>
    public Rounds.RoundState? RoundState { get; init; }

    /// <summary>What the state allows instead (round.transition-not-allowed).</summary>
    public IReadOnlyList<Rounds.RoundAction>? AllowedActions { get; init; }

    /// <summary>The sub-parks not approved yet (round.sub-parks-pending), or the park above that approved already (round.parent-approved).</summary>
    public IReadOnlyList<string>? Parks { get; init; }

    /// <summary>The broken rules that stop a submission: errors, and warnings not explained (round.rules-failed).</summary>
    public IReadOnlyList<Rounds.ViolationDto>? Violations { get; init; }

    /// <summary>Why the figures cannot be written and how to get them unlocked (round.locked).</summary>
    public Rounds.RoundLockDto? Lock { get; init; }

    /// <summary>The report of an atomic import that rejected rows: nothing was written (import.rejected).</summary>
    public Imports.ImportReportDto? Report { get; init; }
}
