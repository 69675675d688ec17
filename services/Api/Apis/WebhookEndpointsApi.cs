using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Apis.Models;
using Platform.Api.Tenancy;
using Platform.Api.Webhooks;

namespace Platform.Api.Apis;

public static class WebhookEndpointsApi
{
    public static RouteGroupBuilder MapWebhookEndpointsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/webhooks/endpoints").WithTags("Webhooks");
        api.MapPost("/", CreateAsync);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapDelete("/{id:guid}", DeleteAsync);
        api.MapPost("/{id:guid}/rotate-secret", RotateSecretAsync);
        return api;
    }

    private static async Task<Results<Created<WebhookEndpointResponse>, ProblemHttpResult>> CreateAsync(
        WebhookEndpointRequest request, ICurrentTenant tenant, WebhookEndpointValidator validator, WebhookEndpointStore store, CancellationToken cancellationToken)
    {
        if (validator.Check(request) is { } problem)
        {
            return TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: "Invalid webhook endpoint");
        }
        var endpoint = await store.CreateAsync(tenant.Id, request.Url!, request.Events!, request.Description, cancellationToken);
        return TypedResults.Created($"/v1/webhooks/endpoints/{endpoint.Id}", endpoint);
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpointResponse>>> ListAsync(ICurrentTenant tenant, WebhookEndpointStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(tenant.Id, cancellationToken));

    private static async Task<Results<Ok<WebhookEndpointResponse>, NotFound>> GetAsync(
        Guid id, ICurrentTenant tenant, WebhookEndpointStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(tenant.Id, id, cancellationToken) is { } endpoint ? TypedResults.Ok(endpoint) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        Guid id, ICurrentTenant tenant, WebhookEndpointStore store, CancellationToken cancellationToken) =>
        await store.DisableAsync(tenant.Id, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<WebhookEndpointResponse>, NotFound>> RotateSecretAsync(
        Guid id, ICurrentTenant tenant, WebhookEndpointStore store, CancellationToken cancellationToken) =>
        await store.RotateSecretAsync(tenant.Id, id, cancellationToken) is { } endpoint ? TypedResults.Ok(endpoint) : TypedResults.NotFound();
}
