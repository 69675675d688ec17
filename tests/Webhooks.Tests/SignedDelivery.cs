using System.Globalization;
using System.Text;

namespace Platform.Webhooks.Tests;

/// <summary>A delivery as a receiver gets it: headers by name and the raw body.</summary>
internal sealed record SignedDelivery(Dictionary<string, string> Headers, byte[] Body)
{
    public static SignedDelivery Create(string id, DateTimeOffset timestamp, string body, string signature) => new(
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [WebhookHeaderNames.Id] = id,
            [WebhookHeaderNames.Timestamp] = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            [WebhookHeaderNames.Signature] = signature,
        },
        Encoding.UTF8.GetBytes(body));

    public static SignedDelivery Signed(string id, DateTimeOffset timestamp, string body, string secret) =>
        Create(id, timestamp, body, WebhookSignature.Sign(id, timestamp, Encoding.UTF8.GetBytes(body), secret));

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public void Verify(string secret, DateTimeOffset now) =>
        WebhookVerifier.Verify(Header, Body, secret, WebhookVerifier.DefaultTolerance, now);
}
