using Azure.Core;
using Azure.Core.Pipeline;

namespace Platform.Storage.IntegrationTests.Blobs;

/// <summary>Counts "list blobs" requests, to see that listing really goes page by page.</summary>
internal sealed class ListRequestCounter : HttpPipelineSynchronousPolicy
{
    private int requests;

    public int Requests => requests;

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Uri.Query.Contains("comp=list", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref requests);
        }
    }
}
