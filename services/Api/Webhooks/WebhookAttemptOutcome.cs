namespace Platform.Api.Webhooks;

/// <summary>What one attempt got: a response (status and the start of its body), or an error and no response.</summary>
internal sealed record WebhookAttemptOutcome(int? StatusCode, long LatencyMs, string? ResponseExcerpt, string? Error, bool AddressRefused = false)
{
    public bool Delivered => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver asks for nothing more.</summary>
    public bool Gone => StatusCode == 410;

    /// <summary>Worth another attempt: anything but success, 410, or an address the guard refuses.</summary>
    public bool Retryable => !Delivered && !Gone && !AddressRefused;
}
