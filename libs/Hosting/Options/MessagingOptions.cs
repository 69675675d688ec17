using System.ComponentModel.DataAnnotations;

namespace Platform.Hosting.Options;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>
    /// How long a stopping service lets in-flight batches finish (at least the longest batch); past it they are cancelled
    /// and go back to the queue for another worker. The host's shutdown timeout is set a little longer.
    /// </summary>
    [Range(1, 3600)]
    public int StopTimeoutSeconds { get; set; } = 120;
}
