using Gaoxin.Api.Infrastructure.Errors;
using System.Text;
using System.Text.Json;
using Sylvan.Data.Csv;

namespace Gaoxin.Api.Features.Imports;

public enum ImportFormat
{
    Csv,
    Json,
    NdJson,
}

/// <summary>
/// Rows of an import body, read as they arrive: the body is never held whole. Values come back as strings (or
/// null when empty or absent); each kind parses and checks them. Columns are known per kind, so CSV headers and JSON
/// property names are mapped to ordinals once.
/// </summary>
public abstract class RowReader : IAsyncDisposable
{
    /// <summary>The line of the current row: the CSV record number counting the header as line 1, the NDJSON line,
    /// or the 1-based position in a JSON array.</summary>
    public int Line { get; protected set; }

    /// <summary>Fields present in the current row that the kind does not know (JSON); CSV refuses them in the header.</summary>
    public IReadOnlyList<string> UnknownFields { get; protected set; } = [];

    /// <summary>The current JSON row itself, for kinds whose rows are nested documents (policies).</summary>
    public JsonElement? Raw { get; protected set; }

    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    public abstract string? Get(int ordinal);

    public abstract ValueTask DisposeAsync();

    public static async Task<RowReader> OpenAsync(Stream body, ImportOptions options, IReadOnlyList<string> columns, CancellationToken cancellationToken) =>
        options.Format switch
        {
            ImportFormat.Csv => await CsvRowReader.OpenAsync(body, options.Charset, columns, cancellationToken),
            ImportFormat.Json => new JsonArrayRowReader(body, columns, options.MaxRecordBytes),
            _ => new NdJsonRowReader(body, columns, options.MaxRecordBytes),
        };

    /// <summary>413: one record is larger than <c>Imports:MaxRecordBytes</c>; it is never held whole in memory.</summary>
    protected static ImportFormatException RecordTooLarge(int line, int maxBytes) => new(Problems.ImportRecordTooLarge,
        $"第 {line} 条记录超过了单条记录的上限（{maxBytes} 字节）。", $"Record {line} is larger than one record may be ({maxBytes} bytes).");

    /// <summary>snake_case CSV header → camelCase JSON property (indicator_code → indicatorCode).</summary>
    public static string JsonName(string column)
    {
        var parts = column.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}

/// <summary>A whole-file problem: the import cannot even start (bad header, bad JSON, bad encoding).</summary>
public sealed class ImportFormatException(ProblemKind kind, string zh, string en) : Exception(en)
{
    public ProblemKind Kind { get; } = kind;
    public string Zh { get; } = zh;
    public string En { get; } = en;
}

internal sealed class CsvRowReader : RowReader
{
    private readonly CsvDataReader _csv;
    private readonly int[] _ordinals;

    private CsvRowReader(CsvDataReader csv, int[] ordinals)
    {
        _csv = csv;
        _ordinals = ordinals;
        Line = 1;
    }

    public static async Task<RowReader> OpenAsync(Stream body, string? charset, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var text = await TextEncodings.DetectAsync(body, charset, cancellationToken);
        var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' }, cancellationToken);
        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim().TrimStart('\uFEFF')).ToList();
        var unknown = header.Where(h => h.Length > 0 && !columns.Contains(h)).ToList();
        if (unknown.Count > 0)
        {
            throw new ImportFormatException(Problems.ImportUnknownColumn,
                $"表头含未知列：{string.Join("、", unknown)}。可用列：{string.Join(",", columns)}。",
                $"Unknown columns in the header: {string.Join(", ", unknown)}. The columns are: {string.Join(",", columns)}.");
        }
        return new CsvRowReader(csv, columns.Select(c => header.IndexOf(c)).ToArray());
    }

    public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await _csv.ReadAsync(cancellationToken))
        {
            return false;
        }
        Line++;
        return true;
    }

    public override string? Get(int ordinal)
    {
        var index = _ordinals[ordinal];
        if (index < 0 || index >= _csv.RowFieldCount)
        {
            return null;
        }
        var value = _csv.GetString(index);
        return value.Length == 0 ? null : value;
    }

    public override async ValueTask DisposeAsync() => await _csv.DisposeAsync();
}

/// <summary>Maps one JSON object's properties onto the kind's columns.</summary>
internal static class JsonRow
{
    public static string?[] Read(JsonElement element, IReadOnlyList<string> jsonNames, out IReadOnlyList<string> unknown)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ImportFormatException(Problems.ImportMalformed, "每一行都必须是 JSON 对象。", "Every row must be a JSON object.");
        }
        var values = new string?[jsonNames.Count];
        List<string>? extra = null;
        foreach (var property in element.EnumerateObject())
        {
            var ordinal = IndexOf(jsonNames, property.Name);
            if (ordinal < 0)
            {
                (extra ??= []).Add(property.Name);
                continue;
            }
            values[ordinal] = property.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => property.Value.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => property.Value.GetRawText(), // nested: the kind parses it (policies)
            };
        }
        unknown = extra ?? [];
        return values;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>What the JSON array and NDJSON readers share: a row is a JSON object, read into the kind's columns.</summary>
internal abstract class JsonRowReader(IReadOnlyList<string> columns) : RowReader
{
    private readonly IReadOnlyList<string> _names = columns.Select(JsonName).ToList();
    private string?[] _values = [];

    public override string? Get(int ordinal) => _values[ordinal];

    protected void Map(JsonElement element)
    {
        Raw = element;
        if (_names.Count == 0)
        {
            return; // the kind reads Raw itself
        }
        _values = JsonRow.Read(element, _names, out var unknown);
        UnknownFields = unknown;
    }
}

internal sealed class JsonArrayRowReader(Stream body, IReadOnlyList<string> columns, int maxRecordBytes) : JsonRowReader(columns)
{
    private readonly CountingStream _counted = new(body);
    private IAsyncEnumerator<JsonElement>? _elements;

    public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        // The serializer buffers one element whole before yielding it: bound what it may read for one element (plus its
        // read-ahead buffer), so a single huge record is refused instead of filling memory.
        _counted.Limit = _counted.Position + maxRecordBytes + (1 << 16);
        _counted.OnLimit = () => throw RecordTooLarge(Line + 1, maxRecordBytes);
        _elements ??= JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(_counted, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            if (!await _elements.MoveNextAsync())
            {
                return false;
            }
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(Problems.ImportMalformed,
                $"JSON 在第 {Line + 1} 个元素附近格式错误：{e.Path}。", $"Malformed JSON near element {Line + 1} ({e.Path}). The body must be an array of objects.");
        }
        Line++;
        Map(_elements.Current);
        return true;
    }


    public override async ValueTask DisposeAsync()
    {
        if (_elements is not null)
        {
            await _elements.DisposeAsync();
        }
    }
}

internal sealed class NdJsonRowReader(Stream body, IReadOnlyList<string> columns, int maxRecordBytes) : JsonRowReader(columns)
{
    // Strict UTF-8, as for CSV: invalid bytes are refused (import.invalid-encoding), never silently replaced.
    private readonly StreamReader _text = new(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
    private readonly char[] _buffer = new char[1 << 14];
    private int _start;
    private int _end;

    /// <summary>The next line, or null at the end; a line longer than one record may be is refused, not buffered.</summary>
    private async Task<string?> ReadBoundedLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await _text.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    return line.Length > 0 ? line.ToString() : null;
                }
            }
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.Append(_buffer, _start, stop - _start);
            _start = newline < 0 ? _end : newline + 1;
            if (line.Length > maxRecordBytes)
            {
                throw RecordTooLarge(Line + 1, maxRecordBytes);
            }
            if (newline >= 0)
            {
                return line.ToString().TrimEnd('\r');
            }
        }
    }

    public override async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await ReadBoundedLineAsync(cancellationToken);
            if (line is null)
            {
                return false;
            }
            Line++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(line);
                Map(document.RootElement.Clone());
                return true;
            }
            catch (JsonException)
            {
                throw new ImportFormatException(Problems.ImportMalformed, $"第 {Line} 行不是有效的 JSON。", $"Line {Line} is not valid JSON.");
            }
        }
    }


    public override ValueTask DisposeAsync()
    {
        _text.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Counts the bytes read through it and calls <see cref="OnLimit"/> once they pass <see cref="Limit"/>.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long Limit { get; set; } = long.MaxValue;

    public Action OnLimit { get; set; } = () => { };

    public override long Position { get; set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Position += read;
        if (Position > Limit)
        {
            OnLimit();
        }
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
