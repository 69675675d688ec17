using System.Net;
using System.Text;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Extensions;
using Platform.Api.IntegrationTests.Infrastructure;
using Platform.Api.Options;

namespace Platform.Api.IntegrationTests;

/// <summary>The dashboard is open to loopback callers in Development only; elsewhere only the configured Basic credentials open it.</summary>
[Collection(StackCollection.Name)]
public sealed class DashboardAuthorizationFilterTests(StackFixture stack)
{
    private static readonly DashboardCredentials Configured = new() { Username = "operator", Password = "s3cret" };

    [Theory]
    [InlineData(true, "127.0.0.1", null, true)]
    [InlineData(true, "::1", null, true)]
    [InlineData(true, "10.1.2.3", null, false)]
    [InlineData(true, "10.1.2.3", "operator:s3cret", true)]
    [InlineData(false, "127.0.0.1", null, false)]
    [InlineData(false, "10.1.2.3", "operator:wrong", false)]
    [InlineData(false, "10.1.2.3", "operator:s3cret", true)]
    public void Opens_for_development_loopback_or_the_configured_credentials(bool development, string remote, string? credentials, bool opens)
    {
        var (context, http) = Request(remote, credentials);

        Assert.Equal(opens, new DashboardAuthorizationFilter(development, Configured).Authorize(context));
        Assert.Equal(opens ? "" : "Basic realm=\"Hangfire\"", http.Response.Headers.WWWAuthenticate.ToString());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("operator", null)]
    public void Stays_closed_outside_development_when_no_credentials_are_configured(string? username, string? password)
    {
        var (context, _) = Request("10.1.2.3", $"{username}:{password}");

        Assert.False(new DashboardAuthorizationFilter(false, new DashboardCredentials { Username = username, Password = password }).Authorize(context));
    }

    private (DashboardContext Context, HttpContext Http) Request(string remote, string? credentials)
    {
        var http = new DefaultHttpContext { RequestServices = stack.Services };
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (credentials is not null)
        {
            http.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
        }
        return (new AspNetCoreDashboardContext(stack.Services.GetRequiredService<JobStorage>(), new DashboardOptions(), http), http);
    }
}
