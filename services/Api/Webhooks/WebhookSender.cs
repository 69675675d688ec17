using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Api.Options;
using Platform.Data.Entities;
using Platform.Storage.Fetching;
using Platform.Webhooks;

namespace Platform.Api.Webhooks;

/// <summary>
/// Makes one signed attempt to deliver, through the guarded <see cref="HttpClientName"/> client (every connection's
/// resolved address checked, no redirects followed), within the attempt timeout. Never throws for what the receiver
/// or the network does: that is the outcome.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "webhooks";
    private const int ExcerptChars = 1024;

    public async Task<WebhookAttemptOutcome> SendAsync(WebhookDelivery delivery, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        var timestamp = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookHeaderNames.Id, delivery.WebhookId);
        request.Headers.Add(WebhookHeaderNames.Timestamp, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaderNames.Signature, WebhookSignature.SignWithAll(delivery.WebhookId, timestamp, body, secrets));

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Value.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var excerpt = await ReadExcerptAsync(response, attempt.Token);
            return new WebhookAttemptOutcome((int)response.StatusCode, ElapsedMs(started), excerpt, null);
        }
        catch (Exception exception) when (BlockedAddressException.FindIn(exception) is { } blocked)
        {
            return new WebhookAttemptOutcome(null, ElapsedMs(started), null, $"blocked_address: {blocked.Message}", AddressRefused: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptOutcome(null, ElapsedMs(started), null, $"timeout: no complete answer within {options.Value.AttemptTimeout.TotalSeconds:0.#}s");
        }
        catch (HttpRequestException exception)
        {
            return new WebhookAttemptOutcome(null, ElapsedMs(started), null, $"connection_failed: {exception.Message}");
        }
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[ExcerptChars];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
