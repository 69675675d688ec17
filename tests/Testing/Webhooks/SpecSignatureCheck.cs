using System.Security.Cryptography;
using System.Text;

namespace Platform.Testing.Webhooks;

/// <summary>
/// The receiver's own check, written from the Standard Webhooks specification and sharing no code with the
/// platform's signer or verifier, so a bug there cannot vouch for itself: the HMAC-SHA256, keyed with the base64
/// after <c>whsec_</c>, of <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>, must equal one of the space-separated
/// <c>v1,</c> signatures.
/// </summary>
public static class SpecSignatureCheck
{
    public static bool IsSignedWith(ReceivedWebhook webhook, string secret)
    {
        var key = Convert.FromBase64String(secret.Split('_', 2)[1]);
        var signed = Encoding.UTF8.GetBytes($"{webhook.Header("webhook-id")}.{webhook.Header("webhook-timestamp")}.")
            .Concat(webhook.Body)
            .ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        return (webhook.Header("webhook-signature") ?? "").Split(' ').Any(signature => signature == expected);
    }
}
