using System.Security.Cryptography;

namespace Platform.Webhooks;

/// <summary>Signing secrets as Standard Webhooks writes them: <c>whsec_</c> followed by the base64 key.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>A new secret holding 32 random bytes.</summary>
    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The HMAC key a secret stands for.</summary>
    /// <exception cref="FormatException">The secret is not <c>whsec_</c> + base64 (a bare base64 key is accepted too).</exception>
    public static byte[] KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var encoded = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        var key = Convert.FromBase64String(encoded);
        return key.Length > 0 ? key : throw new FormatException("A webhook secret must not be empty.");
    }
}
