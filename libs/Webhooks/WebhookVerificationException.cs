namespace Platform.Webhooks;

/// <summary>A delivery that must not be trusted: a header is missing, its timestamp is too old or new, or no signature matches.</summary>
public sealed class WebhookVerificationException(string message) : Exception(message);
