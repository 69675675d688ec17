using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Apis.Models;
using Platform.Api.Tenancy;
using Platform.Api.Webhooks;

namespace Platform.Api.Apis;

public static class WebhookDeliveriesApi
{
    public static RouteGroupBuilder MapWebhookDeliveriesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/jobs/{id:guid}/webhook-deliveries").WithTags("Webhooks");
        api.MapGet("/", ListAsync);
        api.MapPost("/{delivery}/redeliver", RedeliverAsync);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryResponse>>, NotFound>> ListAsync(
        Guid id, ICurrentTenant tenant, WebhookDeliveryQueries queries, CancellationToken cancellationToken) =>
        await queries.ForJobAsync(tenant.Id, id, cancellationToken) is { } deliveries ? TypedResults.Ok(deliveries) : TypedResults.NotFound();

    /// <param name="delivery">The delivery's id, or its <c>webhook-id</c>.</param>
    private static async Task<Results<Accepted<WebhookDeliveryResponse>, NotFound, ProblemHttpResult>> RedeliverAsync(
        Guid id, string delivery, ICurrentTenant tenant, WebhookDeliveryQueries queries, WebhookRedelivery redelivery, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(tenant.Id, id, delivery, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }
        if (!await redelivery.RedeliverAsync(found, cancellationToken))
        {
            return TypedResults.Problem(
                $"Webhook endpoint {found.EndpointId} is disabled; it gets no more deliveries.", statusCode: StatusCodes.Status409Conflict, title: "Endpoint disabled");
        }
        return TypedResults.Accepted($"/v1/jobs/{id}/webhook-deliveries", await queries.DescribeAsync(found.Id, cancellationToken));
    }
}
