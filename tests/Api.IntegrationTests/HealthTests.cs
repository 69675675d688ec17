using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.IntegrationTests.Infrastructure;

namespace Platform.Api.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class HealthTests(StackFixture stack)
{
    [Fact]
    public async Task Readiness_checks_postgres_rabbitmq_blob_storage_and_the_schema()
    {
        var ready = await Poll.UntilAsync(
            () => stack.Client.GetAsync("/health/ready"), response => response.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "readiness");

        var checks = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("blob-storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("schema").GetProperty("status").GetString());
        Assert.Contains(checks.EnumerateObject(), check => check.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_openapi_document_and_the_dashboard_are_served()
    {
        var openApi = await stack.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/v1/jobs/captions", out _));

        var dashboard = await stack.Client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }
}
