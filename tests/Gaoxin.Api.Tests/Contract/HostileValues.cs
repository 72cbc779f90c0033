namespace Gaoxin.Api.Tests.Contract;

/// <summary>Values a careless or hostile client sends: boundaries, wrong types, odd Unicode, injection attempts.</summary>
public static class HostileValues
{
    public static readonly string[] Strings =
    [
        "", " ", "\t", "0", "-1", "1.5", "2147483648", "-9223372036854775809", "1e309", "NaN", "Infinity", "true", "null",
        "[]", "{}", "'; drop table parks; --", "../../etc/passwd", "%", "%00", "\u0000", "\u202e\u0635", "🀄🧧", "ＡＢＣ",
        "9999-12-31", "0001-01-01", "9999-12-31T23:59:59", "2023-02-30", "2023-13", "2023-Q5", "2023-Q0", "99999", "2023-03-31T25:00:00",
        "1900-01-01T00:00:00+14:00", "gx_aaaaaaaa_" + new string('b', 32), "a,b,,c,", ",", "haidong,haidong", "<script>alert(1)</script>",
        new string('x', 70), new string('长', 300), new string('z', 5000), "\"", "\\", "*", "W/\"1\"",
    ];

    public static readonly string[] Headers = ["", "*", "\"1\"", "W/\"1\"", "\"99999999999999999999\"", "garbage", "\"0\"", "\"-1\"", new string('"', 1001), "\"1\", \"2\""];

    public static readonly string[] Languages = ["en", "zh-CN", "zh", "xx", "*", "en;q=abc", "en-US,zh;q=0.5", ";;;"];
}
