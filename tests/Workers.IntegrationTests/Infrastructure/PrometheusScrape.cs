using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Workers.IntegrationTests.Infrastructure;

/// <summary>A service's <c>/metrics</c> in the Prometheus text format, as samples with their labels.</summary>
public sealed partial class PrometheusScrape(IReadOnlyList<PrometheusScrape.Sample> samples)
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IReadOnlyList<Sample> Samples => samples;

    public static async Task<PrometheusScrape> ReadAsync(Uri service)
    {
        using var client = new HttpClient { BaseAddress = service };
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var parsed = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (SampleLine().Match(line) is { Success: true } match)
            {
                var labels = LabelPair().Matches(match.Groups["labels"].Value)
                    .ToDictionary(label => label.Groups["key"].Value, label => label.Groups["value"].Value, StringComparer.Ordinal);
                parsed.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
            }
        }
        return new PrometheusScrape(parsed);
    }

    /// <summary>The sum over the samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        samples.Where(sample => sample.Name == name && labels.All(label => sample.Labels.GetValueOrDefault(label.Key) == label.Value)).Sum(sample => sample.Value);

    /// <summary>How much <see cref="Sum"/> grew since an earlier scrape of the same service.</summary>
    public double Since(PrometheusScrape before, string name, params (string Key, string Value)[] labels) =>
        Sum(name, labels) - before.Sum(name, labels);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})?\s+(?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>[^\"]*)\"")]
    private static partial Regex LabelPair();
}
