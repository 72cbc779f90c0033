using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Api.Features.Sources;

/// <summary>
/// The columns of a joined <c>sources s</c> row, shared by every read that says where a fact comes from.
/// A row type includes these properties by inheriting <see cref="SourceColumns"/>.
/// </summary>
public abstract class SourceColumns
{
    public const string Columns = """
        s.code as source_code, s.title_zh as source_title_zh, s.title_en as source_title_en,
        s.publisher_zh as source_publisher_zh, s.publisher_en as source_publisher_en, s.published_on as source_published_on
        """;

    public string? SourceCode { get; init; }
    public string? SourceTitleZh { get; init; }
    public string? SourceTitleEn { get; init; }
    public string? SourcePublisherZh { get; init; }
    public string? SourcePublisherEn { get; init; }
    public DateOnly? SourcePublishedOn { get; init; }

    public SourceDto? ToSourceDto() => SourceCode is null ? null : new SourceDto
    {
        Code = SourceCode,
        Title = Lang.Pick(SourceTitleZh ?? "", SourceTitleEn ?? ""),
        Publisher = SourcePublisherZh is null && SourcePublisherEn is null ? null : Lang.Pick(SourcePublisherZh ?? "", SourcePublisherEn ?? ""),
        PublishedOn = SourcePublishedOn,
    };
}
