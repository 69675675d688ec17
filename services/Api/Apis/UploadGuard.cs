using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Api.Apis;

/// <summary>Refuses an upload over the size limit before reading it, and caps what a chunked upload may send.</summary>
internal static class UploadGuard
{
    public static ProblemHttpResult? Check(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return TypedResults.Problem(
                $"The upload is {request.ContentLength} bytes; the limit is {maxBytes}.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large");
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }
        return null;
    }

    public static ProblemHttpResult UnsupportedMediaType(string? contentType, string expected) => TypedResults.Problem(
        $"Content-Type '{contentType}' is not accepted here; send {expected}.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    public static ProblemHttpResult Invalid(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid upload", extensions: extensions);
}
