namespace Gaoxin.Api.Features.Enterprises;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character alphabet
/// (digits and capitals without I, O, S, V, Z); the last is a check character, a weighted sum modulo 31 of the other
/// seventeen. A typing error in one character, or two swapped, changes the check: that is what it is for.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Whether <paramref name="code"/> is well formed and its check character right.</summary>
    public static bool IsValid(string code) =>
        code.Length == Length && code.All(c => Alphabet.Contains(c)) && CheckCharacter(code.AsSpan(0, Length - 1)) == code[^1];

    /// <summary>The check character for the first seventeen characters (each from the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }
}
