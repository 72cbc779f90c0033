using System.Data;
using Dapper;

namespace Gaoxin.Api.Infrastructure.Database;

/// <summary>Dapper 2.1 reads DateOnly but refuses it as a parameter; Npgsql itself maps it to <c>date</c> natively.</summary>
public sealed class DateOnlyTypeHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a date."),
    };
}
