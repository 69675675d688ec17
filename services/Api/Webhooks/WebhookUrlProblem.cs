namespace Platform.Api.Webhooks;

/// <summary>Why a webhook URL is refused, with the status to answer (400 malformed, 422 a blocked address).</summary>
internal sealed record WebhookUrlProblem(int Status, string Detail);
