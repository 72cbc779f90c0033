namespace Gaoxin.Api.Infrastructure.Errors;

public static class ProblemTypes
{
    /// <summary>
    /// Every problem's <c>type</c> is a URN built from its stable code (RFC 9457 allows a URI that is not a web page);
    /// the README lists the codes.
    /// </summary>
    public static string For(string code) => $"urn:gaoxin:problem:{code}";
}
