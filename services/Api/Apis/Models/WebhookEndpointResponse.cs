using System.Text.Json.Serialization;
using Platform.Data.Entities;

namespace Platform.Api.Apis.Models;

public sealed record WebhookEndpointResponse(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt)
{
    /// <summary>The <c>whsec_</c> signing secret; only in the answer that created or rotated it, never again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    public static WebhookEndpointResponse From(WebhookEndpoint endpoint) => new(
        endpoint.Id, endpoint.Url, endpoint.Events, endpoint.Description, endpoint.DisabledAt is null, endpoint.DisabledReason,
        endpoint.CreatedAt, endpoint.DisabledAt);
}
