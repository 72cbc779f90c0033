using System.Security.Cryptography;
using System.Text.Json;
using Gaoxin.Contracts.Imports;

namespace Gaoxin.Api.Features.Imports;

/// <summary>What every kind of import shares: its columns, whether to write, and the stored report.</summary>
public static class ImportEngine
{
    public static IReadOnlyList<string> Columns(ImportKind kind) => kind switch
    {
        ImportKind.Observations => ObservationImporter.Columns,
        ImportKind.Parks => ParkImporter.Columns,
        ImportKind.Indicators => IndicatorImporter.Columns,
        _ => PolicyImporter.Columns,
    };

    /// <summary>A dry run writes nothing; an atomic import writes only when no row was rejected.</summary>
    public static bool ShouldWrite(ImportOptions options, ImportTally tally) =>
        !options.DryRun && (options.Mode == ImportMode.Rows || tally.Rejected == 0);

    public static ImportReportDto Report(ImportOptions options, ImportTally tally, bool committed, string requestedBy, DateTimeOffset createdAt, DateTimeOffset finishedAt) => new()
    {
        Id = tally.Id,
        Kind = options.Kind,
        Mode = options.Mode,
        DryRun = options.DryRun,
        Status = ImportStatus.Completed,
        Committed = committed,
        TotalRows = tally.TotalRows,
        Created = tally.Created,
        Updated = tally.Updated,
        Unchanged = tally.Unchanged,
        Rejected = tally.Rejected,
        Problems = tally.ProblemsByLine(),
        ProblemCount = tally.ProblemCount,
        RequestedBy = requestedBy,
        CreatedAt = createdAt,
        FinishedAt = finishedAt,
    };

    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Infrastructure.Json.JsonSetup.Apply(options);
        return options;
    }
}

/// <summary>Hashes every byte that passes, so a replayed Idempotency-Key can be checked against the same body.</summary>
public sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    /// <summary>Reads what the parser left unread (trailing whitespace...), so the hash covers the whole body.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        _hash.AppendData(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        _hash.AppendData(buffer, offset, read);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
