extern alias Cli;

using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.IntegrationTests.Infrastructure;

namespace Platform.Api.IntegrationTests;

/// <summary>The Api as Production runs it: API keys on every /v1 endpoint, admin keys for /v1/admin, a per-key rate limit.</summary>
[Collection(StackCollection.Name)]
public sealed class ProductionAuthenticationTests(StackFixture stack)
{
    private HttpClient Client(string? key = null)
    {
        var client = stack.Production.CreateClient();
        return key is null ? client : StackFixture.WithKey(client, key);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Without_a_key_v1_is_401_with_a_challenge_and_creates_nothing()
    {
        using var client = Client();
        var datasetsBefore = await stack.Database.CountAsync("SELECT count(*) FROM datasets");

        var list = await client.GetAsync("/v1/jobs");
        var upload = await client.PostAsync("/v1/datasets", new StringContent("id,image\na,https://images.example/a.jpg\n", Encoding.UTF8, "text/csv"));

        var problem = await AssertProblemAsync(list, HttpStatusCode.Unauthorized);
        Assert.Contains("API key is required", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", list.Headers.WwwAuthenticate.Single().Scheme);
        await AssertProblemAsync(upload, HttpStatusCode.Unauthorized);
        Assert.Equal(datasetsBefore, await stack.Database.CountAsync("SELECT count(*) FROM datasets"));
    }

    [Fact]
    public async Task Health_is_open_and_the_dashboard_needs_its_credentials()
    {
        using var client = Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var closed = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        Assert.Equal("Basic", closed.Headers.WwwAuthenticate.Single().Scheme);
        client.DefaultRequestHeaders.Authorization = Basic("operator", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
        client.DefaultRequestHeaders.Authorization = Basic("operator", StackFixture.ProductionSettings["Dashboard:Password"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task A_key_works_as_bearer_token_or_header_and_its_use_is_recorded()
    {
        var issued = await stack.IssueKeyAsync();
        using var bearer = Client(issued.Token);
        using var header = Client();
        header.DefaultRequestHeaders.Add("X-Api-Key", issued.Token);

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/v1/datasets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/v1/datasets")).StatusCode);
        Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM api_keys WHERE id = @id AND last_used_at IS NOT NULL", ("id", issued.Key.Id)));
    }

    [Fact]
    public async Task Only_an_admin_key_manages_tenants_and_keys_and_a_revoked_key_stops_working()
    {
        using var admin = Client((await stack.IssueKeyAsync(admin: true)).Token);
        using var plain = Client((await stack.IssueKeyAsync()).Token);
        var name = $"acme-{Guid.NewGuid():N}";

        await AssertProblemAsync(await plain.PostAsJsonAsync("/v1/admin/tenants", new { name }), HttpStatusCode.Forbidden);
        var tenant = await admin.PostAsJsonAsync("/v1/admin/tenants", new { name });
        Assert.Equal(HttpStatusCode.Created, tenant.StatusCode);
        var tenantId = (await tenant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AssertProblemAsync(await admin.PostAsJsonAsync("/v1/admin/tenants", new { name }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await admin.PostAsJsonAsync("/v1/admin/keys", new { tenantId = Guid.NewGuid(), name = "x" }), HttpStatusCode.UnprocessableEntity);

        var created = await admin.PostAsJsonAsync("/v1/admin/keys", new { tenantId, name = "ci" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var tenantClient = Client(key.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await tenantClient.GetAsync("/v1/datasets")).StatusCode);
        var listed = (await admin.GetFromJsonAsync<JsonElement>($"/v1/admin/keys?tenantId={tenantId}")).EnumerateArray().Single();
        Assert.False(listed.TryGetProperty("key", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/admin/keys/{key.GetProperty("id").GetGuid()}")).StatusCode);
        var revoked = await AssertProblemAsync(await tenantClient.GetAsync("/v1/datasets"), HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", revoked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/v1/admin/keys/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Platform_keys_create_bootstraps_an_admin_key_and_reuses_an_existing_tenant()
    {
        var tenant = $"ops-{Guid.NewGuid():N}";

        var (code, key, message) = await PlatformKeysCreateAsync("--tenant", tenant, "--admin", "--name", "bootstrap");
        var (againCode, _, _) = await PlatformKeysCreateAsync("--tenant", tenant);

        Assert.Equal(0, code);
        Assert.Equal(0, againCode);
        Assert.StartsWith("pk_", key, StringComparison.Ordinal);
        Assert.Contains($"tenant '{tenant}'", message, StringComparison.Ordinal);
        using var admin = Client(key);
        var tenants = await admin.GetFromJsonAsync<JsonElement>("/v1/admin/tenants");
        var tenantId = tenants.EnumerateArray().Single(t => t.GetProperty("name").GetString() == tenant).GetProperty("id").GetGuid();
        Assert.Equal(2, await stack.Database.CountAsync("SELECT count(*) FROM api_keys WHERE tenant_id = @tenant", ("tenant", tenantId)));
        Assert.Equal(1, await stack.Database.CountAsync("SELECT count(*) FROM api_keys WHERE tenant_id = @tenant AND is_admin", ("tenant", tenantId)));
    }

    [Fact]
    public async Task A_burst_over_the_limit_is_429_with_retry_after_for_that_key_only()
    {
        var limit = int.Parse(StackFixture.ProductionSettings["RateLimits:TokenLimit"], System.Globalization.CultureInfo.InvariantCulture);
        using var noisy = Client((await stack.IssueKeyAsync()).Token);
        using var quiet = Client((await stack.IssueKeyAsync()).Token);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < limit + 10; i++)
        {
            var response = await noisy.GetAsync("/v1/datasets");
            statuses.Add(response.StatusCode);
            rejected ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.All(statuses.Take(limit), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(statuses.Skip(limit), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        var problem = await AssertProblemAsync(rejected!, HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many requests", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.InRange(rejected!.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 3600);
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync("/v1/datasets")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_is_open_and_declares_the_key_as_bearer_scheme()
    {
        using var client = Client();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public void Every_v1_endpoint_requires_a_caller_and_is_rate_limited()
    {
        var endpoints = stack.Production.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true)
            .ToList();

        Assert.True(endpoints.Count > 15, $"only {endpoints.Count} /v1 endpoints found");
        Assert.All(endpoints, endpoint =>
        {
            Assert.NotEmpty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            Assert.Empty(endpoint.Metadata.GetOrderedMetadata<IAllowAnonymous>());
            Assert.NotNull(endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>());
        });
    }

    private async Task<(int Code, string Output, string Error)> PlatformKeysCreateAsync(params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { Cli::Platform.Cli.Commands.KeysCommand.Create() };
        var code = await root.Parse(["keys", "create", "--connection", stack.Database.ConnectionString, .. options])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString().Trim(), error.ToString());
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
