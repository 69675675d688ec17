namespace Platform.Testing.Webhooks;

/// <summary>One request the test receiver got, as it arrived.</summary>
public sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
