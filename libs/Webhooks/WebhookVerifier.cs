using System.Globalization;
using System.Security.Cryptography;

namespace Platform.Webhooks;

/// <summary>
/// Checks a received delivery as Standard Webhooks prescribes: the timestamp is within the tolerance of now (an
/// old delivery replayed is refused) and one of the <c>v1</c> signatures is the HMAC of exactly the bytes received
/// (a body re-serialised, re-ordered or altered in any way is refused). Compare constant-time.
/// </summary>
public static class WebhookVerifier
{
    /// <summary>The tolerance Standard Webhooks recommends.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <param name="header">Looks a request header up by name (case-insensitively, as HTTP headers are); null when absent.</param>
    /// <param name="body">The raw body bytes as received, before any JSON parsing.</param>
    /// <param name="secret">The endpoint's <c>whsec_</c> secret.</param>
    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/> either way.</param>
    /// <param name="now">The receiver's clock; the system clock when null.</param>
    /// <exception cref="WebhookVerificationException">The delivery must be rejected.</exception>
    public static void Verify(Func<string, string?> header, ReadOnlySpan<byte> body, string secret, TimeSpan tolerance, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var id = Required(header, WebhookHeaderNames.Id);
        var timestampText = Required(header, WebhookHeaderNames.Timestamp);
        var signatures = Required(header, WebhookHeaderNames.Signature);
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw new WebhookVerificationException($"'{WebhookHeaderNames.Timestamp}' is not Unix seconds.");
        }
        var current = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        if (Math.Abs(current - timestamp) > (long)tolerance.TotalSeconds)
        {
            throw new WebhookVerificationException($"'{WebhookHeaderNames.Timestamp}' is more than {tolerance.TotalSeconds:0}s from now: a replayed or delayed delivery.");
        }
        var expected = WebhookSignature.Compute(id, timestamp, body, WebhookSecret.KeyOf(secret));
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.StartsWith(WebhookSignature.VersionPrefix, StringComparison.Ordinal)
                && TryDecode(candidate[WebhookSignature.VersionPrefix.Length..], out var given)
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return;
            }
        }
        throw new WebhookVerificationException("No 'v1' signature matches the body with this secret.");
    }

    private static string Required(Func<string, string?> header, string name) =>
        header(name) is { Length: > 0 } value ? value : throw new WebhookVerificationException($"The '{name}' header is missing.");

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        bytes = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}
