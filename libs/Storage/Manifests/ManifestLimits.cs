namespace Platform.Storage.Manifests;

/// <summary>
/// <paramref name="MaxLineLength"/> is in bytes of a physical line, line break included; <paramref name="MaxLines"/>
/// counts physical lines (header and blank lines included), <paramref name="MaxItems"/> the items they hold.
/// </summary>
public sealed record ManifestLimits(int MaxLineLength = 64 * 1024, long MaxItems = 50_000_000, int MaxErrorsReported = 50, long MaxLines = 100_000_000);
