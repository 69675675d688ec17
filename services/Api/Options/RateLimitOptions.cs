using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Options;

/// <summary>A token bucket per API key: bursts up to <see cref="TokenLimit"/> requests, then a steady rate.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; } = 200;

    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; } = 50;

    [Range(1, 86_400)]
    public int ReplenishmentPeriodSeconds { get; set; } = 1;
}
