using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.Authentication;

internal static class ApiKeyOpenApi
{
    /// <summary>Declares the API key as the document's bearer scheme, so that generated clients and UIs send it.</summary>
    public static OpenApiOptions AddApiKeyScheme(this OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "pk_<key id>_<secret>",
            Description = $"An API key, as 'Authorization: Bearer pk_…' (or '{ApiKeyDefaults.Header}: pk_…'). Not needed in Development.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, document)] = [] }];
        return Task.CompletedTask;
    });
}
