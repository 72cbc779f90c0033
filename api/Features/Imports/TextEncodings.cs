using System.Text;
using System.Text.Unicode;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// CSV from Excel arrives as UTF-8 with or without a BOM, or as GB18030 (GBK). The charset parameter decides when
/// given; otherwise the first 64 KiB are checked and, if they are not valid UTF-8, the file is read as GB18030.
/// </summary>
public static class TextEncodings
{
    private const int SniffBytes = 64 * 1024;

    public static readonly Encoding Utf8Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
    }

    public static bool IsSupportedCharset(string? charset) => Named(charset) is not null || string.IsNullOrEmpty(charset);

    private static Encoding? Named(string? charset) => charset?.Trim('"').ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => Utf8Strict,
        "gb18030" or "gbk" or "gb2312" => Gb18030,
        _ => null,
    };

    /// <summary>A reader over the whole body in its encoding; the sniffed bytes are replayed, not lost.</summary>
    public static async Task<TextReader> DetectAsync(Stream body, string? charset, CancellationToken cancellationToken)
    {
        var prefix = new byte[SniffBytes];
        var length = 0;
        while (length < prefix.Length)
        {
            var read = await body.ReadAsync(prefix.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }
            length += read;
        }
        var sniffed = prefix.AsSpan(0, length);
        var encoding = Named(charset) ?? (LooksLikeUtf8(sniffed, complete: length < SniffBytes) ? Utf8Strict : Gb18030);
        var replay = new ReplayStream(prefix, length, body);
        return new StreamReader(replay, encoding, detectEncodingFromByteOrderMarks: encoding == Utf8Strict, bufferSize: 1 << 16);
    }

    private static bool LooksLikeUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        if (Utf8.IsValid(bytes))
        {
            return true;
        }
        // The sniffed window may cut a multi-byte character in two: forgive up to three trailing bytes.
        for (var cut = 1; !complete && cut <= 3 && cut < bytes.Length; cut++)
        {
            if (Utf8.IsValid(bytes[..^cut]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The sniffed prefix, then the rest of the body.</summary>
    private sealed class ReplayStream(byte[] prefix, int length, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < length)
            {
                var n = Math.Min(buffer.Length, length - _position);
                prefix.AsMemory(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
