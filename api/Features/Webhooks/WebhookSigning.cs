using System.Security.Cryptography;
using System.Text;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>
/// Standard Webhooks' symmetric signature: HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as
/// <c>v1,{base64}</c>; several space-separated while a rotated secret still signs. Secrets travel as <c>whsec_{base64}</c>.
/// </summary>
public static class WebhookSigning
{
    public const string SecretPrefix = "whsec_";

    public static string Sign(ReadOnlySpan<byte> key, string messageId, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}")));

    public static string Header(IEnumerable<byte[]> keys, string messageId, long timestamp, string body) =>
        string.Join(' ', keys.Select(key => Sign(key, messageId, timestamp, body)));

    public static string Format(byte[] key) => SecretPrefix + Convert.ToBase64String(key);

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);
}
