using System.Net;
using Microsoft.Extensions.Options;
using Platform.Api.Options;
using Platform.Storage.Fetching;

namespace Platform.Api.Webhooks;

/// <summary>
/// Refuses obviously bad webhook URLs when they are given: not absolute http(s), credentials in the URL, or a
/// literal blocked address. Names are checked where it counts, at connect time (<see cref="GuardedConnector"/>),
/// since what a name resolves to can change after this check.
/// </summary>
internal sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options)
{
    public WebhookUrlProblem? Check(string field, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            return new(StatusCodes.Status400BadRequest, $"'{field}' must be an absolute http(s) URL.");
        }
        if (url.UserInfo.Length > 0)
        {
            return new(StatusCodes.Status400BadRequest, $"'{field}' must not carry credentials; deliveries are signed instead.");
        }
        if (url.AbsoluteUri.Length > 2048)
        {
            return new(StatusCodes.Status400BadRequest, $"'{field}' is longer than 2048 characters.");
        }
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(url.DnsSafeHost, out var literal) && !AddressGuard.IsAllowed(literal, options.Value.AllowPrivateNetworks))
        {
            return new(StatusCodes.Status422UnprocessableEntity,
                $"'{field}' points at {literal}, a loopback, private, link-local or metadata address: webhooks may not reach it.");
        }
        return null;
    }
}
