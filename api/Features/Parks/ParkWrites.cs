using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Features.Parks;

/// <summary>The rules of the fields that create and update share.</summary>
public sealed class ParkFieldsValidator : AbstractValidator<ParkFields>
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    public ParkFieldsValidator()
    {
        RuleFor(p => p.Kind).IsInEnum();
        RuleFor(p => p.Names).NotNull().MustBeText(MaxNameLength, required: true);
        RuleFor(p => p.Descriptions).NotNull().MustBeText(MaxDescriptionLength, required: false);
        RuleFor(p => p.AccreditationLevel).IsInEnum();
        RuleFor(p => p.Status).IsInEnum();
        RuleFor(p => p.DevelopmentPhase).IsInEnum();
        RuleFor(p => p.LandArea!.Value).InclusiveBetween(0m, 1_000_000_000m).When(p => p.LandArea is not null).OverridePropertyName("landArea.value");
        RuleFor(p => p.LandArea!.Unit).IsInEnum().When(p => p.LandArea is not null).OverridePropertyName("landArea.unit");
        RuleFor(p => p.SourceCode).MustBeCode().When(p => p.SourceCode is not null);
        RuleFor(p => p.ParentCode).MustBeCode().When(p => p.ParentCode is not null);
        RuleFor(p => p.ParentCode)
            .NotNull().When(p => p.Kind != ParkKind.Zone)
            .WithMessage(_ => Lang.Pick("除高新区本身外，每个园区都必须有上级（parentCode）。", "Every park but the zone itself needs a parent (parentCode)."));
        RuleFor(p => p.ParentCode)
            .Null().When(p => p.Kind == ParkKind.Zone)
            .WithMessage(_ => Lang.Pick("高新区是树的根，不能有上级。", "The zone is the root of the tree and has no parent."));
    }
}

/// <summary>Reads and lookups that create and update share, inside the command's transaction.</summary>
public static class ParkWrites
{
    public sealed record References(long? ParentId, long? SourceId);

    public static async Task<References> ResolveAsync(DbSession session, ParkFields fields, CancellationToken cancellationToken)
    {
        long? parentId = null;
        if (fields.ParentCode is { } parentCode)
        {
            parentId = await session.ExecuteScalarAsync<long?>("select id from parks where code = @parentCode", new { parentCode }, cancellationToken)
                ?? throw ParkErrors.NotFound(parentCode);
        }

        long? sourceId = null;
        if (fields.SourceCode is { } sourceCode)
        {
            sourceId = await session.ExecuteScalarAsync<long?>("select id from sources where code = @sourceCode", new { sourceCode }, cancellationToken)
                ?? throw ParkErrors.SourceNotFound(sourceCode);
        }

        return new References(parentId, sourceId);
    }

    /// <summary>The column values of the writable fields, as the insert and the update both bind them.</summary>
    public static object Columns(ParkFields fields, References references) => new
    {
        Kind = fields.Kind.ToDb(),
        references.ParentId,
        NameZh = fields.Names.Zh.Trim(),
        NameEn = fields.Names.En.Trim(),
        DescriptionZh = fields.Descriptions.Zh.Trim(),
        DescriptionEn = fields.Descriptions.En.Trim(),
        AccreditationLevel = fields.AccreditationLevel.ToDb(),
        LandArea = fields.LandArea?.Value,
        LandAreaUnit = fields.LandArea?.Unit.ToDb(),
        Status = fields.Status.ToDb(),
        DevelopmentPhase = fields.DevelopmentPhase.ToDb(),
        references.SourceId,
    };

    public static async Task<ParkDto> ReadAsync(DbSession session, string code, CancellationToken cancellationToken) =>
        (await ReadRowAsync(session, code, cancellationToken)).ToDto();

    public static Task<ParkRow> ReadRowAsync(DbSession session, string code, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<ParkRow>(ParkRow.Select + "\nwhere p.code = @code", new { code }, cancellationToken);

    /// <summary>
    /// The deepest the park tree may grow (the zone is level 1). A real zone has three or four levels; the bound keeps
    /// every reader of the tree (the tree endpoint, the JSON serializer's depth limit, recursive queries) safe.
    /// </summary>
    public const int MaxTreeDepth = 20;

    /// <summary>Changes to the tree's shape are serialised by one advisory lock (held to commit), so two concurrent
    /// moves cannot build a cycle or an over-deep chain together.</summary>
    public const string LockTree = "select pg_advisory_xact_lock(hashtext('gaoxin.parks.tree'))";

    private const string LevelsAboveAndBelow = """
        with recursive up (id, parent_id) as (
            select id, parent_id from parks where id = @ParentId
            union all
            select p.id, p.parent_id from parks p join up on p.id = up.parent_id
        ), down (id, level) as (
            select id, 1 from parks where code = @Code
            union all
            select c.id, d.level + 1 from parks c join down d on c.parent_id = d.id where d.level <= @MaxTreeDepth
        )
        select (select count(*) from up) + coalesce((select max(level) from down), 1)
        """;

    /// <summary>
    /// Where a park may go, for a create and a move alike: a park-limited key only under a park within its subtree
    /// (never as the root), and never deeper than <see cref="MaxTreeDepth"/>.
    /// </summary>
    public static async Task EnsurePlacementAsync(DbSession session, ICaller caller, string code, string? parentCode,
        References references, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(LockTree, null, cancellationToken);
        if (references.ParentId is not { } parentId)
        {
            if (caller.ParkScopeId is not null)
            {
                throw ParkScope.OutsideScope(code);
            }
            return;
        }
        await caller.EnsureWithinAsync(session, parentId, parentCode!, cancellationToken);
        var depth = await session.ExecuteScalarAsync<int>(LevelsAboveAndBelow, new { ParentId = parentId, Code = code, MaxTreeDepth }, cancellationToken);
        if (depth > MaxTreeDepth)
        {
            throw ParkErrors.TooDeep(code, MaxTreeDepth);
        }
    }

    public static async Task EnsureSingleZoneAsync(DbSession session, ParkKind kind, string? exceptCode, CancellationToken cancellationToken)
    {
        if (kind != ParkKind.Zone)
        {
            return;
        }
        var exists = await session.ExecuteScalarAsync<bool>(
            "select exists (select 1 from parks where kind = 'zone' and code is distinct from @exceptCode)", new { exceptCode }, cancellationToken);
        if (exists)
        {
            throw ParkErrors.ZoneExists();
        }
    }
}

/// <summary>Tree walks over parks that other features need.</summary>
public static class ParkTree
{
    /// <summary>The park named <c>@code</c> and every park above it, as (id, code); empty when the code is unknown.</summary>
    public const string SelfAndAncestors = """
        with recursive up (id, parent_id, code) as (
            select id, parent_id, code from parks where code = @code
            union all
            select p.id, p.parent_id, p.code from parks p join up on p.id = up.parent_id
        )
        select id, code from up
        """;

    /// <summary>
    /// A CTE <c>within (id)</c>: the park whose id is the given parameter and every park below it (empty for null).
    /// Start a query with it and filter by <c>in (select id from within)</c>.
    /// </summary>
    public static string Within(string rootIdParameter, string name = "within") => $"""
        with recursive {name} (id) as (
            select id from parks where id = {rootIdParameter}
            union all
            select p.id from parks p join {name} w on p.parent_id = w.id
        )
        """;
}
