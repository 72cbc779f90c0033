using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Features.Policies;

/// <summary>A stored version of a document, as both version reads select it.</summary>
internal sealed class VersionRow
{
    public const string Select = """
        select v.version, v.content::text as content_json, recorded_time(v.recorded_txid, v.recorded_at) as recorded_at, v.recorded_by
        from policy_versions v join policies p on p.id = v.policy_id
        where p.code = @Id
        """;

    public int Version { get; init; }
    public string ContentJson { get; init; } = "";
    public DateTime RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";

    public PolicyVersionDto ToDto() => new()
    {
        Version = Version,
        RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)),
        RecordedBy = RecordedBy,
        Content = PolicyWrites.ReadSnapshot(ContentJson),
    };
}
