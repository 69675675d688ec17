namespace Platform.Webhooks;

/// <summary>The Standard Webhooks headers every delivery carries.</summary>
public static class WebhookHeaderNames
{
    /// <summary>The message id, the same on every attempt to deliver it: receivers deduplicate on it.</summary>
    public const string Id = "webhook-id";

    /// <summary>Unix seconds when this attempt was signed.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Space-separated <c>v1,&lt;base64 HMAC-SHA256&gt;</c> signatures, one per secret in use.</summary>
    public const string Signature = "webhook-signature";
}
