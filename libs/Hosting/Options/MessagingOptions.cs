using System.ComponentModel.DataAnnotations;

namespace Platform.Hosting.Options;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>How long a stopping service waits for in-flight batches; at least the longest batch.</summary>
    [Range(1, 3600)]
    public int StopTimeoutSeconds { get; set; } = 120;
}
