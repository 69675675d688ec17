using Platform.Api.Apis.Models;
using Platform.Data.Entities;

namespace Platform.Api.Webhooks;

/// <summary>Checks an endpoint registration: its URL by the webhook URL policy, its event filter, its description.</summary>
internal sealed class WebhookEndpointValidator(WebhookUrlPolicy urls)
{
    public WebhookUrlProblem? Check(WebhookEndpointRequest request)
    {
        if (urls.Check("url", request.Url) is { } urlProblem)
        {
            return urlProblem;
        }
        if (request.Events is not { Count: > 0 } events)
        {
            return Invalid($"'events' must list event types ({string.Join(", ", WebhookEvents.All)}) or be [\"{WebhookEndpoint.AllEvents}\"].");
        }
        if (events.FirstOrDefault(e => e != WebhookEndpoint.AllEvents && !WebhookEvents.All.Contains(e)) is { } unknown)
        {
            return Invalid($"'{unknown}' is not an event type; known: {string.Join(", ", WebhookEvents.All)}, or \"{WebhookEndpoint.AllEvents}\".");
        }
        if (events.Contains(WebhookEndpoint.AllEvents) && events.Count > 1)
        {
            return Invalid($"\"{WebhookEndpoint.AllEvents}\" already means every event: give it alone.");
        }
        return request.Description is { Length: > 500 } ? Invalid("'description' is longer than 500 characters.") : null;
    }

    private static WebhookUrlProblem Invalid(string detail) => new(StatusCodes.Status400BadRequest, detail);
}
