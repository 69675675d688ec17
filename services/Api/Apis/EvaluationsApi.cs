using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Apis.Models;
using Platform.Api.Services;
using Platform.Api.Tenancy;

namespace Platform.Api.Apis;

public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/evaluations").WithTags("Evaluations");
        api.MapGet("/leaderboard", LeaderboardAsync);
        return api;
    }

    private static async Task<Results<Ok<Leaderboard>, ContentHttpResult, ProblemHttpResult>> LeaderboardAsync(
        Guid dataset, ICurrentTenant tenant, MetricQueries queries, CancellationToken cancellationToken, string format = "json", string order = "name")
    {
        if (format is not ("json" or "csv" or "markdown"))
        {
            return TypedResults.Problem("'format' must be json, csv or markdown.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (!Enum.TryParse<LeaderboardOrder>(order, ignoreCase: true, out var rowOrder) || !Enum.IsDefined(rowOrder))
        {
            return TypedResults.Problem("'order' must be name or step.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (await queries.LeaderboardAsync(tenant.Id, dataset, rowOrder, cancellationToken) is not { } board)
        {
            return TypedResults.Problem($"Dataset {dataset} does not exist.", statusCode: StatusCodes.Status404NotFound);
        }
        return format switch
        {
            "csv" => TypedResults.Text(LeaderboardFormats.Csv(board), "text/csv; charset=utf-8"),
            "markdown" => TypedResults.Text(LeaderboardFormats.Markdown(board), "text/markdown; charset=utf-8"),
            _ => TypedResults.Ok(board),
        };
    }
}
