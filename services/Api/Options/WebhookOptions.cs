using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Options;

/// <summary>How job events are delivered to webhook receivers (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Lets webhook URLs reach loopback, private, link-local and metadata addresses; for tests and closed networks only.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Delay before each attempt, comma-separated (<c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>); after the last the delivery has failed.</summary>
    [Required]
    [RegularExpression(Webhooks.RetrySchedule.Pattern, ErrorMessage = "Webhooks:RetrySchedule must be comma-separated delays such as '0s,5s,5m,2h'.")]
    public string RetrySchedule { get; set; } = "0s,5s,5m,30m,2h,5h,10h";

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One attempt, from connecting to the end of the response excerpt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an endpoint's secret keeps signing beside its replacement after a rotation.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan RotatedSecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The Api's public address, for absolute links in payloads; relative links when unset.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
