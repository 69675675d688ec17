using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Webhooks;

/// <summary>Standard Webhooks signatures: <c>v1,</c> + base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.</summary>
public static class WebhookSignature
{
    public const string VersionPrefix = "v1,";

    /// <summary>The <c>webhook-signature</c> value for one secret.</summary>
    public static string Sign(string webhookId, DateTimeOffset timestamp, ReadOnlySpan<byte> body, string secret) =>
        VersionPrefix + Convert.ToBase64String(Compute(webhookId, timestamp.ToUnixTimeSeconds(), body, WebhookSecret.KeyOf(secret)));

    /// <summary>The <c>webhook-signature</c> value signed with every secret given (space-separated), as during a rotation.</summary>
    public static string SignWithAll(string webhookId, DateTimeOffset timestamp, ReadOnlySpan<byte> body, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var signatures = new List<string>();
        foreach (var secret in secrets)
        {
            signatures.Add(Sign(webhookId, timestamp, body, secret));
        }
        return signatures.Count > 0 ? string.Join(' ', signatures) : throw new ArgumentException("At least one secret is needed.", nameof(secrets));
    }

    internal static byte[] Compute(string webhookId, long unixSeconds, ReadOnlySpan<byte> body, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{webhookId}.{unixSeconds}."));
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return HMACSHA256.HashData(key, content);
    }
}
