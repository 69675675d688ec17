using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Api.Webhooks;

/// <summary>The delays before each attempt of a delivery, parsed from e.g. <c>0s,5s,5m,30m,2h,5h,10h</c>.</summary>
public static partial class RetrySchedule
{
    public const string Pattern = @"^\s*\d+(ms|s|m|h|d)\s*(,\s*\d+(ms|s|m|h|d)\s*)*$";

    [GeneratedRegex(@"^(\d+)(ms|s|m|h|d)$")]
    private static partial Regex Delay();

    public static IReadOnlyList<TimeSpan> Parse(string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.Split(',', StringSplitOptions.TrimEntries).Select(ParseDelay).ToList();
    }

    private static TimeSpan ParseDelay(string text)
    {
        var match = Delay().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a delay such as 5s, 5m or 2h.");
        }
        var amount = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }
}
