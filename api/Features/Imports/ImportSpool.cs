using System.Security.Cryptography;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// The body of an import, copied to a temporary file (deleted when closed) before any database work starts: a slow
/// client holds a slot and some disk, never a connection, a transaction or a table lock. The copy is bounded by
/// <c>Imports:MaxBodyBytes</c> and hashed on the way, for the Idempotency-Key's fingerprint.
/// </summary>
public sealed class ImportSpool : IAsyncDisposable
{
    private readonly FileStream _file;

    private ImportSpool(FileStream file, string hash, long length)
    {
        _file = file;
        Hash = hash;
        Length = length;
    }

    public string Hash { get; }

    public long Length { get; }

    public static async Task<ImportSpool> ReadAsync(Stream body, long maxBytes, string directory, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.Combine(directory, $"gaoxin-import-{Guid.NewGuid():N}.spool"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
                }
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await file.FlushAsync(cancellationToken);
            return new ImportSpool(file, Convert.ToHexStringLower(hash.GetHashAndReset()), length);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The body from its first byte, for the importer to read; closing it leaves the spool open.</summary>
    public Stream Open()
    {
        _file.Position = 0;
        return new NonClosingStream(_file);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>How many imports may run at once (<c>Imports:MaxConcurrent</c>): past it, 503 <c>import.busy</c> at once.</summary>
public sealed class ImportSlots(Microsoft.Extensions.Options.IOptions<ImportSettings> settings)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, settings.Value.MaxConcurrent));

    public IDisposable? TryTake() => _slots.Wait(0) ? new Slot(_slots) : null;

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
