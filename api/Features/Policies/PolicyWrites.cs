using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Features.Policies;

/// <summary>The rules of a document's content, shared by create and update.</summary>
public sealed class PolicyFieldsValidator : AbstractValidator<PolicyFields>
{
    public const int MaxBodyLength = 200_000;

    public PolicyFieldsValidator()
    {
        RuleFor(p => p.DocumentNumber).MaximumLength(100);
        RuleFor(p => p.Titles).NotNull().MustBeText(300, required: true);
        RuleFor(p => p.Summaries).NotNull().MustBeText(4000, required: false);
        RuleFor(p => p.Bodies.Zh).NotNull().MaximumLength(MaxBodyLength).OverridePropertyName("bodies.zh");
        RuleFor(p => p.Bodies.En).MaximumLength(MaxBodyLength).OverridePropertyName("bodies.en");
        RuleFor(p => p.IssuerCode).MustBeCode().When(p => p.IssuerCode is not null);
        RuleFor(p => p.Role).IsInEnum();
        RuleFor(p => p.ImplementsId).MustBeCode().When(p => p.ImplementsId is not null);
        RuleFor(p => p.ImplementsId).Null().When(p => p.Role != PolicyRole.Supporting)
            .WithMessage(_ => Lang.Pick("只有配套政策（supporting）才能实施核心政策。", "Only a supporting document implements a core policy."));
        RuleFor(p => p.Categories).MustHaveAtMost(20);
        RuleForEach(p => p.Categories).IsInEnum();
        RuleFor(p => p.Industries).MustHaveAtMost(20);
        RuleForEach(p => p.Industries).IsInEnum();
        RuleFor(p => p.ParkCodes).MustHaveAtMost(50);
        RuleForEach(p => p.ParkCodes).MustBeCode();
        RuleFor(p => p.EffectiveFrom).Null().When(p => p.IssuedOn is null)
            .WithMessage(_ => Lang.Pick("未发布的文件没有生效日期。", "A document that is not issued has no effective date."));
        RuleFor(p => p.ExpiresOn).GreaterThanOrEqualTo(p => p.EffectiveFrom ?? p.IssuedOn)
            .When(p => p.ExpiresOn is not null && (p.EffectiveFrom ?? p.IssuedOn) is not null);
        RuleFor(p => p.IssuedOn).GreaterThanOrEqualTo(p => p.DraftedOn).When(p => p.IssuedOn is not null && p.DraftedOn is not null);
    }
}

/// <summary>Lookups and writes that several policy commands share, inside the command's transaction.</summary>
public static class PolicyWrites
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Infrastructure.Json.JsonSetup.Apply(options);
        return options;
    }

    public sealed record Target(long Id, string Code, PolicyRole Role);

    public static async Task<Target> FindAsync(DbSession session, string id, bool forUpdate, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<Target>(
            "select id, code, role from policies where code = @id" + (forUpdate ? " for update" : ""), new { id }, cancellationToken)
        ?? throw PolicyErrors.NotFound(id);

    /// <summary>The ids of the issuer, parks and implemented core policy the fields name; a 404 names the first unknown one.</summary>
    public static async Task<(long? IssuerId, long[] ParkIds, Target? Implements)> ResolveAsync(DbSession session, string policyId, PolicyFields fields, CancellationToken cancellationToken)
    {
        long? issuerId = null;
        if (fields.IssuerCode is { } issuer)
        {
            issuerId = await session.ExecuteScalarAsync<long?>("select id from organisations where code = @issuer", new { issuer }, cancellationToken)
                ?? throw PolicyErrors.OrganisationNotFound(issuer);
        }

        var parkIds = new List<long>();
        foreach (var code in fields.ParkCodes.Distinct())
        {
            parkIds.Add(await session.ExecuteScalarAsync<long?>("select id from parks where code = @code", new { code }, cancellationToken)
                ?? throw ParkErrors.NotFound(code));
        }

        Target? implements = null;
        if (fields.ImplementsId is { } target)
        {
            implements = await FindAsync(session, target, forUpdate: false, cancellationToken);
            if (implements.Role != PolicyRole.Core)
            {
                throw PolicyErrors.ImplementsNeedsCore(policyId, target);
            }
        }
        return (issuerId, parkIds.ToArray(), implements);
    }

    public static async Task EnsureDocumentNumberFreeAsync(DbSession session, string? documentNumber, long? exceptId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(documentNumber))
        {
            return;
        }
        var taken = await session.ExecuteScalarAsync<bool>(
            "select exists (select 1 from policies where document_number = @number and id is distinct from @exceptId)",
            new { number = documentNumber.Trim(), exceptId }, cancellationToken);
        if (taken)
        {
            throw PolicyErrors.DocumentNumberTaken(documentNumber.Trim());
        }
    }

    /// <summary>A core policy that supporting documents implement cannot stop being core under them.</summary>
    public static async Task EnsureNotImplementedAsync(DbSession session, Target core, CancellationToken cancellationToken)
    {
        var implementers = (await session.Connection.QueryAsync<string>(new CommandDefinition("""
            select p.code from policy_relations r join policies p on p.id = r.from_policy_id
            where r.to_policy_id = @Id and r.kind = 'implements' order by p.code
            """, new { core.Id }, session.Transaction, cancellationToken: cancellationToken))).ToList();
        if (implementers.Count > 0)
        {
            throw PolicyErrors.HasRelations(core.Code, implementers);
        }
    }

    public static object Columns(PolicyFields fields, long? issuerId) => new
    {
        DocumentNumber = string.IsNullOrWhiteSpace(fields.DocumentNumber) ? null : fields.DocumentNumber.Trim(),
        TitleZh = fields.Titles.Zh.Trim(),
        TitleEn = fields.Titles.En.Trim(),
        SummaryZh = fields.Summaries.Zh.Trim(),
        SummaryEn = fields.Summaries.En.Trim(),
        BodyZh = fields.Bodies.Zh,
        BodyEn = string.IsNullOrWhiteSpace(fields.Bodies.En) ? null : fields.Bodies.En,
        IssuerId = issuerId,
        Role = fields.Role.ToDb(),
        Categories = fields.Categories.Distinct().Select(c => c.ToDb()).ToArray(),
        Industries = fields.Industries.Distinct().Select(i => i.ToDb()).ToArray(),
        fields.DraftedOn,
        fields.IssuedOn,
        EffectiveFrom = fields.EffectiveFrom ?? fields.IssuedOn,
        fields.ExpiresOn,
        fields.Illustrative,
    };

    /// <summary>
    /// Relations and measures are part of what a document's GET answers, so a change to them is a new version of the
    /// document: a new ETag (a stale If-Match is refused), an entry in the change feed, and a version whose content is
    /// the document's as it was, recorded by whoever made the change. A document already written in this transaction
    /// (created or edited together with its measures, as an import does) has its new version already.
    /// </summary>
    public static Task RecordNewVersionAsync(DbSession session, long[] policyIds, DateTimeOffset recordedAt, string recordedBy, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            with raised as (
                update policies set version = version + 1, updated_at = now()
                where id = any(@policyIds) and not policy_versioned_in_transaction(id)
                returning id, version
            )
            insert into policy_versions (policy_id, version, content, recorded_at, recorded_by)
            select r.id, r.version, latest.content, @recordedAt, @recordedBy
            from raised r
            cross join lateral (select content from policy_versions v where v.policy_id = r.id order by v.version desc limit 1) latest
            cross join lateral note_policy_versioned(r.id)
            """, new { policyIds = policyIds.Distinct().ToArray(), recordedAt, recordedBy }, cancellationToken);

    /// <summary>Replaces the parks and the implements relation, and records the content as a new version.</summary>
    public static async Task SaveDependentsAsync(DbSession session, long policyId, PolicyFields fields, long[] parkIds, Target? implements,
        int version, DateTimeOffset recordedAt, string recordedBy, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("""
            delete from policy_parks where policy_id = @policyId;
            insert into policy_parks (policy_id, park_id) select @policyId, unnest(@parkIds);
            delete from policy_relations where from_policy_id = @policyId and kind = 'implements';
            """, new { policyId, parkIds }, cancellationToken);
        if (implements is not null)
        {
            await session.ExecuteAsync(
                "insert into policy_relations (from_policy_id, to_policy_id, kind) values (@policyId, @targetId, 'implements')",
                new { policyId, targetId = implements.Id }, cancellationToken);
        }
        await session.ExecuteAsync("""
            insert into policy_versions (policy_id, version, content, recorded_at, recorded_by)
            values (@policyId, @version, @content::jsonb, @recordedAt, @recordedBy);
            select note_policy_versioned(@policyId);
            """, new { policyId, version, content = Snapshot(fields), recordedAt, recordedBy }, cancellationToken);
    }

    /// <summary>The content as one JSON document, normalised so that equal content gives equal JSON.</summary>
    public static string Snapshot(PolicyFields fields) => JsonSerializer.Serialize(new PolicyFields
    {
        DocumentNumber = string.IsNullOrWhiteSpace(fields.DocumentNumber) ? null : fields.DocumentNumber.Trim(),
        Titles = new() { Zh = fields.Titles.Zh.Trim(), En = fields.Titles.En.Trim() },
        Summaries = new() { Zh = fields.Summaries.Zh.Trim(), En = fields.Summaries.En.Trim() },
        Bodies = new PolicyBody { Zh = fields.Bodies.Zh, En = string.IsNullOrWhiteSpace(fields.Bodies.En) ? null : fields.Bodies.En },
        IssuerCode = fields.IssuerCode,
        Role = fields.Role,
        ImplementsId = fields.ImplementsId,
        Categories = fields.Categories.Distinct().Order().ToList(),
        Industries = fields.Industries.Distinct().Order().ToList(),
        ParkCodes = fields.ParkCodes.Distinct().Order(StringComparer.Ordinal).ToList(),
        DraftedOn = fields.DraftedOn,
        IssuedOn = fields.IssuedOn,
        EffectiveFrom = fields.EffectiveFrom ?? fields.IssuedOn,
        ExpiresOn = fields.ExpiresOn,
        Illustrative = fields.Illustrative,
    }, Json);

    public static PolicyFields ReadSnapshot(string json)
    {
        var content = JsonNode.Parse(json)!.AsObject();
        // Versions stored before read and write shared one shape name the texts title, summary and body; history is
        // never rewritten, so the reader maps them.
        foreach (var (old, current) in LegacyMembers)
        {
            if (content[old] is { } value && !content.ContainsKey(current))
            {
                content.Remove(old);
                content[current] = value;
            }
        }
        return content.Deserialize<PolicyFields>(LenientJson)!;
    }

    private static readonly (string Old, string Current)[] LegacyMembers = [("title", "titles"), ("summary", "summaries"), ("body", "bodies")];

    // Versions written by the seed carry only what SQL could build; read them without the strict API rules.
    private static readonly JsonSerializerOptions LenientJson = new(Json)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
        RespectRequiredConstructorParameters = false,
    };
}
