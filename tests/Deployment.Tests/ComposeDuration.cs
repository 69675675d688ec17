using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests;

/// <summary>Compose durations as docker-compose renders them: <c>150s</c>, <c>2m30s</c>, <c>1h</c>.</summary>
internal static partial class ComposeDuration
{
    public static TimeSpan Parse(string text)
    {
        var parts = Part().Matches(text);
        Assert.True(parts.Sum(part => part.Length) == text.Length && parts.Count > 0, $"not a duration: '{text}'");
        return parts.Aggregate(TimeSpan.Zero, (total, part) =>
        {
            var value = double.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
            return total + part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                _ => TimeSpan.FromMilliseconds(value),
            };
        });
    }

    [GeneratedRegex(@"(?<value>\d+(\.\d+)?)(?<unit>ms|h|m|s)")]
    private static partial Regex Part();
}
