using System.ComponentModel.DataAnnotations;

namespace Platform.Storage.Fetching;

/// <summary>How inputs named by URL or blob path are fetched (section <c>Fetching</c>).</summary>
public sealed class FetchingOptions
{
    public const string Section = "Fetching";

    /// <summary>Lets URLs reach loopback, private, link-local and metadata addresses; for tests and closed networks only.</summary>
    public bool AllowPrivateNetworks { get; set; }

    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 16;

    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 50L << 20;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One attempt, from sending the request to the response headers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reading the body once the headers are in.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 5xx, 408, 429 or timeout; never after another 4xx.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;
}
