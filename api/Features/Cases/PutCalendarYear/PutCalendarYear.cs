using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Cases;
using MediatR;

namespace Gaoxin.Api.Features.Cases.PutCalendarYear;

/// <summary>Records (or replaces) a year's holiday arrangements as its notice gives them. Answers whether it was new.</summary>
public sealed record PutCalendarYearCommand(int Year, CalendarYear Body) : ICommand<bool>;

public sealed class PutCalendarYearValidator : AbstractValidator<PutCalendarYearCommand>
{
    public PutCalendarYearValidator()
    {
        RuleFor(c => c.Body.Year).Equal(c => c.Year)
            .WithMessage(_ => Lang.Pick("请求体中的年份须与路径中的相同。", "The body's year must be the path's."));
        RuleFor(c => c.Body.Source).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Body.Days).NotNull().MustHaveAtMost(100)
            .Must(days => days is null || days.Select(d => d.Date).Distinct().Count() == days.Count)
            .WithMessage(_ => Lang.Pick("每天至多一条。", "At most one entry a day."));
        RuleForEach(c => c.Body.Days).ChildRules(d =>
        {
            d.RuleFor(x => x.Kind).IsInEnum();
            d.RuleFor(x => x.Names).NotNull().MustBeText(100, required: true);
        });
        RuleForEach(c => c.Body.Days).Must((c, day) => day is null || day.Date.Year == c.Year || (day.Date.Month is 12 or 1 && Math.Abs(day.Date.Year - c.Year) == 1))
            .WithMessage(_ => Lang.Pick("日期须在该年内（元旦、春节假期可跨年）。", "Days lie within the year (New Year and Spring Festival holidays may cross it)."));
    }
}

public sealed class PutCalendarYearHandler(DbSession session, ICaller caller) : IRequestHandler<PutCalendarYearCommand, bool>
{
    private const string Upsert = """
        insert into calendar_years (year, source, days, recorded_at, recorded_by) values (@Year, @Source, @Days::jsonb, now(), @RecordedBy)
        on conflict (year) do update set source = excluded.source, days = excluded.days, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
        returning (xmax = 0)
        """;

    public Task<bool> Handle(PutCalendarYearCommand command, CancellationToken cancellationToken) =>
        session.ExecuteScalarAsync<bool>(Upsert, new { command.Year, command.Body.Source, Days = CalendarYears.DaysToJson(command.Body.Days), RecordedBy = caller.DisplayName }, cancellationToken);
}
