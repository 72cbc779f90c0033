using System.Security.Cryptography;
using Gaoxin.Api.Infrastructure.Security;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>
/// Signing secrets at rest: AES-256-GCM with a key derived from the key pepper, stored as nonce ‖ tag ‖ ciphertext.
/// The secret must be readable to sign (unlike an API key, which is only compared), but a copy of the database alone
/// does not give it away. Every API process needs the same pepper, or it cannot read the secrets the others stored.
/// </summary>
public sealed class WebhookSecrets(ApiKeyFormat keys)
{
    private readonly byte[] _key = keys.DeriveKey("gaoxin webhook secrets v1");

    public byte[] Protect(byte[] secret)
    {
        var sealedBox = new byte[12 + 16 + secret.Length];
        var nonce = sealedBox.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, secret, sealedBox.AsSpan(28), sealedBox.AsSpan(12, 16));
        return sealedBox;
    }

    /// <summary>The keys a message is signed with now: the current secret, and the previous one until its overlap ends.</summary>
    public IReadOnlyList<byte[]> SigningKeys(byte[] secret, byte[]? previous, DateTimeOffset? previousUntil, DateTimeOffset now) =>
        previous is not null && previousUntil > now ? [Unprotect(secret), Unprotect(previous)] : [Unprotect(secret)];

    public byte[] Unprotect(byte[] sealedBox)
    {
        var secret = new byte[sealedBox.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(sealedBox.AsSpan(0, 12), sealedBox.AsSpan(28), sealedBox.AsSpan(12, 16), secret);
        return secret;
    }
}
