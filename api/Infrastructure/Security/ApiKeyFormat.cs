using System.Security.Cryptography;
using System.Text;

namespace Gaoxin.Api.Infrastructure.Security;

/// <summary>
/// Keys look like <c>gx_7f3kq2ma_…32 more…</c>: a prefix that identifies the key (stored, shown in lists) and a
/// secret. Only HMAC-SHA256(pepper, key) is stored; the pepper comes from configuration (<c>Auth:KeyPepper</c>),
/// so a copy of the database alone cannot test guesses.
/// </summary>
public sealed class ApiKeyFormat(string pepper)
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o/1/l: keys get read aloud and retyped
    private readonly byte[] _pepper = Encoding.UTF8.GetBytes(pepper);

    public (string Key, string Prefix) Generate()
    {
        var prefix = Random(8);
        return ($"gx_{prefix}_{Random(32)}", prefix);
    }

    public static string? PrefixOf(string key) =>
        key.Length == 44 && key.StartsWith("gx_", StringComparison.Ordinal) && key[11] == '_' ? key[3..11] : null;

    public byte[] Hash(string key) => HMACSHA256.HashData(_pepper, Encoding.UTF8.GetBytes(key));

    public bool Matches(string key, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);

    /// <summary>A 256-bit key for one purpose, derived from the pepper (HKDF-SHA256): other secrets kept in the database
    /// (webhook signing secrets) are encrypted with it, so the pepper stays the one secret an operator guards.</summary>
    public byte[] DeriveKey(string purpose) => HKDF.DeriveKey(HashAlgorithmName.SHA256, _pepper, 32, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>Random text from an alphabet that survives being read aloud (also for other public ids, e.g. webhooks').</summary>
    public static string Random(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
}
