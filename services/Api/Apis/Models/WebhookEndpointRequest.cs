namespace Platform.Api.Apis.Models;

/// <summary>The body of <c>POST /v1/webhooks/endpoints</c>: where to deliver, and which events (or <c>["*"]</c> for all).</summary>
public sealed record WebhookEndpointRequest(Uri? Url, IReadOnlyList<string>? Events, string? Description);
