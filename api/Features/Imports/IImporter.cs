using Gaoxin.Contracts.Imports;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// One kind of import: what it is called, the columns it reads, and how it applies rows inside the import's
/// transaction. Each kind is one class; <see cref="ImportEndpoints.AddImports"/> finds it, and nothing else names it.
/// </summary>
public interface IImporter
{
    ImportKind Kind { get; }

    /// <summary>The CSV header (snake_case; JSON uses the same names in camelCase). Empty: rows are read whole.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The columns a file of this format is read by: <see cref="Columns"/>, unless a kind reads JSON records whole.</summary>
    IReadOnlyList<string> ColumnsFor(ImportFormat format) => Columns;

    Task RunAsync(RowReader rows, ImportOptions options, ImportTally tally, CancellationToken cancellationToken);
}
