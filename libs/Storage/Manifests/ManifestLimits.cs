namespace Platform.Storage.Manifests;

/// <summary><paramref name="MaxLineLength"/> is in bytes of a physical line, line break included.</summary>
public sealed record ManifestLimits(int MaxLineLength = 64 * 1024, long MaxItems = 50_000_000, int MaxErrorsReported = 50);
